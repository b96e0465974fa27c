import type { Lang } from '../i18n/lang';

/**
 * Japanese glyphs on a machine with no CJK font. The bundled Noto Sans JP is split into
 * unicode-range slices that the browser fetches when text needs them; but Chromium keeps text it
 * shaped while a slice was still loading as boxes (tofu) even after the slice arrives, and a later
 * style change does not reshape it (seen in Debian's Chromium 156). So the slices for every
 * Japanese character the site can print are loaded *before* that text is first rendered: at start
 * in Japanese, and before switching to Japanese. A machine with a CJK font of its own loads nothing.
 */

const FAMILY = '"Noto Sans JP"';
/** How long a language switch or a first render waits for glyphs at most. */
const WAIT_MS = 2500;

let systemHasCjk: boolean | null = null;

/** True when a system font draws CJK (full-width glyphs, not the notdef box), measured on a canvas. */
export function hasSystemCjkFont(): boolean {
  if (systemHasCjk !== null) return systemHasCjk;
  try {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return (systemHasCjk = true);
    const size = 40;
    // The bundled family is left out on purpose: only fonts already on the machine count.
    ctx.font = `${size}px "Hiragino Sans", "Yu Gothic UI", "Noto Sans CJK JP", system-ui, sans-serif`;
    const cjk = ctx.measureText('日本語').width;
    const notdef = ctx.measureText('\u0378\u0378\u0378').width;
    systemHasCjk = cjk >= 2.7 * size && Math.abs(cjk - notdef) > 1;
  } catch {
    systemHasCjk = true;
  }
  return systemHasCjk;
}

const loaded = new Map<string, Promise<void>>();

/** Loads the bundled slices covering `text` (once per text), resolving after WAIT_MS at the latest. */
export function loadGlyphs(text: string): Promise<void> {
  if (hasSystemCjkFont() || typeof document.fonts?.load !== 'function') return Promise.resolve();
  let p = loaded.get(text);
  if (!p) {
    const load = document.fonts.load(`400 16px ${FAMILY}`, text).then(
      () => undefined,
      () => undefined,
    );
    p = Promise.race([load, new Promise<void>((r) => setTimeout(r, WAIT_MS))]);
    loaded.set(text, p);
  }
  return p;
}

/**
 * A language's glyphs loaded before it is shown: `jaText` is every Japanese character the site can
 * print (main.tsx passes `virtual:kne-ja-glyphs`, built from the sources by vite.config.ts).
 */
export function glyphPreparer(jaText: string): (lang: Lang) => Promise<void> {
  return (lang) => (lang === 'ja' ? loadGlyphs(jaText) : Promise.resolve());
}
