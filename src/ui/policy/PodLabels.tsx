import { useId, useState, type FormEvent } from 'react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { isLabelKey, isLabelValue, setPodLabel } from './edits';

/** A Pod's labels (what policy selectors match): add, change or remove one. */
export function PodLabels() {
  const t = useT();
  const uid = useId();
  const pods = useApp((s) => s.scenario?.pods);
  const applyEdit = useApp((s) => s.applyEdit);
  const [chosen, setChosen] = useState('');
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const keys = (pods ?? []).map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`);
  const podKey = keys.includes(chosen) ? chosen : (keys[0] ?? '');
  const pod = pods?.[keys.indexOf(podKey)];
  const labels = Object.entries(pod?.metadata.labels ?? {});

  const apply = async (k: string, v: string | null): Promise<boolean> => {
    const r = await applyEdit(setPodLabel(podKey, k, v));
    setProblem(
      r.ok ? null : r.problems.map((p) => `${p.path}: ${t.said(p)}`).join('; ') || t.t('policy.refused'),
    );
    return r.ok;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const k = key.trim();
    const v = value.trim();
    if (!isLabelKey(k)) return setProblem(t.t('labels.badKey', { key: k }));
    if (!isLabelValue(v)) return setProblem(t.t('labels.badValue', { value: v }));
    if (await apply(k, v)) {
      setKey('');
      setValue('');
    }
  };

  const control = 'kne-focus rounded-md border border-slate-500 bg-white px-2 py-1 font-mono text-sm';
  return (
    <div className="flex flex-col gap-3" data-testid="pod-labels">
      <p className="text-sm text-slate-700">{t.t('labels.intro')}</p>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${uid}-pod`} className="text-xs font-semibold text-slate-700">
          {t.t('labels.pod')}
        </label>
        <select
          id={`${uid}-pod`}
          value={podKey}
          data-testid="labels-pod"
          className={`${control} w-72 max-w-full`}
          onChange={(e) => {
            setChosen(e.target.value);
            setProblem(null);
          }}
        >
          {keys.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </div>
      {labels.length === 0 ? (
        <p className="text-sm text-slate-700">{t.t('labels.none')}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t.t('labels.current', { pod: podKey })}>
          {labels.map(([k, v]) => (
            <li
              key={k}
              className="flex items-center gap-1 rounded-full border border-slate-400 bg-slate-50 py-0.5 pr-1 pl-3 font-mono text-sm"
              data-testid="pod-label"
              data-key={k}
            >
              {k}={v}
              <button
                type="button"
                className="kne-focus rounded-full px-1.5 font-bold text-red-800 hover:bg-red-100"
                aria-label={t.t('labels.remove', { label: `${k}=${v}` })}
                data-testid="pod-label-remove"
                onClick={() => void apply(k, null)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => void submit(e)}>
        <div className="flex flex-col gap-0.5">
          <label htmlFor={`${uid}-key`} className="text-xs font-semibold text-slate-700">
            {t.t('labels.key')}
          </label>
          <input
            id={`${uid}-key`}
            value={key}
            data-testid="label-key"
            className={`${control} w-44`}
            onChange={(e) => setKey(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-0.5">
          <label htmlFor={`${uid}-value`} className="text-xs font-semibold text-slate-700">
            {t.t('labels.value')}
          </label>
          <input
            id={`${uid}-value`}
            value={value}
            data-testid="label-value"
            className={`${control} w-36`}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <button
          type="submit"
          disabled={!podKey || !key.trim()}
          data-testid="label-add"
          className="kne-focus rounded-md bg-sky-700 px-3 py-1 font-bold text-white hover:bg-sky-800 disabled:bg-slate-400"
        >
          {t.t('labels.add')}
        </button>
      </form>
      {problem && (
        <p role="alert" className="font-semibold text-red-800" data-testid="labels-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
