import { defineConfig } from '@playwright/test';

// Debian's Chromium (Playwright cannot download its own browsers here; see docs/decisions.md).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// PW_PORT / PW_DIST let several checkouts or developers run the suite at once without sharing a
// server or a build directory.
const port = Number(process.env.PW_PORT ?? 4173);
const dist = process.env.PW_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e/specs',
  fullyParallel: false,
  // Two workers everywhere, CI included: CI is a 2-core machine too, every test has its own browser
  // context and storage and the preview server only serves files, so one worker would only double
  // the wall time (about 20 min of tests run serially). PW_WORKERS overrides it.
  workers: Number(process.env.PW_WORKERS ?? 2),
  retries: 0,
  // A budget against hangs, not a bar: building preset XL and several axe scans (e2e/pages/axe.ts)
  // in one test take a while on a busy 2-core machine.
  timeout: 120_000,
  reporter: [['list'], ['json', { outputFile: process.env.PW_REPORT ?? '.reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite build --outDir ${dist} --emptyOutDir && npx vite preview --outDir ${dist} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI && !process.env.PW_FRESH_SERVER,
    timeout: 120_000,
  },
});
