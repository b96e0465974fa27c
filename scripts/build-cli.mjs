#!/usr/bin/env node
// `npm run build:cli`: bundles the command line (src/cli/main.ts and everything it imports, the
// `yaml` package included) into one ES module, dist-cli/kne.mjs, with esbuild. A built CLI starts
// without tsx or a TypeScript transpile and loads one file instead of hundreds of modules.
// @resvg/resvg-js (export-image --format png) stays a runtime require from node_modules.
// Also imported by scripts/cli.mjs, which rebuilds on demand when the bundle is stale.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(ROOT, 'dist-cli', 'kne.mjs');

/** Newest modification time under a folder (the sources the bundle is built from). */
function newest(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** True when dist-cli/kne.mjs exists and is newer than src/, package-lock.json and this script. */
export function cliBundleFresh() {
  const built = statSync(CLI_BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built === 0) return false;
  const inputs = [join(ROOT, 'src'), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)];
  return inputs.every((p) => newest(p) < built);
}

/**
 * Bundles one entry (default: the CLI into dist-cli/kne.mjs; the bench bundles its pairwise
 * evaluator the same way). Written to a temporary file, then renamed, so a reader never sees half.
 */
export async function buildCli(entry = 'src/cli/main.ts', outfile = CLI_BUNDLE) {
  const { build } = await import('esbuild');
  const r = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile,
    logLevel: 'warning',
    legalComments: 'none',
    external: ['@resvg/resvg-js'],
    // yaml's Node build is CommonJS and requires `process`: give the bundle a real `require`.
    banner: {
      js: "import { createRequire as __kneRequire } from 'node:module'; const require = __kneRequire(import.meta.url);",
    },
  });
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, r.outputFiles[0].contents);
  renameSync(tmp, outfile);
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const [entry, outfile] = process.argv.slice(2);
  const out = await buildCli(entry, outfile && resolve(outfile));
  console.error(`built ${out} in ${Math.round(performance.now() - t0)} ms`);
}
