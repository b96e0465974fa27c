import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import type { PodMatch } from '../../worker/overview';

/**
 * Search a large cluster for a Pod (or node) by part of its name: the worker scans and answers with
 * a capped list of suggestions; picking one draws its node in detail (a Pod also becomes the
 * flow's source). An ARIA 1.2 combobox: type, arrow through the listbox, Enter or click to open.
 */
export function OverviewSearch({ example }: { example: string }) {
  const t = useT();
  const uid = useId();
  const searchPods = useApp((s) => s.searchPods);
  const openMatch = useApp((s) => s.openMatch);
  const [q, setQ] = useState('');
  const [matches, setMatches] = useState<PodMatch[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  // The name just picked: its node is being opened, so do not search for it and reopen the list.
  const picked = useRef<string | null>(null);

  // Ask the worker after a short pause in typing; only the newest answer is shown.
  useEffect(() => {
    const mine = ++seq.current;
    if (!q.trim() || q === picked.current) return;
    const id = setTimeout(() => {
      void searchPods(q).then((m) => {
        if (mine !== seq.current) return;
        setMatches(m);
        setActive(m.length > 0 ? 0 : -1);
        setOpen(true);
      });
    }, 120);
    return () => clearTimeout(id);
  }, [q, searchPods]);

  const pick = (m: PodMatch) => {
    // An answer still on its way (typed just before the pick) must not reopen the list.
    seq.current++;
    picked.current = m.key;
    setOpen(false);
    setQ(m.key);
    void openMatch(m);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && matches.length > 0) {
      setOpen(true);
      setActive((a) => (a + 1) % matches.length);
    } else if (e.key === 'ArrowUp' && matches.length > 0) {
      setOpen(true);
      setActive((a) => (a <= 0 ? matches.length - 1 : a - 1));
    } else if (e.key === 'Enter' && open && matches[active]) pick(matches[active]);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };

  // An empty box suggests nothing (an older answer is not shown).
  if (!q.trim() && matches.length > 0) setMatches([]);
  const listId = `${uid}-list`;
  const expanded = open && matches.length > 0;
  return (
    <div className="relative flex flex-col gap-1" data-testid="overview-search">
      <label htmlFor={`${uid}-q`} className="text-xs font-semibold tracking-wide text-slate-700 uppercase">
        {t.t('overview.search')}
      </label>
      <input
        id={`${uid}-q`}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${uid}-o${active}` : undefined}
        aria-describedby={`${uid}-hint`}
        className="kne-focus w-[20rem] max-w-full rounded-md border border-slate-500 px-2 py-1.5 font-mono text-sm"
        value={q}
        autoComplete="off"
        spellCheck={false}
        placeholder={example}
        data-testid="pod-search"
        onChange={(e) => {
          picked.current = null;
          setQ(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => matches.length > 0 && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <p id={`${uid}-hint`} className="text-sm text-slate-700">
        {t.t('overview.searchHint', { example })}
      </p>
      <p className="sr-only" aria-live="polite">
        {q.trim() && open
          ? matches.length > 0
            ? t.t('overview.searchCount', { n: matches.length })
            : t.t('overview.searchNone', { q })
          : ''}
      </p>
      {open && q.trim() && matches.length === 0 && (
        <p className="text-sm text-slate-800" data-testid="pod-search-none">
          {t.t('overview.searchNone', { q })}
        </p>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label={t.t('overview.search')}
        hidden={!expanded}
        className="absolute top-[4.25rem] z-20 max-h-72 w-[26rem] max-w-[90vw] overflow-auto rounded-md border border-slate-400 bg-white py-1 shadow-lg"
        data-testid="pod-suggestions"
      >
        {matches.map((m, i) => (
          <li
            key={`${m.kind}:${m.key}`}
            id={`${uid}-o${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? 'bg-sky-100' : 'hover:bg-slate-100'}`}
            data-testid="pod-suggestion"
            data-key={m.key}
            data-node={m.node}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(m)}
          >
            <span className="font-mono font-semibold text-slate-900">{m.key}</span>{' '}
            <span className="text-slate-700">
              {m.kind === 'pod' ? t.t('overview.onNode', { node: m.node }) : t.t('overview.isNode')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
