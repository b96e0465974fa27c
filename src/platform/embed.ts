/**
 * The embed view: a link with `?embed` (before the `#v1.…` fragment) shows the canvas and playback
 * only, read-only, for an <iframe> on another site. It never reads or writes the visitor's saved
 * work and keeps its fragment (a reload of the frame shows the same view).
 */
export function isEmbed(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).has('embed');
}

/** The address of the embed view of a share-link fragment. */
export function embedLinkTo(fragment: string): string {
  const params = new URLSearchParams(location.search);
  params.set('embed', '');
  const search = `?${params.toString().replace(/embed=(&|$)/, 'embed$1')}`;
  return `${location.origin}${location.pathname}${search}${fragment}`;
}

/** Saved work for the embed view: nothing is read, nothing is kept. */
export const noWork = {
  read: (): string | null => null,
  write: (): boolean => true,
  remove: (): void => {},
};
