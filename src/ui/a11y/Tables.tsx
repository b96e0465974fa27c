import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import type { MessageKey } from '../../i18n/messages';

const th = 'border-b border-slate-300 px-2 py-1 text-left font-semibold';
const td = 'border-b border-slate-200 px-2 py-1 align-top';

/** A table's column headers, from i18n keys. */
function HeadRow({ keys }: { keys: MessageKey[] }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {keys.map((k) => (
          <th key={k} scope="col" className={th}>
            {t.t(k)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * The canvas and the trace as tables, for screen readers and for anyone who prefers text: every
 * device of every node and Pod with its addresses, and every hop with its packet and sentence.
 */
export function Tables() {
  const t = useT();
  const topology = useApp((s) => s.topology);
  const trace = useApp((s) => s.trace);
  const hopIndex = useApp((s) => s.hopIndex);
  if (!topology) return null;
  const rows = topology.nodes.flatMap((n) => [
    ...n.devices.map((d) => ({
      node: n.name,
      netns: d.netns,
      name: d.name,
      kind: t.role(d.role) || d.kind,
      addrs: d.addresses.join(' '),
    })),
    ...n.pods.flatMap((p) => [
      { node: n.name, netns: p.key, name: 'eth0', kind: p.eth0.kind, addrs: p.ip },
      {
        node: n.name,
        netns: n.netns,
        name: p.hostVeth.name,
        kind: t.role(p.hostVeth.role) || 'veth',
        addrs: '',
      },
    ]),
  ]);
  return (
    <details className="rounded-xl border border-slate-300 bg-white p-3" data-testid="a11y-tables">
      <summary className="kne-focus cursor-pointer text-base font-bold">{t.t('a11y.tables')}</summary>
      <div className="mt-2 max-h-[28rem] overflow-auto text-xs">
        {trace && (
          <table className="mb-4 w-full border-collapse" data-testid="trace-table">
            <caption className="mb-1 text-left text-sm font-bold">{t.t('a11y.traceTable')}</caption>
            <HeadRow
              keys={['a11y.col.hop', 'a11y.col.netns', 'a11y.col.device', 'a11y.col.packet', 'a11y.col.what']}
            />
            <tbody>
              {trace.hops.map((h, i) => (
                <tr
                  key={i}
                  aria-current={i === hopIndex ? 'step' : undefined}
                  className={i === hopIndex ? 'bg-amber-50' : ''}
                >
                  <th scope="row" className={td}>
                    {i + 1}
                  </th>
                  <td className={`${td} font-mono`}>{h.netns}</td>
                  <td className={`${td} font-mono`}>{h.device ?? '—'}</td>
                  <td className={`${td} font-mono`}>
                    {h.packet.src} → {h.packet.dst}
                    {h.packet.dstPort !== null ? `:${h.packet.dstPort}` : ''}
                    {h.outer ? ` [${h.outer.src} → ${h.outer.dst}]` : ''}
                  </td>
                  <td className={td}>{t.hop(h)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <table className="w-full border-collapse" data-testid="topology-table">
          <caption className="mb-1 text-left text-sm font-bold">{t.t('a11y.topologyTable')}</caption>
          <HeadRow
            keys={[
              'a11y.col.node',
              'a11y.col.netns',
              'a11y.col.device',
              'a11y.col.kind',
              'a11y.col.addresses',
            ]}
          />
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td className={td}>{r.node}</td>
                <td className={`${td} font-mono`}>{r.netns}</td>
                <th scope="row" className={`${td} font-mono font-normal`}>
                  {r.name}
                </th>
                <td className={td}>{r.kind}</td>
                <td className={`${td} font-mono`}>{r.addrs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
