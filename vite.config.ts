import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The dev server injects an inline script (React Fast Refresh) that the site's
 * Content-Security-Policy (index.html) rightly refuses: the policy is dropped from the page while
 * developing only. `vite build` and `vite preview` keep it.
 */
const cspOnlyInBuild = (): Plugin => ({
  name: 'kne-csp-only-in-build',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
});

/**
 * Japanese glyphs ship with the site (Noto Sans JP, @fontsource): its CSS splits the font into ~120
 * unicode-range slices, so a browser fetches only the slices of characters on screen that no
 * earlier font covers. Only the woff2 files are kept (every browser we support reads woff2); the
 * woff fallbacks would double the files in dist for nothing.
 */
function woff2Only(): Plugin {
  return {
    name: 'kne-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@fontsource') || !id.split('?')[0]!.endsWith('.css')) return null;
      return code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '');
    },
  };
}

/**
 * `virtual:kne-ja-glyphs`: every distinct character at or above U+3000 (CJK punctuation, kana,
 * kanji, full-width forms) in the site's sources, so src/platform/fonts.ts can load the bundled
 * font's slices for all Japanese the site prints before showing it.
 */
function jaGlyphs(): Plugin {
  const id = 'virtual:kne-ja-glyphs';
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(join(dir, e.name))
        : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
    );
  return {
    name: 'kne-ja-glyphs',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load(resolved) {
      if (resolved !== '\0' + id) return null;
      const chars = new Set<string>();
      for (const f of walk('src'))
        for (const ch of readFileSync(f, 'utf8')) if (ch.codePointAt(0)! >= 0x3000) chars.add(ch);
      return `export default ${JSON.stringify([...chars].sort().join(''))};`;
    },
  };
}

// Relative base: the built site works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [woff2Only(), jaGlyphs(), react(), tailwindcss(), cspOnlyInBuild()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
});
