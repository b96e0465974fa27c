import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';
import { opened, waitForAutosave } from '../pages/share';

/** From the next navigation on, every localStorage write fails as a full store does. */
async function fillStorage(page: Page) {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

test('full storage: an edit that cannot be saved is shown, and the work can be downloaded', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  await app.design('inter', 'routing');
  await waitForAutosave(page);
  await fillStorage(page);
  await page.reload();
  await opened(page);
  await expect(page.getByTestId('design-inter-routing')).toBeChecked();

  await app.design('intra', 'routed');
  const warning = page.getByTestId('save-failed');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('could not be saved');
  await page.screenshot({ path: '/tmp/storage-full.png' });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-work').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const scenario = JSON.parse(text) as { designs: { intra: string; inter: string } };
  expect(scenario.designs).toMatchObject({ intra: 'routed', inter: 'routing' });
  expect(app.errors).toEqual([]);
});

test('full storage: a link does not replace saved work it cannot set aside', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  await app.design('inter', 'routing');
  const saved = await waitForAutosave(page);

  await fillStorage(page);
  await page.goto('about:blank');
  await page.goto(link);
  await opened(page);
  const notice = page.getByTestId('share-notice');
  await expect(notice).toHaveAttribute('data-kind', 'link-held');
  await expect(notice).toContainText('The link was not opened');
  // The saved work is what is shown, and it is still in storage.
  await expect(page.getByTestId('design-inter-routing')).toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('kne.work.autosave'))).toBe(saved);
  // Opening it anyway is the person's choice.
  await page.getByTestId('open-held-link').click();
  await expect(page.getByTestId('design-inter-overlay')).toBeChecked();
  expect(app.errors).toEqual([]);
});
