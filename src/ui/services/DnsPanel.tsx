import { useId, type FormEvent } from 'react';
import type { DnsType } from '../../core/dns/records';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';

const TYPES: DnsType[] = ['A', 'SRV', 'PTR', 'TXT', 'AAAA', 'CNAME'];
const INPUT = 'kne-focus rounded-md border border-slate-500 bg-white px-2 py-1.5 font-mono text-sm';
const FIELD = 'flex flex-col gap-1 text-xs font-semibold tracking-wide text-slate-700 uppercase';

/**
 * Ask a name from inside a Pod: the worker runs the Pod's stub resolver (resolv.conf search list,
 * ndots) against CoreDNS's records and reports every name tried and the final answer.
 */
export function DnsPanel() {
  const t = useT();
  const uid = useId();
  const nodes = useApp((s) => s.topology?.nodes);
  const query = useApp((s) => s.dnsQuery);
  const probeFrom = useApp((s) => s.probe.from);
  const answer = useApp((s) => s.dnsResult);
  const busy = useApp((s) => s.dnsBusy);
  const setQuery = useApp((s) => s.setDnsQuery);
  const resolveName = useApp((s) => s.resolveName);
  const pods = nodes?.flatMap((n) => n.pods) ?? [];
  const isPod = (k: string) => pods.some((p) => p.key === k);
  // Until the user picks, ask from the Pod the trace starts at (else the first Pod).
  const from = isPod(query.from) ? query.from : isPod(probeFrom) ? probeFrom : (pods[0]?.key ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (query.from !== from) setQuery({ from });
    void resolveName();
  };
  const result = answer?.result ?? null;

  return (
    <section
      aria-labelledby={`${uid}-h`}
      className="rounded-xl border border-slate-300 bg-white p-3"
      data-testid="dns-panel"
    >
      <h2 id={`${uid}-h`} className="mb-2 text-base font-bold">
        {t.t('dns.heading')}
      </h2>
      <form className="flex flex-wrap items-end gap-3" onSubmit={submit} aria-describedby={`${uid}-hint`}>
        <div className={FIELD}>
          <label htmlFor={`${uid}-from`}>{t.t('dns.from')}</label>
          <select
            id={`${uid}-from`}
            value={from}
            data-testid="dns-from"
            className={`${INPUT} w-[15rem]`}
            onChange={(e) => setQuery({ from: e.target.value })}
          >
            {nodes?.map((n) => (
              <optgroup key={n.name} label={n.name}>
                {n.pods.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.key}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className={FIELD}>
          <label htmlFor={`${uid}-name`}>{t.t('dns.name')}</label>
          <input
            id={`${uid}-name`}
            type="text"
            required
            autoComplete="off"
            spellCheck={false}
            value={query.name}
            data-testid="dns-name"
            className={`${INPUT} w-[18rem] normal-case`}
            onChange={(e) => setQuery({ name: e.target.value })}
          />
        </div>
        <div className={FIELD}>
          <label htmlFor={`${uid}-type`}>{t.t('dns.type')}</label>
          <select
            id={`${uid}-type`}
            value={query.type}
            data-testid="dns-type"
            className={INPUT}
            onChange={(e) => setQuery({ type: e.target.value as DnsType })}
          >
            {TYPES.map((ty) => (
              <option key={ty}>{ty}</option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={!from || !query.name.trim() || busy}
          data-testid="dns-run"
          className="kne-focus rounded-md bg-cyan-800 px-5 py-2 text-base font-bold text-white hover:bg-cyan-900 disabled:bg-slate-400"
        >
          {busy ? t.t('dns.running') : t.t('dns.run')}
        </button>
      </form>
      <p id={`${uid}-hint`} className="mt-1 text-sm text-slate-700">
        {t.t('dns.hint')}
      </p>

      {answer && !result && (
        <p className="mt-2 text-sm text-red-800" role="alert">
          {t.t('dns.unknownPod', { pod: answer.query.from })}
        </p>
      )}
      {answer && result && (
        <div
          className="mt-3 grid gap-3 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]"
          data-testid="dns-result"
          aria-live="polite"
        >
          <div>
            <h3 className="mb-1 text-sm font-bold">{t.t('dns.resolvConf', { pod: answer.query.from })}</h3>
            <pre
              tabIndex={0}
              className="kne-focus overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-sm text-slate-50"
              data-testid="dns-resolvconf"
            >
              {result.resolvConf}
            </pre>
            {result.server && (
              <p className="mt-1 text-sm text-slate-800">{t.t('dns.server', { server: result.server })}</p>
            )}
            {result.forwarded && <p className="text-sm text-slate-800">{t.t('dns.forwarded')}</p>}
          </div>
          <div className="flex min-w-0 flex-col gap-3">
            <table className="w-full border-collapse text-sm" data-testid="dns-tried">
              <caption className="mb-1 text-left text-sm font-bold">{t.t('dns.tried')}</caption>
              <thead>
                <tr className="text-left text-xs text-slate-700">
                  <th scope="col" className="w-8 py-1">
                    #
                  </th>
                  <th scope="col" className="py-1">
                    {t.t('dns.col.name')}
                  </th>
                  <th scope="col" className="py-1">
                    {t.t('dns.col.rcode')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.tried.map((x, i) => (
                  <tr key={i} className="border-t border-slate-200" data-rcode={x.rcode}>
                    <td className="py-1 font-mono text-slate-600">{i + 1}</td>
                    <td className="py-1 font-mono break-all">{x.name}</td>
                    <td className="py-1">
                      <span
                        className={`rounded border px-1.5 font-mono text-xs font-bold ${
                          x.rcode === 'NOERROR'
                            ? 'border-green-800 bg-green-100 text-green-900'
                            : 'border-red-800 bg-red-100 text-red-900'
                        }`}
                      >
                        {x.rcode}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="w-full border-collapse text-sm" data-testid="dns-answers">
              <caption className="mb-1 text-left text-sm font-bold">{t.t('dns.answers')}</caption>
              <thead>
                <tr className="text-left text-xs text-slate-700">
                  <th scope="col" className="py-1">
                    {t.t('dns.col.name')}
                  </th>
                  <th scope="col" className="py-1">
                    {t.t('dns.col.ttl')}
                  </th>
                  <th scope="col" className="py-1">
                    {t.t('dns.col.type')}
                  </th>
                  <th scope="col" className="py-1">
                    {t.t('dns.col.data')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.answers.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="py-1 text-slate-700">
                      {t.t('dns.noAnswer')}
                    </td>
                  </tr>
                ) : (
                  result.answers.map((a, i) => (
                    <tr key={i} className="border-t border-slate-200 font-mono" data-testid="dns-answer">
                      <td className="py-1 break-all">{a.name}</td>
                      <td className="py-1">{a.ttl}</td>
                      <td className="py-1">{a.type}</td>
                      <td className="py-1 font-bold break-all">{a.data}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
