import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

// The policy, editor and Gateways panels fetch their code the first time they are opened.

test('a tools panel whose code does not arrive says so, keeps the page, and loads on "Try again"', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  // Nothing of the policy workspace is on the page before its tab is opened.
  await expect(page.getByTestId('workspace-tab-policies')).toHaveCount(0);

  // The network drops the panel's chunk.
  const chunk = /\/assets\/PolicyWorkspace-[^/]+\.js$/;
  await page.route(chunk, (route) => route.abort('internetdisconnected'));
  await page.getByTestId('tool-tab-policy').click();
  const panel = page.getByTestId('tool-panel-policy');
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('This panel could not be loaded');
  await expect(alert).toContainText('nothing you have done is lost');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: '/tmp/lazy-tool-failed-1440.png' });
  // The rest of the page still works: the trace is there and another tool opens.
  await expect(app.hops.first()).toBeVisible();
  await app.tool('dns');
  await app.tool('policy');
  await expect(alert).toBeVisible();

  // The connection is back: "Try again" (from the keyboard) fetches it anew.
  await page.unroute(chunk);
  await panel.getByTestId('tool-retry').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workspace-tab-policies')).toBeVisible();
  await expect(alert).toHaveCount(0);
  // Switching away and back keeps the panel mounted (its tab state is not reset).
  await page.getByTestId('workspace-tab-yaml').click();
  await app.tool('dns');
  await app.tool('policy');
  await expect(page.getByTestId('workspace-tab-yaml')).toHaveAttribute('aria-selected', 'true');
  // The aborted request is logged by the browser as a console error: that one only.
  expect(
    app.errors.filter(
      (e) => !/Failed to (load|fetch)|net::ERR_INTERNET_DISCONNECTED|dynamically imported/.test(e),
    ),
  ).toEqual([]);
});

test('in Japanese, the failure and the retry button are translated', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('lang-ja').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.route(/\/assets\/EditorPanel-[^/]+\.js$/, (route) => route.abort('failed'));
  await page.getByTestId('tool-tab-editor').click();
  const panel = page.getByTestId('tool-panel-editor');
  await expect(panel.getByRole('alert')).toContainText('このパネルを読み込めませんでした');
  await expect(panel.getByTestId('tool-retry')).toHaveText('もう一度試す');
});
