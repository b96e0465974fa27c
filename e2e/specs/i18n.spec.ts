import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

test('switching to Japanese changes labels and hop sentences', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  const firstHopEn = await app.hops.first().textContent();
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kubernetes ネットワーク・エクスプローラー',
  );
  await expect(page.getByTestId('trace-run')).toHaveText('追跡する');
  await expect(page.getByRole('heading', { name: 'ホップ', exact: true })).toBeVisible();
  const firstHopJa = await app.hops.first().textContent();
  expect(firstHopJa).not.toEqual(firstHopEn);
  expect(firstHopJa).toMatch(/経路/);
  await page.screenshot({ path: '/tmp/kne-e2e-ja.png', fullPage: true });

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByTestId('trace-run')).toHaveText('追跡する');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('trace-run')).toHaveText('Trace');
  expect(app.errors).toEqual([]);
});
