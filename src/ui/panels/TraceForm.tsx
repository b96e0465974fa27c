import { useId, type FormEvent } from 'react';
import type { Protocol } from '../../core/model/k8s';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';

const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

function PodSelect({
  id,
  value,
  onChange,
  testid,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  testid: string;
}) {
  const nodes = useApp((s) => s.topology?.nodes);
  return (
    <select
      id={id}
      value={value}
      data-testid={testid}
      className="kne-focus w-[17rem] max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5 font-mono text-sm"
      onChange={(e) => onChange(e.target.value)}
    >
      {nodes?.map((n) => (
        <optgroup key={n.name} label={`${n.name} (${n.ip})`}>
          {n.pods.map((p) => (
            <option key={p.key} value={p.key}>
              {p.key} — {p.ip}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** From / to / port / protocol, and the Trace button. */
export function TraceForm() {
  const t = useT();
  const uid = useId();
  const probe = useApp((s) => s.probe);
  const setProbe = useApp((s) => s.setProbe);
  const runTrace = useApp((s) => s.runTrace);
  const tracing = useApp((s) => s.status === 'tracing');
  const ready = useApp((s) => s.topology !== null);
  const same = probe.from !== '' && probe.from === probe.to;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!same) void runTrace({ autoplay: true });
  };
  const field = 'flex flex-col gap-1 text-xs font-semibold tracking-wide text-slate-700 uppercase';
  return (
    <section aria-labelledby={`${uid}-h`} className="rounded-xl border border-slate-300 bg-white p-3">
      <h2 id={`${uid}-h`} className="mb-2 text-base font-bold">
        {t.t('trace.heading')}
      </h2>
      <form className="flex flex-wrap items-end gap-3" onSubmit={submit}>
        <div className={field}>
          <label htmlFor={`${uid}-from`}>{t.t('trace.from')}</label>
          <PodSelect
            id={`${uid}-from`}
            testid="probe-from"
            value={probe.from}
            onChange={(from) => setProbe({ from })}
          />
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-to`}>{t.t('trace.to')}</label>
          <PodSelect
            id={`${uid}-to`}
            testid="probe-to"
            value={probe.to}
            onChange={(to) => setProbe({ to })}
          />
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-port`}>{t.t('trace.port')}</label>
          <input
            id={`${uid}-port`}
            type="number"
            min={1}
            max={65535}
            required
            value={probe.port}
            data-testid="probe-port"
            className="kne-focus w-24 rounded-md border border-slate-500 px-2 py-1.5 font-mono text-sm"
            onChange={(e) => setProbe({ port: Math.min(65535, Math.max(1, Number(e.target.value) || 1)) })}
          />
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-proto`}>{t.t('trace.protocol')}</label>
          <select
            id={`${uid}-proto`}
            value={probe.protocol}
            data-testid="probe-protocol"
            className="kne-focus rounded-md border border-slate-500 bg-white px-2 py-1.5 font-mono text-sm"
            onChange={(e) => setProbe({ protocol: e.target.value as Protocol })}
          >
            {PROTOCOLS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={!ready || tracing || same}
          data-testid="trace-run"
          className="kne-focus rounded-md bg-sky-700 px-5 py-2 text-base font-bold text-white hover:bg-sky-800 disabled:bg-slate-400"
        >
          {tracing ? t.t('trace.running') : t.t('trace.run')}
        </button>
      </form>
      {same && <p className="mt-2 text-sm text-red-800">{t.t('trace.samePod')}</p>}
    </section>
  );
}
