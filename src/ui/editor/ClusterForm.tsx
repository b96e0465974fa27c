import { useId, useState, type FormEvent } from 'react';
import type { ClusterSettings } from '../../core/model/scenario';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks/useT';
import { setCluster } from './edits';
import {
  EditStatusLine,
  FieldProblems,
  inputClass,
  invalidProps,
  labelClass,
  primaryBtn,
} from './FieldProblems';
import { normPath, useEditRun } from './useEditRun';

type Field = 'podCidr' | 'nodeCidrMaskSize' | 'serviceCidr' | 'underlayCidr' | 'underlayGateway';
const FIELDS: { field: Field; label: MessageKey }[] = [
  { field: 'podCidr', label: 'editor.podCidr' },
  { field: 'nodeCidrMaskSize', label: 'editor.nodeMask' },
  { field: 'serviceCidr', label: 'editor.serviceCidr' },
  { field: 'underlayCidr', label: 'editor.underlayCidr' },
  { field: 'underlayGateway', label: 'editor.underlayGateway' },
];

const toValues = (c: ClusterSettings): Record<Field, string> => ({
  podCidr: c.podCidr,
  nodeCidrMaskSize: String(c.nodeCidrMaskSize),
  serviceCidr: c.serviceCidr,
  underlayCidr: c.underlayCidr,
  underlayGateway: c.underlayGateway,
});

/** The ranges kubeadm asks for: Pod CIDR and per-node mask, Service CIDR, and the node network. */
export function ClusterForm({ cluster }: { cluster: ClusterSettings }) {
  const t = useT();
  const uid = useId();
  const { run, status, problems } = useEditRun();
  const [values, setValues] = useState(() => toValues(cluster));
  // The document changed (an applied edit, undo, a link): show its values. A rejected edit keeps
  // what was typed, so it can be corrected.
  const [shown, setShown] = useState(cluster);
  if (shown !== cluster) {
    setShown(cluster);
    setValues(toValues(cluster));
  }
  const mask = Number(values.nodeCidrMaskSize);
  const maskBad = !/^\d+$/.test(values.nodeCidrMaskSize.trim()) || mask < 1 || mask > 30;
  const onField = (field: Field) => problems.filter((p) => normPath(p.path) === `cluster.${field}`);
  const other = problems.filter((p) => !FIELDS.some((f) => normPath(p.path) === `cluster.${f.field}`));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (maskBad) return;
    void run(
      setCluster({
        podCidr: values.podCidr.trim(),
        nodeCidrMaskSize: mask,
        serviceCidr: values.serviceCidr.trim(),
        underlayCidr: values.underlayCidr.trim(),
        underlayGateway: values.underlayGateway.trim(),
      }),
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${uid}-h`} data-testid="editor-cluster" noValidate>
      <h3 id={`${uid}-h`} className="mb-2 text-sm font-bold">
        {t.t('editor.cluster')}
      </h3>
      <div className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
        {FIELDS.map(({ field, label }) => {
          const id = `${uid}-${field}`;
          const errId = `${id}-err`;
          const found = onField(field);
          const local = field === 'nodeCidrMaskSize' && maskBad ? t.t('editor.err.mask') : null;
          return (
            <div key={field}>
              <label htmlFor={id} className={labelClass}>
                {t.t(label)}
              </label>
              <input
                id={id}
                value={values[field]}
                inputMode={field === 'nodeCidrMaskSize' ? 'numeric' : undefined}
                spellCheck={false}
                className={inputClass}
                data-testid={`cluster-${field}`}
                {...invalidProps(errId, found.length > 0 || local !== null)}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
              />
              <FieldProblems id={errId} problems={found} local={local} />
            </div>
          );
        })}
      </div>
      {other.length > 0 && <FieldProblems id={`${uid}-other`} problems={other} />}
      <div className="mt-2 flex items-center gap-3">
        <button
          type="submit"
          className={primaryBtn}
          disabled={status === 'checking'}
          data-testid="cluster-apply"
        >
          {t.t('editor.apply')}
        </button>
        <EditStatusLine status={status} testid="cluster-status" />
      </div>
    </form>
  );
}
