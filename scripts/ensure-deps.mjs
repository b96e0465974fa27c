#!/usr/bin/env node
// Installs what the project needs and is missing: npm packages (when node_modules is absent or
// older than package-lock.json) and, with --browser, a Chromium for Playwright (Debian's package,
// because Playwright's own browser download is not reachable on our machines).
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || mtime('package-lock.json') > mtime(installed)) {
  console.log('[setup] installing npm packages…');
  run(existsSync('package-lock.json') ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
}

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
