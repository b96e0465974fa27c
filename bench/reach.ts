import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CLUSTER } from '../src/core/model/scenario';
import { exportYaml } from '../src/scenario/manifests';
import { generateScenario } from '../src/scenario/presets/generate';
import { buildEngine } from '../src/core/engine';
import type { K8sNetworkPolicy } from '../src/core/model/k8s';
import type { WhatIfAnswer } from '../src/core/reach-view';
import { xlargeScenario } from '../src/scenario/presets/scale';
import { matrixAnswer, whatIfAnswer } from '../src/worker/policyApi';
import { buildPage, serveStatic } from './page';
import { fmt, percentile, table, time } from './util';

/**
 * The `reach` race: whole processes, spawned as a user runs them: the built CLI
 * (`npm run build:cli` → dist-cli/kne.mjs, what `npm run cli` runs) and the pairwise evaluator
 * bundled the same way (no tsx, no transpile in either), timed from spawn to exit, with each
 * process's own peak RSS and CPU time (bench/maxrss.mjs reports process.resourceUsage on exit).
 * `reach --json --compact` against the bench's straightforward pairwise evaluator
 * (bench/pairwise.ts) on the same 2,000-Pod / 200-policy manifests, outputs compared byte for
 * byte; then the XL namespace-pair summary.
 */

const CLI = 'dist-cli/kne.mjs';
const PAIRWISE = 'dist-cli/pairwise.mjs';

/** Builds both bundles from the current sources (about a second). */
function buildBundles(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'ignore' });
  execFileSync(process.execPath, ['scripts/build-cli.mjs', 'bench/pairwise.ts', PAIRWISE], {
    stdio: 'ignore',
  });
}

export interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  outBytes: number;
  sha: string;
}

/** Runs `node <bundle> <args>` with stdout to a file; resolves with its measurements. */
export function runProcess(args: string[], outFile: string): Promise<ProcessRun> {
  const out = openSync(outFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', './bench/maxrss.mjs', ...args], {
    stdio: ['ignore', out, 'pipe', 'pipe'],
  });
  let stats = '';
  let err = '';
  child.stdio[3]!.on('data', (d: Buffer) => (stats += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      closeSync(out);
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 400)}`));
      const s = JSON.parse(stats) as { maxRssKiB: number; cpuMs: number };
      const body = readFileSync(outFile);
      resolve({
        wallMs,
        cpuMs: s.cpuMs,
        maxRssMiB: s.maxRssKiB / 1024,
        outBytes: body.length,
        sha: createHash('sha256').update(body).digest('hex').slice(0, 12),
      });
    }),
  );
}

/** Runs the same process `n` times (interleaved callers alternate for fairness); every run's numbers. */
async function runMany(n: number, args: string[], outFile: string): Promise<ProcessRun[]> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < n; i++) runs.push(await runProcess(args, outFile));
  return runs;
}

/** p50 and max of wall and cpu seconds over runs, peak RSS the largest, output of the last run. */
const row = (name: string, runs: ProcessRun[]): (string | number)[] => {
  const wall = runs.map((r) => r.wallMs / 1000);
  const cpu = runs.map((r) => r.cpuMs / 1000);
  const last = runs[runs.length - 1]!;
  const shas = new Set(runs.map((r) => r.sha));
  return [
    name,
    runs.length,
    fmt(percentile(wall, 50), 2),
    fmt(Math.max(...wall), 2),
    fmt(percentile(cpu, 50), 2),
    fmt(Math.max(...cpu), 2),
    fmt(Math.max(...runs.map((r) => r.maxRssMiB)), 0),
    fmt(last.outBytes / 2 ** 20, 1),
    shas.size === 1 ? last.sha : 'differs between runs',
  ];
};
const HEADER = [
  'process',
  'runs',
  'wall p50 s',
  'wall max s',
  'cpu p50 s',
  'cpu max s',
  'peak RSS MiB',
  'stdout MiB',
  'sha256',
];

export async function benchReach(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kne-reach-'));
  try {
    const scenario = generateScenario(
      { nodes: 20, pods: 2000, services: 200, policies: 200, cluster: { ...DEFAULT_CLUSTER } },
      1,
    );
    const file = join(dir, 'cluster-2000.yaml');
    writeFileSync(file, exportYaml(scenario));
    buildBundles();
    console.log(
      `\n## reach race: 2,000 Pods / ${scenario.networkPolicies.length} policies, every declared port, whole processes`,
    );
    console.log(
      `(built bundles, no tsx: node ${CLI} reach … vs node ${PAIRWISE} …; the pairwise run takes ~20 s each)`,
    );
    const ours: ProcessRun[] = [];
    const pair: ProcessRun[] = [];
    // interleaved, so a busy moment of the machine falls on both sides
    for (let i = 0; i < 3; i++) {
      ours.push(
        ...(await runMany(
          2,
          [CLI, 'reach', '--manifests', file, '--json', '--compact'],
          join(dir, 'ours.json'),
        )),
      );
      pair.push(await runProcess([PAIRWISE, file], join(dir, 'pairwise.json')));
    }
    console.log(
      table([
        HEADER,
        row('reach --json --compact (built CLI)', ours),
        row('pairwise evaluator (bundled)', pair),
      ]),
    );
    const p50 = (runs: ProcessRun[], k: 'wallMs' | 'cpuMs'): number =>
      percentile(
        runs.map((r) => r[k]),
        50,
      );
    const same = ours.every((r) => r.sha === pair[0]!.sha) && pair.every((r) => r.sha === pair[0]!.sha);
    console.log(
      `same answer: ${same ? 'yes (byte-identical documents)' : 'NO — outputs differ'}; ` +
        `speed-up (p50 against p50) ${fmt(p50(pair, 'wallMs') / p50(ours, 'wallMs'), 1)}× wall, ` +
        `${fmt(p50(pair, 'cpuMs') / p50(ours, 'cpuMs'), 1)}× cpu`,
    );
    console.log('bars: ≥ 10× faster (aim 20×), peak RSS ≤ 300 MiB');

    console.log('\n## reach at XL (150,000 Pods, 10,000 policies): namespace-pair summary, whole process');
    const xl = await runMany(5, [CLI, 'reach', '--preset', 'xl'], join(dir, 'xl.txt'));
    console.log(table([HEADER, row(`node ${CLI} reach --preset xl`, xl)]));
    console.log('bar: ≤ 3 s whole process (wall; cpu shown because the bench machine may be shared)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One what-if at XL in the worker's code path (`whatIfAnswer`, what the editor's "Preview changes"
 * calls): a default-deny added to a namespace, and an existing policy deleted, on TCP/8080 with the
 * page's matrix for that port already computed. Bar: ≤ 300 ms each.
 */
export async function benchWhatIf(): Promise<void> {
  console.log('\n## what-if at XL in the worker code path (TCP/8080, matrix already shown)');
  const scenario = xlargeScenario(1);
  const engine = buildEngine(scenario).engine!;
  matrixAnswer(engine, 8080, 'TCP', { namespace: scenario.pods[0]!.metadata.namespace ?? 'default' });
  const rows: (string | number)[][] = [['change', 'runs', 'first ms', 'p50 ms', 'max ms', 'flips (last)']];
  const namespaces = [...new Set(scenario.pods.map((p) => p.metadata.namespace ?? 'default'))];
  const deny = (ns: string): K8sNetworkPolicy => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'bench-default-deny', namespace: ns },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
  const measure = (name: string, run: (i: number) => WhatIfAnswer): void => {
    const ms: number[] = [];
    let last: WhatIfAnswer | null = null;
    for (let i = 0; i < 7; i++) {
      const t = time(() => run(i));
      ms.push(t.ms);
      last = t.value;
    }
    rows.push([
      name,
      ms.length,
      fmt(ms[0]!, 1),
      fmt(percentile(ms, 50), 1),
      fmt(Math.max(...ms), 1),
      `${last!.allowedToDenied} → denied, ${last!.deniedToAllowed} → allowed`,
    ]);
  };
  measure('add default-deny (ingress+egress) to a namespace', (i) =>
    whatIfAnswer(engine, deny(namespaces[(i * 97) % namespaces.length]!), null, 8080, 'TCP'),
  );
  measure('delete an existing policy', (i) => {
    const p = scenario.networkPolicies[(i * 131) % scenario.networkPolicies.length]!;
    return whatIfAnswer(engine, null, `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`, 8080, 'TCP');
  });
  console.log(table(rows));
  console.log('bar: one what-if at XL ≤ 300 ms in the worker');
  await benchWhatIfInChromium(
    namespaces.map((ns) => deny(ns)),
    scenario.networkPolicies.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`),
  );
}

interface PageSim {
  matrix(port: number, protocol: string, filter: { namespace: string }): Promise<unknown>;
  whatIf(
    policy: K8sNetworkPolicy | null,
    previous: string | null,
    port: number,
    protocol: string,
  ): Promise<WhatIfAnswer>;
}

/**
 * The same what-ifs where a user waits for them: the built page in headless Chromium with the XL
 * preset picked in the preset picker, the matrix of TCP/8080 shown, then each what-if timed on the
 * page from the call to the answer back from the simulator worker (`sim.whatIf`, what the policy
 * editor's "Preview changes" calls through the store), structured clone included.
 */
async function benchWhatIfInChromium(denies: K8sNetworkPolicy[], existing: string[]): Promise<void> {
  const dist = '.dist-bench';
  buildPage(dist);
  const { chromium } = await import('@playwright/test');
  const site = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(site.url);
    await page.getByTestId('preset-toggle').click();
    await page.getByTestId('preset-xl').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="overview-map"][data-ready="true"]') !== null,
      null,
      { polling: 'raf', timeout: 120_000 },
    );
    // The matrix of TCP/8080 shown, then a pause as a person writes the policy: the worker stays busy
    // for a while after answering a fresh XL matrix (a cached matrix answer takes ~250 ms right
    // after it, ~25 ms half a second later), so a preview clicked at once pays for that too (the
    // last row).
    const showMatrix = (port: number) =>
      page.evaluate(
        async ([p, ns]) => {
          const sim = (window as unknown as { __kne: { sim: PageSim } }).__kne.sim;
          await sim.matrix(p, 'TCP', { namespace: ns });
        },
        [port, denies[0]!.metadata.namespace!] as const,
      );
    await showMatrix(8080);
    await page.waitForTimeout(1000);
    const runs = async (edits: [K8sNetworkPolicy | null, string | null][], port = 8080) =>
      page.evaluate(
        async ([list, p]) => {
          const sim = (window as unknown as { __kne: { sim: PageSim } }).__kne.sim;
          const out: number[] = [];
          for (const [policy, previous] of list) {
            const t0 = performance.now();
            await sim.whatIf(policy, previous, p, 'TCP');
            out.push(performance.now() - t0);
          }
          return out;
        },
        [edits, port] as const,
      );
    const add = await runs(
      Array.from(
        { length: 7 },
        (_, i) => [denies[(i * 97) % denies.length]!, null] as [K8sNetworkPolicy, null],
      ),
    );
    const del = await runs(
      Array.from({ length: 7 }, (_, i) => [null, existing[(i * 131) % existing.length]!] as [null, string]),
    );
    const atOnce: number[] = [];
    for (const port of [9090, 5432, 6379]) {
      await showMatrix(port);
      atOnce.push(...(await runs([[denies[0]!, null]], port)));
    }
    const row = (name: string, ms: number[]) => [
      name,
      ms.length,
      fmt(ms[0]!, 1),
      fmt(percentile(ms, 50), 1),
      fmt(Math.max(...ms), 1),
    ];
    console.log(
      '\n## the same what-ifs in Chromium: page → simulator worker → page (XL preset, matrix shown, then a 1 s pause as a person writes)',
    );
    console.log(
      table([
        ['change', 'runs', 'first ms', 'p50 ms', 'max ms'],
        row('add default-deny (ingress+egress) to a namespace', add),
        row('delete an existing policy', del),
        row('add default-deny at once after a fresh matrix (ports 9090, 5432, 6379)', atOnce),
      ]),
    );
    console.log('bar: one what-if at XL ≤ 300 ms in the worker, as the page waits for it');
  } finally {
    await browser.close();
    await site.close();
  }
}
