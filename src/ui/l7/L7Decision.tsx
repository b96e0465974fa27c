import type { HttpMessage, L7HopFacts } from '../../core/trace/types';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks/useT';

function Message({ m, caption, testid }: { m: HttpMessage; caption: string; testid: string }) {
  const lines = [
    `${m.method} ${m.path}${m.query ? `?${m.query}` : ''} HTTP/1.1`,
    ...Object.entries(m.headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return (
    <div>
      <h4 className="mb-1 text-sm font-bold">{caption}</h4>
      <pre
        tabIndex={0}
        className="kne-focus overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs whitespace-pre-wrap text-slate-50 [overflow-wrap:anywhere]"
        data-testid={testid}
      >
        {lines.join('\n')}
      </pre>
    </div>
  );
}

/** The decision of an `l7` hop, from the facts the tracer put on it (never parsed from the sentence). */
export function L7Decision({ l7 }: { l7: L7HopFacts }) {
  const t = useT();
  const none = t.t('l7.detail.none');
  const rows: [MessageKey, string, string][] = [
    ['l7.detail.via', 'via', l7.via],
    ['l7.detail.listener', 'listener', l7.listener ?? none],
    ['l7.detail.route', 'route', l7.route ? `${l7.routeKind ?? ''} ${l7.route}`.trim() : none],
    ['l7.detail.rule', 'rule', l7.rule === null ? none : String(l7.rule)],
    ['l7.detail.why', 'why', t.l7(l7.precedence)],
    [
      'l7.detail.filters',
      'filters',
      l7.filters.length ? l7.filters.map((f) => `${f.type} ${f.detail}`).join('; ') : none,
    ],
    ['l7.detail.backend', 'backend', l7.backend ?? none],
    ['l7.detail.status', 'status', String(l7.status)],
    ...(l7.location
      ? ([['l7.detail.location', 'location', l7.location]] as [MessageKey, string, string][])
      : []),
    ...(l7.upstream
      ? ([
          [
            'l7.detail.dials',
            'dials',
            t.t(
              l7.upstreamVia === 'clusterip'
                ? 'l7.builder.upstreamClusterIp'
                : 'l7.builder.upstreamEndpoints',
            ),
          ],
        ] as [MessageKey, string, string][])
      : []),
  ];
  return (
    <div className="grid gap-2" data-testid="l7-decision" data-status={l7.status}>
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left text-sm font-bold text-slate-900">
          {t.t('l7.detail.heading')}
        </caption>
        <tbody>
          {rows.map(([label, key, value]) => (
            <tr key={key} className="border-t border-slate-200" data-field={key}>
              <th
                scope="row"
                className="py-1 pr-2 text-left align-top font-normal whitespace-nowrap text-slate-700"
              >
                {t.t(label)}
              </th>
              <td className="px-1 py-1 font-mono break-words text-slate-900">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Message m={l7.request} caption={t.t('l7.detail.request')} testid="l7-request" />
      {l7.upstream && (
        <Message m={l7.upstream} caption={t.t('l7.detail.upstreamRequest')} testid="l7-upstream-request" />
      )}
    </div>
  );
}
