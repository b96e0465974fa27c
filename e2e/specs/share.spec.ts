import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';
import { opened, visibleView, waitForAutosave } from '../pages/share';

test('a copied link reproduces the view in a fresh browser', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Explorer(page);
  await app.open();

  // Build a view as a person would: a design, a flow, hop 4, a Linux panel.
  await app.design('inter', 'routing');
  await page.getByTestId('probe-from').selectOption('default/frontend-1');
  await page.getByTestId('probe-to').selectOption('default/db-0');
  await page.getByTestId('trace-run').click();
  await expect(page.getByTestId('verdict')).toContainText('default/db-0');
  await app.pause();
  await app.hops.nth(3).click();
  await expect(page.getByTestId('play-position')).toContainText('Hop 4 of');
  await app.clickOnCanvas(app.nodeHeader('node-3'));
  await expect(page.getByTestId('linux-netns')).toHaveText('node/node-3');
  const before = await visibleView(page);
  expect(before.inter).toBe('design-inter-routing');
  expect(before.currentHop).toBe('3');

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-status')).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toBe(await page.getByTestId('share-link').inputValue());
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  // Preset S with a few view fields stays far under the 2,000-character bar.
  expect(url.length).toBeLessThan(2000);
  await page.screenshot({ path: '/tmp/share-copied.png' });

  // A fresh context: no storage, no history, just the link.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherApp = new Explorer(other);
  await other.goto(url);
  await opened(other);
  await expect(other.getByTestId('play-position')).toContainText('Hop 4 of');
  await expect(other.getByTestId('share-notice')).toContainText('Opened a shared link');
  const after = await visibleView(other);
  expect(after).toEqual(before);
  // The hop detail is the worker's, not a copy: the same hop 4 as the worker traces it.
  const trace = await otherApp.workerTrace();
  expect(await other.getByTestId('hop').nth(3).getAttribute('data-kind')).toBe(trace.hops[3]!.kind);
  await expect(other.getByTestId('linux-output')).toContainText('default via 192.168.1.1');
  // The fragment was read once and removed from the address.
  expect(new URL(other.url()).hash).toBe('');
  await other.screenshot({ path: '/tmp/share-opened.png', fullPage: true });
  expect(otherApp.errors).toEqual([]);
  expect(app.errors).toEqual([]);
  await fresh.close();
});

test('a broken link names the problem, opens the default scenario and keeps saved work as a draft', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  // Some work of the user's, autosaved.
  await app.design('intra', 'routed');
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  const saved = await waitForAutosave(page);

  // The same kind of link, cut in half (as a chat client might do).
  await page.goto('about:blank');
  await page.goto(link.slice(0, Math.ceil(link.length / 2) + 10));
  await opened(page);
  const notice = page.getByTestId('share-notice');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText(/cut short|damaged/);
  await expect(notice).toContainText(/TRUNCATED|CORRUPT/);
  await expect(notice).toContainText('Showing the default scenario instead');
  await expect(page.getByTestId('resembles')).toContainText('Flannel');
  await expect(page.getByTestId('k8s-node')).toHaveCount(3);
  // The saved work was not overwritten: it is the draft now.
  expect(await page.evaluate(() => localStorage.getItem('kne.work.draft'))).toBe(saved);
  await page.screenshot({ path: '/tmp/share-broken.png' });

  await page.getByTestId('restore-draft').click();
  await expect(page.getByTestId('resembles')).toContainText('Calico');
  await expect(page.getByTestId('design-intra-routed')).toBeChecked();
  await expect(page.getByTestId('share-notice')).toContainText('Draft restored');

  // A link from a newer version, and something that is not a link at all.
  for (const [fragment, text] of [
    ['#v9.abc', 'newer version'],
    ['#hello-world', 'not made by this app'],
  ] as const) {
    await page.goto('about:blank');
    await page.goto(`./${fragment}`);
    await opened(page);
    await expect(page.getByTestId('share-notice')).toContainText(text);
    await expect(page.getByTestId('k8s-node')).toHaveCount(3);
  }
  expect(app.errors).toEqual([]);
});
