import { useEffect, useId, type FormEvent } from 'react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { FromSelect } from '../services/TraceTargets';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/**
 * The request builder: method, URL and headers of an HTTP request sent through a Gateway or an
 * Ingress. Shown when the scenario has one; the trace lands in the same hop list and canvas.
 */
export function RequestBuilder() {
  const t = useT();
  const uid = useId();
  const topology = useApp((s) => s.topology);
  const l7 = useApp((s) => s.l7);
  const form = useApp((s) => s.httpForm);
  const setForm = useApp((s) => s.setHttpForm);
  const refresh = useApp((s) => s.refreshL7);
  const run = useApp((s) => s.runHttpTrace);
  const httpError = useApp((s) => s.httpError);
  const tracing = useApp((s) => s.status === 'tracing');

  // A new scenario (load, import, edit) may bring or drop Gateways and Ingresses.
  useEffect(() => {
    if (topology) void refresh();
  }, [topology, refresh]);

  if (!l7 || l7.entries.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run({ autoplay: true });
  };
  const field = 'flex flex-col gap-1 text-xs font-semibold tracking-wide text-slate-700 uppercase';
  const input =
    'kne-focus max-w-full min-w-0 rounded-md border border-slate-500 bg-white px-2 py-1.5 font-mono text-sm normal-case';
  return (
    <section
      aria-labelledby={`${uid}-h`}
      className="rounded-xl border border-rose-300 bg-white p-3"
      data-testid="request-builder"
    >
      <h2 id={`${uid}-h`} className="text-base font-bold">
        {t.t('l7.builder.heading')}
      </h2>
      <p className="mb-2 text-sm text-slate-700">{t.t('l7.builder.hint')}</p>
      <form className="flex flex-wrap items-end gap-3" onSubmit={submit}>
        <div className={field}>
          <label htmlFor={`${uid}-from`}>{t.t('l7.builder.from')}</label>
          <FromSelect id={`${uid}-from`} value={form.from} onChange={(from) => setForm({ from })} />
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-method`}>{t.t('l7.builder.method')}</label>
          <select
            id={`${uid}-method`}
            value={form.method}
            data-testid="http-method"
            className={input}
            onChange={(e) => setForm({ method: e.target.value })}
          >
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className={`${field} min-w-64 flex-1`}>
          <label htmlFor={`${uid}-url`}>{t.t('l7.builder.url')}</label>
          <input
            id={`${uid}-url`}
            type="text"
            inputMode="url"
            spellCheck={false}
            value={form.url}
            data-testid="http-url"
            className={input}
            aria-invalid={httpError !== null || undefined}
            aria-describedby={httpError ? `${uid}-err` : undefined}
            onChange={(e) => setForm({ url: e.target.value })}
          />
        </div>
        <div className={`${field} w-full`}>
          <label htmlFor={`${uid}-headers`}>{t.t('l7.builder.headers')}</label>
          <textarea
            id={`${uid}-headers`}
            rows={2}
            spellCheck={false}
            value={form.headers}
            data-testid="http-headers"
            className={input}
            onChange={(e) => setForm({ headers: e.target.value })}
          />
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-via`}>{t.t('l7.builder.via')}</label>
          <select
            id={`${uid}-via`}
            value={form.via}
            data-testid="http-via"
            className={input}
            onChange={(e) => setForm({ via: e.target.value })}
          >
            <option value="">{t.t('l7.builder.viaAuto')}</option>
            {l7.entries.map((e) => (
              <option key={e.via} value={e.via}>
                {e.via}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-up`}>{t.t('l7.builder.upstream')}</label>
          <select
            id={`${uid}-up`}
            value={form.upstreamVia}
            data-testid="http-upstream-via"
            className={input}
            onChange={(e) => setForm({ upstreamVia: e.target.value as '' | 'endpoints' | 'clusterip' })}
          >
            <option value="">{t.t('l7.builder.upstreamDefault')}</option>
            <option value="endpoints">{t.t('l7.builder.upstreamEndpoints')}</option>
            <option value="clusterip">{t.t('l7.builder.upstreamClusterIp')}</option>
          </select>
        </div>
        <button
          type="submit"
          disabled={tracing || form.url.trim() === ''}
          data-testid="http-send"
          className="kne-focus rounded-md bg-rose-700 px-5 py-2 text-base font-bold text-white hover:bg-rose-800 disabled:bg-slate-400"
        >
          {t.t('l7.builder.send')}
        </button>
      </form>
      {httpError && (
        <p
          id={`${uid}-err`}
          role="alert"
          className="mt-2 text-sm font-semibold text-red-800"
          data-testid="http-error"
        >
          {t.l7(httpError)}
        </p>
      )}
    </section>
  );
}
