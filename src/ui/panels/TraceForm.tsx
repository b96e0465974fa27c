import { useId, type FormEvent } from 'react';
import type { Protocol } from '../../core/model/k8s';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { EndpointPicker, FromSelect, ToPicker } from '../services/TraceTargets';
import { ServicePortPicker } from '../services/ServicePortPicker';

const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** From / to (Pods, Services, names, IPs) / port / protocol, the Service endpoint, and the Trace button. */
export function TraceForm() {
  const t = useT();
  const uid = useId();
  const probe = useApp((s) => s.probe);
  const choose = useApp((s) => s.chooseProbe);
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
          <FromSelect id={`${uid}-from`} value={probe.from} onChange={(from) => choose({ from })} />
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-to`}>{t.t('trace.to')}</label>
          <ToPicker
            id={`${uid}-to`}
            value={probe.to}
            onChange={(to) => choose({ to })}
            onTypeName={(to) => setProbe({ to })}
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
            onChange={(e) => choose({ port: Math.min(65535, Math.max(1, Number(e.target.value) || 1)) })}
          />
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-proto`}>{t.t('trace.protocol')}</label>
          <select
            id={`${uid}-proto`}
            value={probe.protocol}
            data-testid="probe-protocol"
            className="kne-focus rounded-md border border-slate-500 bg-white px-2 py-1.5 font-mono text-sm"
            onChange={(e) => choose({ protocol: e.target.value as Protocol })}
          >
            {PROTOCOLS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <ServicePortPicker />
        <EndpointPicker />
        <button
          type="submit"
          disabled={!ready || tracing || same || !probe.to}
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
