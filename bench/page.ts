/**
 * Page-level benchmarks for the quality bars of docs/PRODUCT.md: built bundle sizes (gzip), L/XL
 * load time in the worker's code path (measured in Node), and frame times of the canvas while a
 * trace animates (Playwright + Chromium). Reports numbers against the bars; never fails on them.
 *
 * Exported for bench/run.ts: `buildPage`, `benchPageBundle`, `benchPresetLoad`, `benchPageFrames`
 * and `benchPage` (all three, building first). The frame section is async (it drives a browser).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildEngine, engineTopology, warmEngine } from '../src/core/engine';
import { buildPreset, type PresetId } from '../src/scenario/presets/registry';
import { fmt, percentile, table } from './util';

const KIB = 1024;
export const BARS = {
  pageJsGzipKiB: 250,
  workerJsGzipKiB: 150,
  xlLoadMs: 1500,
  frameMs: 1000 / 60,
  firstViewMs: 800,
  longTaskMs: 200,
} as const;

/** `vite build` into `dist` (relative base, as deployed). */
export function buildPage(dist = 'dist'): void {
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export interface BundleReport {
  /** JS the page loads before it can draw: the entry script and its modulepreloads. */
  pageInitial: { files: string[]; gzipKiB: number; rawKiB: number };
  /** Page JS loaded only on demand (dynamic imports: lazy panels, the in-thread fallback). */
  pageLazy: { files: string[]; gzipKiB: number };
  /** The simulator worker: the file `new Worker(new URL(…))` names, and chunks it imports. */
  worker: { files: string[]; gzipKiB: number; rawKiB: number };
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length / KIB;

/** Static imports of an ES chunk (`import … from "./x.js"`, `import "./x.js"`), as asset file names. */
function staticImports(code: string): string[] {
  return [
    ...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"`()]*?\bfrom\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g),
  ].map((m) => m[1]!);
}

function closure(assets: string, roots: string[]): string[] {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f) || !existsSync(join(assets, f))) return;
    seen.add(f);
    staticImports(readFileSync(join(assets, f), 'utf8')).forEach(walk);
  };
  roots.forEach(walk);
  return [...seen];
}

/** Gzip sizes of the built page and worker JS in `dist` (build it first with `buildPage`). */
export function benchPageBundle(dist = 'dist'): BundleReport {
  const assets = join(dist, 'assets');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const fromHtml = [...html.matchAll(/(?:src|href)="\.?\/?assets\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  const initial = closure(assets, fromHtml);
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const workerRoots = new Set<string>();
  for (const f of initial.length ? js : []) {
    const code = readFileSync(join(assets, f), 'utf8');
    for (const m of code.matchAll(
      /new Worker\(\s*new URL\(\s*(?:new URL\(\s*)?["'`](?:\.\/|\/?assets\/)?([\w.-]+\.js)["'`]/g,
    ))
      workerRoots.add(m[1]!);
  }
  const worker = closure(assets, [...workerRoots]);
  const lazy = js.filter((f) => !initial.includes(f) && !worker.includes(f));
  const size = (files: string[], f: (b: Buffer) => number) =>
    files.reduce((a, name) => a + f(readFileSync(join(assets, name))), 0);
  const report: BundleReport = {
    pageInitial: { files: initial, gzipKiB: size(initial, gz), rawKiB: size(initial, (b) => b.length / KIB) },
    pageLazy: { files: lazy, gzipKiB: size(lazy, gz) },
    worker: { files: worker, gzipKiB: size(worker, gz), rawKiB: size(worker, (b) => b.length / KIB) },
  };
  console.log('\n## Bundle (gzip -9 of built JS)\n');
  console.log(
    table([
      ['what', 'files', 'raw KiB', 'gzip KiB', 'bar'],
      [
        'page JS, initial',
        initial.length,
        fmt(report.pageInitial.rawKiB, 1),
        fmt(report.pageInitial.gzipKiB, 1),
        `≤ ${BARS.pageJsGzipKiB}`,
      ],
      ['page JS, on demand', lazy.length, '', fmt(report.pageLazy.gzipKiB, 1), ''],
      [
        'worker JS',
        worker.length,
        fmt(report.worker.rawKiB, 1),
        fmt(report.worker.gzipKiB, 1),
        `≤ ${BARS.workerJsGzipKiB}`,
      ],
    ]),
  );
  return report;
}

export interface LoadReport {
  preset: PresetId;
  runs: number;
  /** Medians in ms: generate the scenario, build the engine (IPAM, Linux state), the overview topology. */
  buildPresetMs: number;
  buildEngineMs: number;
  topologyMs: number;
  totalMs: number;
  totalMaxMs: number;
  /** Built right after the first view is sent (Services, compiled policies). */
  warmMs: number;
}

/**
 * What `SimApi.loadPreset` does in the worker, timed in Node: buildPreset + buildEngine +
 * engineTopology (the overview). Bar: XL ≤ 1.5 s.
 */
export function benchPresetLoad(presets: PresetId[] = ['l', 'xl'], runs = 3): LoadReport[] {
  const out: LoadReport[] = [];
  for (const preset of presets) {
    const samples: number[][] = [];
    for (let i = 0; i < runs; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      const scenario = buildPreset(preset, 1);
      const t1 = performance.now();
      const { engine } = buildEngine(scenario);
      const t2 = performance.now();
      if (!engine) throw new Error(`preset ${preset} does not build`);
      engineTopology(engine);
      const t3 = performance.now();
      // What the worker builds right after answering (Services, policies): not part of the load.
      warmEngine(engine);
      const t4 = performance.now();
      samples.push([t1 - t0, t2 - t1, t3 - t2, t3 - t0, t4 - t3]);
    }
    const med = (k: number) =>
      percentile(
        samples.map((s) => s[k]!),
        50,
      );
    out.push({
      preset,
      runs,
      buildPresetMs: med(0),
      buildEngineMs: med(1),
      topologyMs: med(2),
      totalMs: med(3),
      totalMaxMs: Math.max(...samples.map((s) => s[3]!)),
      warmMs: med(4),
    });
  }
  console.log(`\n## Preset load in the worker's code path (Node, median of ${runs})\n`);
  console.log(
    table([
      [
        'preset',
        'buildPreset ms',
        'buildEngine ms',
        'topology ms',
        'total ms',
        'max ms',
        'then warm ms',
        'bar',
      ],
      ...out.map((r) => [
        r.preset.toUpperCase(),
        fmt(r.buildPresetMs, 0),
        fmt(r.buildEngineMs, 0),
        fmt(r.topologyMs, 1),
        fmt(r.totalMs, 0),
        fmt(r.totalMaxMs, 0),
        fmt(r.warmMs, 0),
        r.preset === 'xl' ? `≤ ${BARS.xlLoadMs}` : '',
      ]),
    ]),
  );
  return out;
}

/** Serves `dist` on 127.0.0.1 (any free port) under `base`; resolves to its origin + base and a closer. */
export async function serveStatic(
  dist: string,
  base = '/',
): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve(dist);
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = normalize(path.startsWith(base) ? path.slice(base.length) || 'index.html' : '..');
    if (rel.startsWith('..')) return void res.writeHead(404).end();
    readFile(join(root, rel)).then(
      (b) => res.writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream' }).end(b),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export interface FrameReport {
  preset: PresetId;
  /** Elements React Flow mounted while measuring (nodes + edges in the DOM). */
  mounted: number;
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
  longTasks: number;
  /** The longest main-thread task seen while it played (0 when none passed 50 ms). */
  longestTaskMs: number;
}

/** Browser-side sampler: rAF deltas and long tasks (> 50 ms) until `stop()`. */
const SAMPLER = `
window.__kneFrames = (() => {
  const deltas = []; let last = 0; let longTasks = 0; let longest = 0; let on = true;
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 50) { longTasks++; longest = Math.max(longest, e.duration); } });
  try { obs.observe({ type: 'longtask', buffered: false }); } catch {}
  const tick = (t) => { if (!on) return; if (last) deltas.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  return { stop() { on = false; obs.disconnect(); return { deltas, longTasks, longest }; } };
})();`;

type Kne = {
  store: {
    getState(): {
      loadPreset(id: string): Promise<void>;
      setSpeed(n: number): void;
      play(): void;
      runTrace(o?: { autoplay?: boolean }): Promise<void>;
      traceByName(a: string, b: string): Promise<string[]>;
      searchPods(q: string): Promise<{ kind: string; key: string; node: string }[]>;
      overview: { examplePod: string } | null;
      topology: { aggregated?: boolean; nodes: { name: string }[] } | null;
      trace: unknown;
      playing: boolean;
    };
  };
  sim: { focus(nodes: string[]): Promise<{ nodes: { name: string; pods: { key: string }[] }[] }> };
};

/**
 * Frame times while a trace animates, on M (detailed canvas) and L (a drill-in of two nodes with
 * ~200 Pods, the largest detailed view the overview leads to). Headless Chromium without a GPU:
 * read the numbers as a relative measure.
 */
export async function benchPageFrames(
  dist = 'dist',
  presets: PresetId[] = ['m', 'l'],
  seconds = 6,
): Promise<FrameReport[]> {
  const { chromium } = await import('@playwright/test');
  const site = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const out: FrameReport[] = [];
  try {
    for (const preset of presets) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(site.url);
      await page.waitForFunction(
        () => Boolean((window as unknown as { __kne?: Kne }).__kne?.store.getState().trace),
        null,
        {
          timeout: 30_000,
        },
      );
      await page.evaluate(async (id) => {
        const k = (window as unknown as { __kne: Kne }).__kne;
        await k.store.getState().loadPreset(id);
        const s = k.store.getState();
        if (s.topology && 'aggregated' in s.topology && s.topology.aggregated) {
          // Two Pods on different nodes (asked of the worker through a drill-in), then the trace plays.
          // Two Pods found as a person does: the worker's search suggestions name each Pod's node.
          const found = await s.searchPods(`${s.overview!.examplePod.split('/')[0]}/`);
          const to = found.find((m) => m.kind === 'pod' && m.node !== found[0]!.node) ?? found[1]!;
          await s.traceByName(found[0]!.key, to.key);
        } else await s.runTrace({ autoplay: true });
      }, preset);
      await page.getByTestId('canvas').scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      const mounted = await page.locator('.react-flow__node, .react-flow__edge').count();
      await page.evaluate(SAMPLER);
      await page.evaluate(() => {
        const s = (window as unknown as { __kne: Kne }).__kne.store.getState();
        s.setSpeed(2);
        s.play();
      });
      // Keep it playing for the whole window (restart when it reaches the last hop).
      const until = Date.now() + seconds * 1000;
      while (Date.now() < until) {
        await page.waitForTimeout(250);
        await page.evaluate(() => {
          const s = (window as unknown as { __kne: Kne }).__kne.store.getState();
          if (!s.playing) s.play();
        });
      }
      const { deltas, longTasks, longest } = await page.evaluate(() =>
        (
          window as unknown as {
            __kneFrames: { stop(): { deltas: number[]; longTasks: number; longest: number } };
          }
        ).__kneFrames.stop(),
      );
      const p50 = percentile(deltas, 50);
      out.push({
        preset,
        mounted,
        frames: deltas.length,
        p50Ms: p50,
        p95Ms: percentile(deltas, 95),
        maxMs: Math.max(...deltas),
        fps: 1000 / p50,
        longTasks,
        longestTaskMs: longest,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`\n## Canvas frame times while a trace animates (headless Chromium, ${seconds} s each)\n`);
  console.log(
    table([
      [
        'preset',
        'mounted',
        'frames',
        'p50 ms',
        'p95 ms',
        'max ms',
        'fps (p50)',
        'long tasks > 50 ms',
        'longest task ms',
        'target',
      ],
      ...out.map((r) => [
        r.preset.toUpperCase(),
        r.mounted,
        r.frames,
        fmt(r.p50Ms, 1),
        fmt(r.p95Ms, 1),
        fmt(r.maxMs, 0),
        fmt(r.fps, 0),
        r.longTasks,
        fmt(r.longestTaskMs, 0),
        `p95 ≤ ${fmt(BARS.frameMs, 1)}, no task > 50 ms`,
      ]),
    ]),
  );
  return out;
}

export interface BrowserLoadReport {
  runs: number;
  /** Medians in ms: navigation to S drawn; XL picker click to the overview map drawn. */
  firstViewSMs: number;
  xlClickToOverviewMs: number;
  /** Of that XL click: the worker's answer (build + clone) and the map handed over. */
  xlWorkerMs: number;
  /** Longest main-thread task (PerformanceObserver 'longtask') from navigation to 3 s after XL. */
  longestTaskMs: number;
  longTasksOver200: number;
  load: string;
}

/** Page-side probe: long tasks from navigation on, and marks the bench reads. */
const LOAD_PROBE = `
window.__kneLoad = { longest: 0, over: 0, tasks: [] };
try {
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { const L = window.__kneLoad; L.longest = Math.max(L.longest, e.duration); if (e.duration > ${BARS.longTaskMs}) L.over++; L.tasks.push([Math.round(e.startTime), Math.round(e.duration)]); } })
    .observe({ type: 'longtask', buffered: true });
} catch {}`;

/**
 * Load times in headless Chromium, median of `runs` fresh pages: the first view of S from
 * navigation (the canvas drawn), the XL preset clicked in the picker until the overview map is
 * drawn, and the longest main-thread task during and 3 s after those loads. Bars: ≤ 800 ms,
 * ≤ 1.5 s, no task over 200 ms. The machine's load average is printed beside them.
 */
export async function benchBrowserLoad(dist = 'dist', runs = 3): Promise<BrowserLoadReport> {
  const { chromium } = await import('@playwright/test');
  const { loadavg } = await import('node:os');
  const site = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const samples: { s: number; xl: number; worker: number; longest: number; over: number }[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await ctx.addInitScript(LOAD_PROBE);
      const page = await ctx.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => document.querySelector('[data-testid="k8s-node"]') !== null, null, {
        polling: 'raf',
        timeout: 60_000,
      });
      const s = await page.evaluate(() => performance.now());
      // Settle, then click XL in the picker and wait for the map to be drawn.
      await page.waitForTimeout(1500);
      await page.getByTestId('preset-toggle').click();
      const xlButton = page.getByTestId('preset-xl');
      await xlButton.evaluate((el) =>
        el.addEventListener(
          'click',
          () => ((window as unknown as { __kneClick: number }).__kneClick = performance.now()),
          {
            capture: true,
          },
        ),
      );
      await xlButton.click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="overview-map"][data-ready="true"]') !== null,
        null,
        { polling: 'raf', timeout: 120_000 },
      );
      const xl = await page.evaluate(
        () => performance.now() - (window as unknown as { __kneClick: number }).__kneClick,
      );
      const worker = await page.evaluate(() => {
        const m = performance.getEntriesByName('kne:worker-answer');
        return m.length
          ? m[m.length - 1]!.startTime - (window as unknown as { __kneClick: number }).__kneClick
          : NaN;
      });
      await page.waitForTimeout(3000);
      const lt = await page.evaluate(
        () =>
          (window as unknown as { __kneLoad: { longest: number; over: number; tasks: number[][] } })
            .__kneLoad,
      );
      if (process.env.BENCH_VERBOSE) console.log('long tasks [start, ms]:', JSON.stringify(lt.tasks));
      samples.push({ s, xl, worker, longest: lt.longest, over: lt.over });
      await ctx.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const med = (f: (x: (typeof samples)[number]) => number) => percentile(samples.map(f), 50);
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const report: BrowserLoadReport = {
    runs,
    firstViewSMs: med((x) => x.s),
    xlClickToOverviewMs: med((x) => x.xl),
    xlWorkerMs: med((x) => x.worker),
    longestTaskMs: Math.max(...samples.map((x) => x.longest)),
    longTasksOver200: samples.reduce((a, x) => a + x.over, 0),
    load,
  };
  console.log(`\n## Load in Chromium (headless, 1440×900, median of ${runs}; load average ${load})\n`);
  console.log(
    table([
      ['what', 'ms', 'bar'],
      ['S: navigation → first view drawn', fmt(report.firstViewSMs, 0), `≤ ${BARS.firstViewMs}`],
      ['XL: preset click → overview map drawn', fmt(report.xlClickToOverviewMs, 0), `≤ ${BARS.xlLoadMs}`],
      ['  of which: click → worker answer on the page', fmt(report.xlWorkerMs, 0), ''],
      ['longest main-thread task (all runs)', fmt(report.longestTaskMs, 0), `none > ${BARS.longTaskMs}`],
      ['tasks over 200 ms (all runs)', report.longTasksOver200, '0'],
    ]),
  );
  return report;
}

/** All page sections: build into `dist`, then bundle sizes, preset load, browser load, frame times. */
export async function benchPage(dist = 'dist'): Promise<void> {
  buildPage(dist);
  benchPageBundle(dist);
  benchPresetLoad();
  await benchBrowserLoad(dist);
  await benchPageFrames(dist);
}

// `npx tsx bench/page.ts [dist]` runs the page sections on their own.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'page.ts')) {
  void benchPage(process.argv[2] ?? '.dist-bench');
}
