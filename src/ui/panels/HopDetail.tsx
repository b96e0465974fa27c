import { useApp, selectCurrentHop, selectPrevHop } from '../../store';
import type { Translator } from '../../i18n';
import { useT } from '../hooks/useT';
import { kindClass } from './hopStyle';
import { outerRows, packetRows, type FieldRow } from './headerDiff';
import { NatBeforeAfter } from '../services/NatSummary';
import { isNatHop } from '../services/natRows';
import { L7Decision } from '../l7/L7Decision';
import { RuleText } from './RuleText';

function Fields({
  rows,
  caption,
  t,
  testid,
  removed = false,
}: {
  rows: FieldRow[];
  caption: string;
  t: Translator;
  testid: string;
  /** The decap hop: these headers are stripped here (shown struck through). */
  removed?: boolean;
}) {
  return (
    <table
      className={`w-full border-collapse text-sm ${removed ? 'opacity-80 [&_td]:line-through' : ''}`}
      data-testid={testid}
      data-removed={removed || undefined}
    >
      <caption className="mb-1 text-left text-sm font-bold text-slate-900">
        {caption}
        {removed && (
          <span className="ml-2 rounded bg-red-100 px-1 text-xs font-bold text-red-900 no-underline">
            {t.t('detail.removed')}
          </span>
        )}
      </caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t.t('detail.field')}</th>
          <th scope="col">{t.t('detail.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-slate-200" data-field={r.key} data-changed={r.changed}>
            <th scope="row" className="py-0.5 pr-2 text-left font-normal whitespace-nowrap text-slate-700">
              {t.t(r.label)}
            </th>
            <td
              className={`px-1 py-0.5 font-mono break-all ${r.changed ? 'rounded bg-amber-200 font-bold text-slate-950' : 'text-slate-900'}`}
            >
              {r.value}
              {r.changed && (
                <span className="ml-1 text-xs font-semibold text-amber-900">({t.t('detail.changed')})</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The selected hop: where it is, its headers (changes marked), and the entry that decided it. */
export function HopDetail() {
  const t = useT();
  const hop = useApp(selectCurrentHop);
  const prev = useApp(selectPrevHop);
  const index = useApp((s) => s.hopIndex);
  if (!hop) return null;
  return (
    <section
      aria-labelledby="detail-heading"
      className="rounded-xl border border-slate-300 bg-white p-3"
      data-testid="hop-detail"
    >
      <h2 id="detail-heading" className="mb-2 flex items-center gap-2 text-base font-bold">
        {t.t('detail.heading', { n: index + 1 })}
        <span className={`rounded border px-1.5 text-xs font-bold ${kindClass(hop.kind)}`}>
          {t.kind(hop.kind)}
        </span>
      </h2>
      <p className="mb-2 font-mono text-sm text-slate-800">
        <span className="sr-only">{t.t('detail.where')}: </span>
        {hop.netns}
        {hop.device ? ` · ${hop.device}` : ''}
      </p>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-3">
        {hop.l7 && <L7Decision l7={hop.l7} />}
        {/* The deciding entry first: with the headers below it, both fit without scrolling. */}
        <div>
          <h3 className="mb-1 text-sm font-bold">
            {t.t(isNatHop(hop) ? 'nat.matched' : 'detail.rule')}
            {hop.table && (
              <span className="ml-2 font-mono text-xs font-normal text-slate-700">
                {t.t('detail.table', { table: hop.table })}
              </span>
            )}
          </h3>
          {hop.rule ? (
            <RuleText key={`${index}:${hop.rule}`} rule={hop.rule} />
          ) : (
            <p className="text-sm text-slate-700">{t.t('detail.noRule')}</p>
          )}
        </div>
        <NatBeforeAfter hop={hop} prev={prev} />
        {hop.outer && (
          // While tunnelled, the outer headers are what is on the wire: shown first.
          <Fields
            rows={outerRows(hop, prev)}
            caption={t.t(
              hop.kind === 'decap'
                ? 'detail.outerRemoved'
                : hop.outer.srcMac
                  ? 'detail.outerWire'
                  : 'detail.outer',
            )}
            t={t}
            testid="outer-fields"
            removed={hop.kind === 'decap'}
          />
        )}
        <Fields
          rows={packetRows(hop, prev)}
          caption={t.t(hop.outer && hop.kind !== 'decap' ? 'detail.inner' : 'detail.packet')}
          t={t}
          testid="packet-fields"
        />
      </div>
    </section>
  );
}
