import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Scenario } from '../../core/model/scenario';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks/useT';
import {
  addPod,
  formatLabels,
  formatPorts,
  isDnsSubdomain,
  parseLabels,
  parsePorts,
  podFields,
  removePod,
  updatePod,
  type PodFields,
} from './edits';
import {
  EditStatusLine,
  FieldProblems,
  inputClass,
  invalidProps,
  labelClass,
  primaryBtn,
  smallBtn,
} from './FieldProblems';
import { normPath, useEditRun } from './useEditRun';

/** The editor lists this many Pods at most (large presets are edited as files). */
const MAX_LISTED = 500;
const NEW = '';

type Field = 'name' | 'namespace' | 'node' | 'labels' | 'ports';
/** Which form field a problem path below `pods[i]` belongs to. */
const FIELD_OF: [RegExp, Field][] = [
  [/^metadata\.name/, 'name'],
  [/^metadata\.namespace/, 'namespace'],
  [/^metadata\.labels/, 'labels'],
  [/^spec\.nodeName/, 'node'],
  [/^spec\.containers/, 'ports'],
];

interface Texts {
  name: string;
  namespace: string;
  node: string;
  labels: string;
  ports: string;
}

const podKeyOf = (ns: string, name: string) => `${ns}/${name}`;

function textsFor(scenario: Scenario, key: string): Texts {
  const pod = scenario.pods.find((p) => podKeyOf(p.metadata.namespace ?? 'default', p.metadata.name) === key);
  if (!pod)
    return {
      name: '',
      namespace: scenario.namespaces[0]?.metadata.name ?? 'default',
      node: scenario.nodes[0]?.metadata.name ?? '',
      labels: '',
      ports: '',
    };
  const f = podFields(pod);
  return {
    name: f.name,
    namespace: f.namespace,
    node: f.node,
    labels: formatLabels(f.labels),
    ports: formatPorts(f.ports),
  };
}

/** Add, change (name, namespace, node, labels, container ports) or remove one Pod. */
export function PodEditor({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const uid = useId();
  const { run, status, problems, reset } = useEditRun();
  const [selected, setSelected] = useState(NEW);
  const [texts, setTexts] = useState<Texts>(() => textsFor(scenario, NEW));
  const [shown, setShown] = useState({ scenario, selected });
  if (shown.scenario !== scenario || shown.selected !== selected) {
    setShown({ scenario, selected });
    setTexts(textsFor(scenario, selected));
  }
  const keys = scenario.pods.map((p) => podKeyOf(p.metadata.namespace ?? 'default', p.metadata.name));
  const index = selected === NEW ? scenario.pods.length : keys.indexOf(selected);

  const name = texts.name.trim();
  const labels = parseLabels(texts.labels);
  const ports = parsePorts(texts.ports);
  const key = podKeyOf(texts.namespace, name);
  const local: Partial<Record<Field, string>> = {};
  // An empty name only disables the button; the other checks speak up as soon as they fail.
  if (!name) local.name = '';
  else if (!isDnsSubdomain(name)) local.name = t.t('editor.err.name');
  else if (key !== selected && keys.includes(key)) local.name = t.t('editor.err.taken');
  if (!texts.node) local.node = t.t('editor.err.required');
  if (!labels) local.labels = t.t('editor.err.labels');
  if (!ports) local.ports = t.t('editor.err.ports');
  const valid = Object.keys(local).length === 0;

  const mine = problems.filter((p) => normPath(p.path).startsWith(`pods[${index}]`));
  const fieldOf = (path: string): Field | null => {
    const rest = normPath(path).slice(`pods[${index}]`.length).replace(/^\./, '');
    return FIELD_OF.find(([re]) => re.test(rest))?.[1] ?? null;
  };
  const at = (f: Field) => mine.filter((p) => fieldOf(p.path) === f);
  const other = problems.filter((p) => !mine.includes(p) || fieldOf(p.path) === null);

  const fields = (): PodFields => ({
    namespace: texts.namespace,
    name,
    node: texts.node,
    labels: labels ?? {},
    ports: ports ?? [],
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    if (selected === NEW) {
      void run(addPod(fields())).then((ok) => ok && setSelected(key));
    } else {
      const [ns, podName] = selected.split('/') as [string, string];
      void run(updatePod(ns, podName, fields())).then((ok) => ok && setSelected(key));
    }
  };
  const remove = () => {
    const [ns, podName] = selected.split('/') as [string, string];
    void run(removePod(ns, podName)).then((ok) => ok && setSelected(NEW));
  };

  const set = (f: Field) => (v: string) => setTexts((x) => ({ ...x, [f]: v }));
  const field = (f: Field, label: MessageKey, control: (id: string, errProps: object) => ReactNode) => {
    const id = `${uid}-${f}`;
    const errId = `${id}-err`;
    const found = at(f);
    return (
      <div>
        <label htmlFor={id} className={labelClass}>
          {t.t(label)}
        </label>
        {control(id, invalidProps(errId, found.length > 0 || Boolean(local[f])))}
        <FieldProblems id={errId} problems={found} local={local[f] || null} />
      </div>
    );
  };
  const busy = status === 'checking';

  return (
    <section aria-labelledby={`${uid}-h`} data-testid="editor-pods">
      <h3 id={`${uid}-h`} className="mb-2 text-sm font-bold">
        {t.t('editor.pods')}
      </h3>
      <label htmlFor={`${uid}-pick`} className={labelClass}>
        {t.t('editor.pod')}
      </label>
      <select
        id={`${uid}-pick`}
        value={selected}
        className={`${inputClass} mb-2`}
        data-testid="pod-select"
        onChange={(e) => {
          reset();
          setSelected(e.target.value);
        }}
      >
        <option value={NEW}>{t.t('editor.newPod')}</option>
        {keys.slice(0, MAX_LISTED).map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
        {field('name', 'editor.podName', (id, p) => (
          <input
            id={id}
            value={texts.name}
            spellCheck={false}
            className={inputClass}
            data-testid="pod-name"
            {...p}
            onChange={(e) => set('name')(e.target.value)}
          />
        ))}
        {field('namespace', 'editor.podNamespace', (id, p) => (
          <select
            id={id}
            value={texts.namespace}
            className={inputClass}
            data-testid="pod-namespace"
            {...p}
            onChange={(e) => set('namespace')(e.target.value)}
          >
            {scenario.namespaces.map((n) => (
              <option key={n.metadata.name}>{n.metadata.name}</option>
            ))}
          </select>
        ))}
        {field('node', 'editor.podNode', (id, p) => (
          <select
            id={id}
            value={texts.node}
            className={inputClass}
            data-testid="pod-node"
            {...p}
            onChange={(e) => set('node')(e.target.value)}
          >
            {scenario.nodes.map((n) => (
              <option key={n.metadata.name}>{n.metadata.name}</option>
            ))}
          </select>
        ))}
        {field('labels', 'editor.labels', (id, p) => (
          <input
            id={id}
            value={texts.labels}
            spellCheck={false}
            className={inputClass}
            data-testid="pod-labels"
            {...p}
            onChange={(e) => set('labels')(e.target.value)}
          />
        ))}
        {field('ports', 'editor.ports', (id, p) => (
          <input
            id={id}
            value={texts.ports}
            spellCheck={false}
            className={inputClass}
            data-testid="pod-ports"
            {...p}
            onChange={(e) => set('ports')(e.target.value)}
          />
        ))}
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2">
          <button
            type="submit"
            className={primaryBtn}
            disabled={busy || !valid}
            data-testid={selected === NEW ? 'pod-add' : 'pod-save'}
          >
            {t.t(selected === NEW ? 'editor.addPod' : 'editor.savePod')}
          </button>
          {selected !== NEW && (
            <button
              type="button"
              className={smallBtn}
              disabled={busy}
              data-testid="pod-remove"
              onClick={remove}
            >
              {t.t('editor.removePod')}
            </button>
          )}
        </div>
      </form>
      {other.length > 0 && <FieldProblems id={`${uid}-other`} problems={other} />}
      <EditStatusLine status={status} testid="pod-status" />
    </section>
  );
}
