import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

test('the simulator dies: the page says so, starts a new one and keeps tracing', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.design('inter', 'routing');
  await app.pause();
  const hopsBefore = await app.hops.count();
  // Kill the worker silently, as an out-of-memory kill would.
  await page.evaluate(() => window.__kne!.sim.crashForTest());
  // The next action still answers, on a new worker that holds the same scenario and designs.
  await app.design('intra', 'routed');
  const notice = page.getByTestId('worker-restarted');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('The simulator stopped unexpectedly');
  await expect(page.getByTestId('design-inter-routing')).toBeChecked();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect.poll(() => app.hops.count()).toBeGreaterThan(2);
  await expect.poll(() => app.hopKinds()).not.toContain('encap');
  expect(hopsBefore).toBeGreaterThan(2);
  // And the worker answers the page's own questions again.
  const trace = await app.workerTrace();
  expect(trace.verdict).toBe('delivered');
  await page.screenshot({ path: '/tmp/worker-restarted.png' });
  expect(app.errors).toEqual([]);
});
