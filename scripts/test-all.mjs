#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests (Vitest), build and browser tests (Playwright), then one
// honest closing line `N passed, N failed` summed from both JSON reports. Exits non-zero when any
// step failed or when no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.reports', { recursive: true });
for (const f of ['.reports/vitest.json', '.reports/playwright.json']) rmSync(f, { force: true });

const steps = [
  ['typecheck', 'npx', ['tsc', '-b']],
  ['eslint', 'npx', ['eslint', '.']],
  ['prettier', 'npx', ['prettier', '--check', '.']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.reports/vitest.json'],
  ],
  ['e2e', 'npx', ['playwright', 'test']],
];

const failedSteps = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PW_FRESH_SERVER: '1' } });
  if (r.status !== 0) failedSteps.push(name);
}

const readJson = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const v = readJson('.reports/vitest.json');
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
const p = readJson('.reports/playwright.json');
if (p?.stats) {
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
  skipped += p.stats.skipped ?? 0;
}
if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed || passed === 0 ? 1 : 0);
