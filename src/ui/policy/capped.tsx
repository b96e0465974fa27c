import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useT } from '../hooks/useT';

/** Rows shown at first and added by each "N more" (an XL cluster has thousands of Pods). */
export const CAP_PAGE = 25;
/** Below this many items a list is short enough to show whole, without a filter. */
export const CAP_FILTER_FROM = CAP_PAGE;

/**
 * A long list kept usable: a text filter over `text(item)` and the first `limit` matches, grown by
 * "N more". The filter resets the limit so a new query starts at the top.
 */
export function useCapped<T>(items: readonly T[], text: (item: T) => string) {
  const [query, setQueryRaw] = useState('');
  const [limit, setLimit] = useState(CAP_PAGE);
  const q = useDeferredValue(query.trim().toLowerCase());
  const matching = useMemo(
    () => (q ? items.filter((i) => text(i).toLowerCase().includes(q)) : items),
    // `text` is a pure accessor; the items and query decide the result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, q],
  );
  return {
    query,
    setQuery(v: string) {
      setQueryRaw(v);
      setLimit(CAP_PAGE);
    },
    shown: matching.slice(0, limit),
    matching: matching.length,
    total: items.length,
    more: () => setLimit((n) => n + CAP_PAGE),
  };
}

type Capped = ReturnType<typeof useCapped<unknown>>;

/** The filter box and "Showing X of Y" above a capped list (only when the list is long). */
export function CapFilter({ cap, testid }: { cap: Capped; testid: string }) {
  const t = useT();
  const uid = useId();
  if (cap.total <= CAP_FILTER_FROM) return null;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1 text-xs font-semibold text-slate-700">
        <label htmlFor={`${uid}-q`}>{t.t('capped.filter')}</label>
        <input
          id={`${uid}-q`}
          type="search"
          value={cap.query}
          data-testid={`${testid}-filter`}
          className="kne-focus w-56 rounded-md border border-slate-500 bg-white px-2 py-1 font-mono text-sm font-normal"
          onChange={(e) => cap.setQuery(e.target.value)}
        />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite" data-testid={`${testid}-shown`}>
        {t.t('capped.shown', { shown: cap.shown.length, total: cap.matching })}
      </p>
    </div>
  );
}

/** "No match" or the "Show N more" button below a capped list. */
export function CapMore({ cap, testid }: { cap: Capped; testid: string }) {
  const t = useT();
  const left = cap.matching - cap.shown.length;
  if (cap.matching === 0 && cap.query.trim())
    return <p className="text-sm text-slate-700">{t.t('capped.noMatch', { query: cap.query.trim() })}</p>;
  if (left <= 0) return null;
  return (
    <button
      type="button"
      data-testid={`${testid}-more`}
      className="kne-focus self-start rounded-md border border-slate-500 px-3 py-1 text-sm font-semibold hover:bg-slate-100"
      onClick={cap.more}
    >
      {t.t('capped.more', { n: Math.min(CAP_PAGE, left) })}
    </button>
  );
}
