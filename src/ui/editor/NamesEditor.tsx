import { useId, useState, type FormEvent } from 'react';
import type { Problem } from '../../core/model/cluster';
import type { Scenario } from '../../core/model/scenario';
import { useT } from '../hooks/useT';
import {
  EditStatusLine,
  FieldProblems,
  fieldClass,
  invalidProps,
  labelClass,
  primaryBtn,
  smallBtn,
} from './FieldProblems';
import { useEditRun } from './useEditRun';

type Edit = (s: Scenario) => Scenario;

export interface NamesEditorProps {
  /** Scenario collection, also the problem path prefix (`nodes[3].…`). */
  collection: 'nodes' | 'namespaces';
  heading: string;
  hint: string;
  newLabel: string;
  names: string[];
  isValidName: (name: string) => boolean;
  add: (name: string) => Edit;
  rename: (from: string, to: string) => Edit;
  remove: (name: string) => Edit;
}

/** One named object: rename in place, or remove. */
function Row({
  name,
  index,
  props,
  problems,
  run,
  busy,
}: {
  name: string;
  index: number;
  props: NamesEditorProps;
  problems: Problem[];
  run: (e: Edit, index: number) => void;
  busy: boolean;
}) {
  const t = useT();
  const uid = useId();
  const [value, setValue] = useState(name);
  const [shown, setShown] = useState(name);
  if (shown !== name) {
    setShown(name);
    setValue(name);
  }
  const next = value.trim();
  const local =
    next === name
      ? null
      : !props.isValidName(next)
        ? t.t('editor.err.name')
        : props.names.includes(next)
          ? t.t('editor.err.taken')
          : null;
  const errId = `${uid}-err`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== name && !local) run(props.rename(name, next), index);
  };
  return (
    <li data-testid={`${props.collection}-row`} data-name={name}>
      <form className="flex flex-wrap items-center gap-2" onSubmit={submit}>
        <label htmlFor={`${uid}-name`} className="sr-only">
          {t.t('editor.nameOf', { name })}
        </label>
        <input
          id={`${uid}-name`}
          value={value}
          spellCheck={false}
          className={`${fieldClass} w-48 min-w-0`}
          {...invalidProps(errId, local !== null || problems.length > 0)}
          onChange={(e) => setValue(e.target.value)}
        />
        <button
          type="submit"
          className={smallBtn}
          disabled={busy || next === name || local !== null}
          aria-label={t.t('editor.renameOf', { name })}
        >
          {t.t('editor.rename')}
        </button>
        <button
          type="button"
          className={smallBtn}
          disabled={busy}
          aria-label={t.t('editor.removeOf', { name })}
          data-testid="remove"
          onClick={() => run(props.remove(name), index)}
        >
          {t.t('editor.remove')}
        </button>
      </form>
      <FieldProblems id={errId} problems={problems} local={local} />
    </li>
  );
}

/** Nodes or namespaces: add, rename, remove; each change validated by the worker first. */
export function NamesEditor(props: NamesEditorProps) {
  const t = useT();
  const uid = useId();
  const { run, status, problems } = useEditRun();
  // Which row (or the add form, index = names.length) the last change came from.
  const [origin, setOrigin] = useState(-1);
  const [draft, setDraft] = useState('');
  const go = (edit: Edit, index: number) => {
    setOrigin(index);
    void run(edit).then((ok) => ok && index === props.names.length && setDraft(''));
  };
  // A rejected change's problems show beside the row (or the add form) it came from.
  const rowProblems = (i: number) => (i === origin ? problems : []);

  const name = draft.trim();
  const addLocal =
    name === ''
      ? null
      : !props.isValidName(name)
        ? t.t('editor.err.name')
        : props.names.includes(name)
          ? t.t('editor.err.taken')
          : null;
  const addErr = `${uid}-add-err`;
  const addProblems = origin === props.names.length ? problems : [];
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (name && !addLocal) go(props.add(name), props.names.length);
  };
  const busy = status === 'checking';

  return (
    <section aria-labelledby={`${uid}-h`} data-testid={`editor-${props.collection}`}>
      <h3 id={`${uid}-h`} className="mb-1 text-sm font-bold">
        {props.heading}
      </h3>
      <p className="mb-2 text-xs text-slate-700">{props.hint}</p>
      <ul className="space-y-1.5">
        {props.names.map((n, i) => (
          <Row key={n} name={n} index={i} props={props} problems={rowProblems(i)} run={go} busy={busy} />
        ))}
      </ul>
      <form className="mt-2 flex flex-wrap items-end gap-2" onSubmit={add}>
        <div>
          <label htmlFor={`${uid}-add`} className={labelClass}>
            {props.newLabel}
          </label>
          <input
            id={`${uid}-add`}
            value={draft}
            spellCheck={false}
            className={`${fieldClass} w-48 min-w-0`}
            data-testid={`${props.collection}-new`}
            {...invalidProps(addErr, addLocal !== null || addProblems.length > 0)}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <button type="submit" className={primaryBtn} disabled={busy || !name || addLocal !== null}>
          {t.t('editor.add')}
        </button>
      </form>
      <FieldProblems id={addErr} problems={addProblems} local={addLocal} />
      <EditStatusLine status={status} />
    </section>
  );
}
