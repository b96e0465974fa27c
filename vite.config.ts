import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';

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

// Relative base: the built site works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [woff2Only(), react(), tailwindcss(), cspOnlyInBuild()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
});
