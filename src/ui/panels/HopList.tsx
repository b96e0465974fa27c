import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { NatInline } from '../services/NatSummary';
import { isNatHop } from '../services/natRows';
import { kindClass } from './hopStyle';
import { TraceWarnings } from './TraceWarnings';

/** The trace as an ordered list; the selected hop is the playback cursor. */
export function HopList() {
  const t = useT();
  const trace = useApp((s) => s.trace);
  const hopIndex = useApp((s) => s.hopIndex);
  const selectHop = useApp((s) => s.selectHop);
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the current hop in view while the packet plays.
  useEffect(() => {
    // Scroll the list itself, never the page (scrollIntoView would move a phone's page to the hops).
    const list = listRef.current;
    const el = list?.querySelector<HTMLElement>(`[data-index="${hopIndex}"]`);
    if (!list || !el) return;
    const top = el.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + el.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top + el.offsetHeight - list.clientHeight;
  }, [hopIndex, trace]);

  const onKey = (e: KeyboardEvent<HTMLOListElement>) => {
    if (!trace) return;
    const delta = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    e.stopPropagation();
    const next = Math.min(trace.hops.length - 1, Math.max(0, hopIndex + delta));
    selectHop(next);
    listRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };

  return (
    <section
      aria-labelledby="hops-heading"
      className="flex min-h-0 flex-col rounded-xl border border-slate-300 bg-white"
    >
      <div className="flex items-baseline justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 id="hops-heading" className="text-base font-bold">
          {t.t('hops.heading')}
        </h2>
        {trace && (
          <p
            className={`text-sm font-semibold ${trace.verdict === 'dropped' ? 'text-red-800' : trace.verdict === 'answered' ? 'text-rose-900' : 'text-green-800'}`}
            data-testid="verdict"
            data-verdict={trace.verdict}
            data-http-status={trace.http?.status}
          >
            {trace.verdict === 'answered'
              ? t.t('l7.verdict.answered', { to: trace.deliveredTo ?? '', status: trace.http?.status ?? '' })
              : trace.verdict === 'delivered'
                ? trace.http
                  ? t.t('l7.verdict.delivered', { to: trace.deliveredTo ?? '', status: trace.http.status })
                  : t.t('trace.verdict.delivered', { to: trace.deliveredTo ?? '' })
                : t.t('trace.verdict.dropped', { reason: t.drop(trace.reason ?? '') })}
          </p>
        )}
      </div>
      <TraceWarnings />
      {!trace ? (
        <p className="p-3 text-slate-700">{t.t('hops.empty')}</p>
      ) : (
        <ol
          ref={listRef}
          className="max-h-[52vh] overflow-y-auto p-2 xl:max-h-[36vh]"
          data-testid="hop-list"
          onKeyDown={onKey}
        >
          {trace.hops.map((h, i) => (
            <li key={i} className="mb-1">
              <button
                type="button"
                data-testid="hop"
                data-index={i}
                data-kind={h.kind}
                data-netns={h.netns}
                data-device={h.device ?? ''}
                aria-current={i === hopIndex ? 'step' : undefined}
                data-nat={isNatHop(h) || undefined}
                data-phase={h.leg === 'dns' ? 'dns' : undefined}
                data-leg={h.leg}
                className={`kne-focus flex w-full gap-2 rounded-lg border-2 px-2 py-1.5 text-left ${
                  i === hopIndex ? 'border-amber-500 bg-amber-50' : 'border-transparent hover:bg-slate-50'
                } ${isNatHop(h) ? 'shadow-[inset_4px_0_0_#c2410c]' : ''}`}
                onClick={() => selectHop(i)}
              >
                <span className="w-6 shrink-0 pt-0.5 text-right font-mono text-sm text-slate-600">
                  {i + 1}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="flex flex-wrap items-center gap-1.5">
                    <span className={`rounded border px-1.5 text-xs font-bold ${kindClass(h.kind)}`}>
                      {t.kind(h.kind)}
                    </span>
                    {h.leg === 'dns' && (
                      <span className="rounded border border-dashed border-cyan-700 px-1.5 text-xs font-semibold text-cyan-900">
                        {t.t('hops.phase.dns')}
                      </span>
                    )}
                    {h.leg === 'upstream' && (
                      <span className="rounded border border-dashed border-rose-700 px-1.5 text-xs font-semibold text-rose-900">
                        {t.t('hops.leg.upstream')}
                      </span>
                    )}
                    <span className="font-mono text-xs text-slate-700">
                      {h.netns}
                      {h.device ? ` · ${h.device}` : ''}
                    </span>
                  </span>
                  <span className="mt-0.5 block text-sm leading-snug text-slate-900">{t.hop(h)}</span>
                  <NatInline hop={h} prev={trace.hops[i - 1] ?? null} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
