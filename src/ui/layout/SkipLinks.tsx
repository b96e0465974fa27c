import { useT } from '../hooks/useT';

/** Jump targets (`id`s) the skip links lead to. */
export const SKIP = { canvas: 'kne-canvas', playback: 'kne-playback', hops: 'hops-heading' } as const;

/**
 * The first stops of the Tab order, shown only while focused: past the header and the controls
 * straight to the canvas, the playback toolbar or the hop list.
 */
export function SkipLinks() {
  const t = useT();
  const link =
    'kne-focus sr-only rounded-md bg-sky-800 px-3 py-2 font-semibold text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50';
  const go = (id: string) => (e: React.MouseEvent) => {
    const el = document.getElementById(id);
    if (!el) return;
    e.preventDefault();
    // The canvas and the hop list heading are not controls: focus lands on them, then Tab goes on from there.
    if (!el.hasAttribute('tabindex') && !(el instanceof HTMLButtonElement)) el.setAttribute('tabindex', '-1');
    const first = id === SKIP.playback ? el.querySelector<HTMLElement>('button:not(:disabled)') : null;
    (first ?? el).focus();
  };
  return (
    <nav aria-label={t.t('skip.nav')} data-testid="skip-links">
      <a href={`#${SKIP.canvas}`} className={link} data-testid="skip-canvas" onClick={go(SKIP.canvas)}>
        {t.t('skip.canvas')}
      </a>
      <a href={`#${SKIP.playback}`} className={link} data-testid="skip-playback" onClick={go(SKIP.playback)}>
        {t.t('skip.playback')}
      </a>
      <a href={`#${SKIP.hops}`} className={link} data-testid="skip-hops" onClick={go(SKIP.hops)}>
        {t.t('skip.hops')}
      </a>
    </nav>
  );
}
