import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

test('no serious or critical axe violations, in English and Japanese', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.clickOnCanvas(app.nodeHeader('node-1'));
  await app.hops.nth(3).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  expect(await seriousViolations(page)).toEqual([]);
});

test('every action is reachable by keyboard', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  // Tab to the routed design radio group and change it with the arrow keys.
  await page.getByTestId('design-intra-bridge').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('design-intra-routed')).toBeChecked();
  await expect(app.device('cni0')).toHaveCount(0);
  // Trace from the keyboard (after the design change's re-run of the shown flow).
  await app.focusWhenEnabled(page.getByTestId('trace-run'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'true');
  // Space on the page toggles playback.
  await page.locator('h1').click();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
  // Hop list: arrow keys move the selection.
  await app.hops.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(app.hops.nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(app.hops.nth(1)).toBeFocused();
  // A node's Linux view from the keyboard.
  await app.nodeHeader('node-3').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('linux-netns')).toHaveText('node/node-3');
});
