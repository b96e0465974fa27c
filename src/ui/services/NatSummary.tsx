import type { Hop, Trace } from '../../core/trace/types';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { isNatHop, natRows } from './natRows';

const LABEL: Partial<Record<Hop['kind'], MessageKey>> = {
  dnat: 'nat.dnat',
  snat: 'nat.snat',
  lb: 'nat.lb',
};

/** One line under a translating hop in the hop list: which address changed, from what to what. */
export function NatInline({ hop, prev }: { hop: Hop; prev: Hop | null }) {
  const t = useT();
  if (!isNatHop(hop)) return null;
  const changed = natRows(hop, prev).filter((r) => r.changed);
  if (changed.length === 0) return null;
  return (
    <span
      className="mt-1 block rounded bg-orange-50 px-1.5 py-0.5 text-xs text-orange-950"
      data-testid="nat-inline"
    >
      <span className="font-semibold">{t.t(LABEL[hop.kind]!)}: </span>
      {changed.map((r) => (
        <span key={r.key} className="mr-2 font-mono">
          {t.t(r.label)} {t.t('nat.rewrite', { before: r.before, after: r.after })}
        </span>
      ))}
    </span>
  );
}

/** Before/after headers of a translating hop: the previous hop's packet against this hop's. */
export function NatBeforeAfter({ hop, prev }: { hop: Hop; prev: Hop | null }) {
  const t = useT();
  if (!isNatHop(hop)) return null;
  const rows = natRows(hop, prev);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-xs" data-testid="nat-before-after">
        <caption className="mb-1 text-left text-sm font-bold text-slate-900">
          {t.t('nat.heading')}{' '}
          <span className="rounded border border-orange-700 bg-orange-100 px-1.5 text-xs text-orange-900">
            {t.t(LABEL[hop.kind]!)}
          </span>
        </caption>
        <thead>
          <tr className="text-left text-xs text-slate-700">
            <th scope="col" className="py-1 pr-2 font-semibold">
              {t.t('detail.field')}
            </th>
            <th scope="col" className="px-1 py-1 font-semibold">
              {t.t('nat.before')}
            </th>
            <th scope="col" className="px-1 py-1 font-semibold">
              {t.t('nat.after')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-slate-200" data-field={r.key} data-changed={r.changed}>
              <th
                scope="row"
                className="min-w-[5.5em] py-1 pr-2 text-left text-sm font-normal text-slate-700"
              >
                {t.t(r.label)}
              </th>
              <td
                className="px-1 py-1 font-mono whitespace-nowrap text-slate-900"
                data-testid={`nat-before-${r.key}`}
              >
                {r.before}
              </td>
              <td
                className={`px-1 py-1 font-mono whitespace-nowrap ${r.changed ? 'rounded bg-amber-200 font-bold text-slate-950' : 'text-slate-900'}`}
                data-testid={`nat-after-${r.key}`}
              >
                {r.after}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The connection-tracking entries the translations left, as `conntrack -L` prints them. */
export function ConntrackList({ trace }: { trace: Trace }) {
  const t = useT();
  const lines = trace.conntrack ?? [];
  if (lines.length === 0) return null;
  return (
    <section className="rounded-xl border border-slate-300 bg-white px-3 py-2" data-testid="conntrack">
      <h3 className="text-sm font-bold">{t.t('conntrack.heading')}</h3>
      <p className="mb-1 text-xs text-slate-700">{t.t('conntrack.hint')}</p>
      <ul className="flex flex-col gap-1">
        {lines.map((c, i) => (
          <li key={i}>
            <span className="font-mono text-xs font-semibold text-slate-700">{c.netns}</span>
            <pre
              tabIndex={0}
              className="kne-focus overflow-x-auto rounded-md bg-slate-900 px-2 py-1 font-mono text-xs text-slate-50"
              data-testid="conntrack-entry"
            >
              {c.entry}
            </pre>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The trace's conntrack entries as a card under the hop detail (not between the hop list and the
 * detail, where they pushed the selected hop's headers below the fold).
 */
export function TraceConntrack() {
  const trace = useApp((s) => s.trace);
  return trace ? <ConntrackList trace={trace} /> : null;
}
