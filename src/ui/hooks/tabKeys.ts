import type { KeyboardEvent } from 'react';

/**
 * WAI-ARIA tabs keyboard pattern: ←/→ move (wrapping), Home/End jump. Returns the tab to select and
 * focus, or null when the key is not a tab key (the event is then left alone).
 */
export function tabKeyTarget<T>(e: KeyboardEvent, tabs: readonly T[], current: T): T | null {
  const i = tabs.indexOf(current);
  const n = tabs.length;
  const next =
    e.key === 'ArrowRight'
      ? (i + 1) % n
      : e.key === 'ArrowLeft'
        ? (i - 1 + n) % n
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? n - 1
            : -1;
  if (next < 0) return null;
  e.preventDefault();
  e.stopPropagation();
  return tabs[next]!;
}
