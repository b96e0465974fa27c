/** The page address: the fragment carries shared state (`#v1.…`), the rest is where the app is hosted. */

/** The fragment as the page was opened with it, `#` included ('' when none). */
export function readFragment(): string {
  return typeof location === 'undefined' ? '' : location.hash;
}

/** Drops the fragment without a reload or a history entry (the state now lives in the store). */
export function clearFragment(): void {
  if (typeof location === 'undefined' || !location.hash) return;
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** The full link to this page with the given fragment; works from any sub-path of any host. */
export function linkTo(fragment: string): string {
  return `${location.origin}${location.pathname}${location.search}${fragment}`;
}
