import { expect, test, type Locator, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';

/**
 * A keyboard user (issue 9, part 8): skip links to the canvas and to playback, arrow keys on the
 * design radios keep focus there, visible focus rings, a couple of Tabs from Trace to Play; and a
 * phone opens at the top of the page.
 */

const outline = (l: Locator) => l.evaluate((el) => getComputedStyle(el).outlineStyle);
const active = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

test('skip links, design radios under arrow keys, focus rings, Trace → Play in a few Tabs', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();

  // The first Tab stop is the skip link to the canvas, visible when focused.
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-canvas');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('canvas')).toBeFocused();

  // To playback: focus lands on its first enabled button.
  await page.getByTestId('skip-playback').focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]')?.id)).toBe(
    'kne-playback',
  );

  // Arrow keys on a design radio: the design changes, focus stays on the control, its ring shows.
  await page.getByTestId('design-intra-bridge').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('design-intra-routed')).toBeChecked();
  await expect(page.getByTestId('designs')).toHaveAttribute('data-busy', 'false');
  await expect(page.getByTestId('design-intra-routed')).toBeFocused();
  expect(await outline(page.locator('label:has([data-testid="design-intra-routed"])'))).toBe('solid');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('design-intra-ebpf')).toBeChecked();
  await expect(page.getByTestId('designs')).toHaveAttribute('data-busy', 'false');
  await expect(page.getByTestId('design-intra-ebpf')).toBeFocused();

  // Trace → Play: a few Tabs (after the design change's re-run of the shown flow).
  await app.focusWhenEnabled(page.getByTestId('trace-run'));
  let tabs = 0;
  while ((await active(page)) !== 'play-toggle' && tabs < 6) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(await active(page)).toBe('play-toggle');
  expect(tabs).toBeLessThanOrEqual(4);
  expect(await outline(page.getByTestId('play-toggle'))).toBe('solid');

  // The canvas zoom buttons show a ring when reached by keyboard.
  const zoomIn = page.locator('.react-flow__controls-zoomin');
  await zoomIn.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(zoomIn).toBeFocused();
  expect(await outline(zoomIn)).toBe('solid');
  expect(app.errors).toEqual([]);
});

test('a phone opens at the top of the page, also while the trace plays', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new Explorer(page);
  await app.open();
  // The opening trace waits at its first hop; Space (focus on the page) plays it, and the packet
  // steps a few hops (the hop list follows it).
  await expect(page.getByTestId('play-position')).toHaveText(/^Hop 1 of/);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('play-position')).toHaveText(/^Hop ([4-9]|\d{2,}) of/, { timeout: 15_000 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  expect(app.errors).toEqual([]);
});

test('a control focused outside the visible canvas is panned into view, and Enter uses it', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('kne.welcome.dismissed', '1'));
  await page.setViewportSize({ width: 1600, height: 1000 });
  const app = new Explorer(page);
  await app.open();
  // The Service cards sit below the cluster, outside the first view.
  const to = page.locator(
    '[data-testid="service-card"][data-service="default/backend"] [data-testid="service-trace-to"]',
  );
  const canvas = page.locator('.react-flow');
  const inside = async () => {
    const [b, c] = await Promise.all([to.boundingBox(), canvas.boundingBox()]);
    return (
      b!.y >= c!.y &&
      b!.y + b!.height <= c!.y + c!.height &&
      b!.x >= c!.x &&
      b!.x + b!.width <= c!.x + c!.width
    );
  };
  expect(await inside()).toBe(false);
  // a keyboard user (the focus ring shows), then focus lands on the button
  await page.keyboard.press('Tab');
  await to.focus();
  await expect(to).toHaveCSS('outline-style', /solid|auto/);
  await expect.poll(inside).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('probe-port')).toHaveValue('80');
  expect(app.errors).toEqual([]);
});
