import { useEffect, useMemo } from 'react';
import type { Difference, DifferenceKey } from '../../core/compare/diff';
import { INTER_DESIGN_IDS, INTRA_DESIGN_IDS, PROXY_MODE_IDS, type Designs } from '../../core/model/scenario';
import type { Trace } from '../../core/trace/types';
import type { Topology } from '../../core/topology/types';
import type { MessageKey } from '../../i18n';
import { useApp, useAppStoreApi } from '../../store';
import type { CompareError } from '../../store/compareSlice';
import { drilledTopology } from '../canvas/overviewFlow';
import { renderSvg } from '../export/svg';
import { useT } from '../hooks/useT';
import { moreProblems } from '../components/moreProblems';

/** B's three design pickers: every design the core knows, per axis. */
const DESIGN_AXES = [
  { axis: 'intra', ids: INTRA_DESIGN_IDS, label: 'designs.intra' },
  { axis: 'inter', ids: INTER_DESIGN_IDS, label: 'designs.inter' },
  { axis: 'proxy', ids: PROXY_MODE_IDS, label: 'compare.proxy' },
] as const;

/** Problems listed at most (the rest are counted): the panes stay in the first screen. */
const SHOWN_PROBLEMS = 3;

/** Why there is no comparison, in the chosen language. */
function CompareErrorText({ error }: { error: CompareError }) {
  const t = useT();
  return (
    <div role="alert" className="mx-3 mt-2 text-sm text-red-800" data-testid="compare-error">
      {'noTrace' in error ? (
        <p>{t.t('compare.noTrace')}</p>
      ) : 'problems' in error ? (
        <>
          <p>{t.t('compare.designsInvalid')}</p>
          <ul className="list-disc pl-6">
            {error.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={`${i}:${p.code}`} data-code={p.code}>
                {t.problem(p)}
              </li>
            ))}
            {error.problems.length > SHOWN_PROBLEMS && (
              <li>{t.problem(moreProblems(error.problems.length - SHOWN_PROBLEMS))}</li>
            )}
          </ul>
        </>
      ) : (
        <p>{t.t('compare.failed', { error: error.message })}</p>
      )}
    </div>
  );
}

const btn =
  'kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:text-slate-400';

/** One pane: its designs, its own drawing (the picture renderer) at its own hop, and that hop's sentence. */
function Pane({
  label,
  designs,
  topology,
  trace,
  hop,
}: {
  label: string;
  designs: Designs;
  topology: Topology;
  trace: Trace;
  hop: number;
}) {
  const t = useT();
  const svg = useMemo(
    () => renderSvg({ topology: drilledTopology(topology), trace, hop }),
    [topology, trace, hop],
  );
  const h = trace.hops[hop];
  const name = `${t.t(`designs.intra.${designs.intra}` as MessageKey)} · ${t.t(`designs.inter.${designs.inter}` as MessageKey)} · ${t.t(`designs.proxy.${designs.proxy}` as MessageKey)}`;
  return (
    <section
      className="flex min-w-0 flex-1 flex-col rounded-xl border border-slate-300 bg-white p-2"
      aria-label={`${label}: ${name}`}
      data-testid={`compare-pane-${label}`}
    >
      <h3 className="text-sm font-bold">
        {label}: {name} <span className="font-normal text-slate-700">({topology.resembles.cni})</span>
      </h3>
      <div
        className="h-[46vh] min-h-[14rem] [&>svg]:h-full [&>svg]:w-full"
        role="img"
        aria-label={h ? t.hop(h) : name}
        // The renderer escapes every text it writes; the markup is ours.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="mt-1 text-sm" data-testid={`compare-hop-${label}`}>
        <span className="font-semibold">
          {t.t('playback.position', { i: hop + 1, n: trace.hops.length })}
        </span>
        {h ? ` — ${t.hop(h)}` : ''}
      </p>
    </section>
  );
}

/**
 * Compare mode: the same flow under the current designs (A) and a second set (B), two drawings
 * stepping together with their hops aligned, and the list of differences the core computed.
 */
export function CompareView() {
  const t = useT();
  const compare = useApp((s) => s.compare);
  const error = useApp((s) => s.compareError);
  const trace = useApp((s) => s.trace);
  const topology = useApp((s) => s.topology);
  const hopIndex = useApp((s) => s.hopIndex);
  // Actions only (stable): the pane re-renders on the fields it selects above.
  const a = useAppStoreApi().getState();
  const designsA = topology?.designs;

  // A new trace or new designs for A: compare again under the same B.
  const bDesigns = compare?.designs;
  const bKey = bDesigns ? `${bDesigns.intra}/${bDesigns.inter}/${bDesigns.proxy}` : null;
  useEffect(() => {
    if (bDesigns) void a.openCompare(bDesigns);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trace, designsA, bKey]);

  useEffect(() => {
    if (!compare) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') a.closeCompare();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [compare, a]);

  if (!compare || !trace || !topology || !designsA) {
    return error ? <CompareErrorText error={error} /> : null;
  }
  const hopB = compare.linked ? (compare.align[hopIndex] ?? 0) : compare.hopIndex;
  const setB = (patch: Partial<Designs>) => void a.openCompare({ ...compare.designs, ...patch });
  const row = (key: DifferenceKey) => t.t(`compare.row.${key}` as MessageKey);
  // The verdict row in the chosen language (the core's row is English words and a drop code).
  const verdict = (tr: Trace) =>
    `${t.t(`compare.verdict.${tr.verdict}` as MessageKey)}${tr.reason ? ` (${t.drop(tr.reason)})` : ''}`;
  const cell = (d: Difference, side: 'a' | 'b') =>
    d.key === 'verdict' ? verdict(side === 'a' ? trace : compare.trace) : d[side];

  return (
    <div
      role="region"
      aria-labelledby="compare-heading"
      className="fixed inset-0 z-[65] flex flex-col gap-2 overflow-auto bg-slate-100 p-3"
      data-testid="compare"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="compare-heading" className="text-lg font-bold">
          {t.t('compare.heading')}: {trace.probe.from} → {trace.probe.to}:{trace.probe.port}
        </h2>
        <fieldset className="flex flex-wrap items-center gap-2 text-sm">
          <legend className="sr-only">{t.t('compare.designsB')}</legend>
          <span className="font-semibold">B:</span>
          {DESIGN_AXES.map((x) => (
            <select
              key={x.axis}
              aria-label={t.t(x.label)}
              className="kne-focus rounded-md border border-slate-500 bg-white px-2 py-1"
              value={compare.designs[x.axis]}
              data-testid={`compare-${x.axis}`}
              onChange={(e) => setB({ [x.axis]: e.target.value })}
            >
              {(x.ids as readonly string[]).map((d) => (
                <option key={d} value={d}>
                  {t.t(`designs.${x.axis}.${d}` as MessageKey)}
                </option>
              ))}
            </select>
          ))}
        </fieldset>
        <button
          type="button"
          className={`${btn} ml-auto`}
          data-testid="compare-close"
          onClick={a.closeCompare}
          aria-keyshortcuts="Escape"
        >
          ✕ {t.t('compare.close')}
        </button>
      </div>
      {error && <CompareErrorText error={error} />}
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t.t('compare.steps')}>
        <button
          type="button"
          className={btn}
          disabled={hopIndex === 0}
          data-testid="compare-back"
          onClick={a.stepBack}
        >
          ◀ {t.t('compare.back')}
        </button>
        <button
          type="button"
          className={btn}
          disabled={hopIndex >= trace.hops.length - 1}
          data-testid="compare-forward"
          onClick={a.stepForward}
        >
          {t.t('compare.forward')} ▶
        </button>
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            className="kne-focus"
            checked={compare.linked}
            data-testid="compare-linked"
            onChange={(e) => a.setCompareLinked(e.target.checked)}
          />
          {t.t('compare.linked')}
        </label>
        {!compare.linked && (
          <>
            <button
              type="button"
              className={btn}
              disabled={hopB === 0}
              onClick={() => a.setCompareHop(hopB - 1)}
            >
              ◀ B
            </button>
            <button
              type="button"
              className={btn}
              disabled={hopB >= compare.trace.hops.length - 1}
              onClick={() => a.setCompareHop(hopB + 1)}
            >
              B ▶
            </button>
          </>
        )}
      </div>
      <div className="flex shrink-0 flex-col gap-2 lg:flex-row">
        <Pane label="A" designs={designsA} topology={topology} trace={trace} hop={hopIndex} />
        <Pane
          label="B"
          designs={compare.designs}
          topology={compare.topology}
          trace={compare.trace}
          hop={hopB}
        />
      </div>
      <table className="w-full border-collapse rounded-xl bg-white text-sm" data-testid="compare-differences">
        <caption className="mb-1 text-left text-base font-bold">{t.t('compare.differences')}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b border-slate-300 px-2 py-1 text-left">
              {t.t('compare.fact')}
            </th>
            <th scope="col" className="border-b border-slate-300 px-2 py-1 text-left">
              A
            </th>
            <th scope="col" className="border-b border-slate-300 px-2 py-1 text-left">
              B
            </th>
          </tr>
        </thead>
        <tbody>
          {compare.differences.map((d) => (
            <tr
              key={d.key}
              data-testid={`diff-${d.key}`}
              data-same={d.same}
              className={d.same ? 'text-slate-700' : 'bg-amber-50 font-semibold'}
            >
              <th scope="row" className="border-b border-slate-200 px-2 py-1 text-left align-top">
                {row(d.key)}
                {d.same ? '' : ` — ${t.t('compare.differs')}`}
              </th>
              <td className="border-b border-slate-200 px-2 py-1 align-top font-mono text-xs">
                {cell(d, 'a')}
              </td>
              <td className="border-b border-slate-200 px-2 py-1 align-top font-mono text-xs">
                {cell(d, 'b')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
