#!/usr/bin/env node
// Installs what the project needs and is missing: npm packages (when node_modules is absent or
// older than package-lock.json) and, with --browser, a Chromium for Playwright (Debian's package,
// because Playwright's own browser download is not reachable on our machines).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

// What was installed is recorded as the lock file's hash: a checkout whose lock file is merely newer
// on disk (a fresh worktree sharing node_modules, a touched file) has nothing to install.
const installed = 'node_modules/.package-lock.json';
const stamp = 'node_modules/.kne-lock-sha256';
const lockHash = () =>
  existsSync('package-lock.json')
    ? createHash('sha256').update(readFileSync('package-lock.json')).digest('hex')
    : 'none';
const upToDate = () => {
  if (!existsSync(installed)) return false;
  if (existsSync(stamp)) return readFileSync(stamp, 'utf8').trim() === lockHash();
  return mtime('package-lock.json') <= mtime(installed);
};
if (!upToDate()) {
  console.log('[setup] installing npm packages…');
  run(existsSync('package-lock.json') ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
}
if (existsSync(installed)) writeFileSync(stamp, lockHash() + '\n');

if (process.argv.includes('--browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const hasApt = (() => {
      try {
        execSync('command -v apt-get', { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    if (hasApt && process.getuid?.() === 0) {
      console.log('[setup] installing Debian chromium for Playwright…');
      run('apt-get update -qq');
      run(
        'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium </dev/null',
      );
    } else {
      console.error(
        `[setup] No Chromium at ${chromium}. Install Chromium (e.g. 'sudo apt-get install chromium') ` +
          'or point CHROMIUM_PATH at a Chromium/Chrome binary, then run npm test again.',
      );
      process.exit(1);
    }
  }
}
