import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';

/**
 * A newcomer at 1440×900 reads a node without zooming, opens a tool without the drawing shrinking,
 * and follows a path drawn along the links with the tunnel shown as an envelope (issue 9, parts 4
 * and 5). Screenshots at the three sizes are kept for a person to look at.
 */

const zoom = (page: Page) =>
  page.evaluate(
    () => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a,
  );

/** The on-screen size in px of a Pod's address row text (its CSS size times the canvas zoom). */
async function podTextPx(page: Page): Promise<number> {
  const css = await page
    .locator('[data-testid="pod"] [data-anchor$="|eth0"]')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  return css * (await zoom(page));
}

// A returning visitor: the first-visit welcome (its own journey in lessons.spec) is already dismissed.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kne.welcome.dismissed', '1'));
});

for (const [w, h] of [
  [1440, 900],
  [1920, 1080],
  [390, 844],
] as const) {
  test(`a node's Pods and devices are legible without zooming, the path follows the links (${w}×${h})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    const app = new Explorer(page);
    await app.open();
    await app.pause();
    await expect.poll(() => podTextPx(page)).toBeGreaterThanOrEqual(10);
    // The opening flow crosses nodes over VXLAN: its tunnelled legs are drawn as an envelope.
    await expect(page.getByTestId('path-tunnel').first()).toBeAttached();
    await expect(page.getByTestId('path-legend')).toBeVisible();
    const trail = await page.getByTestId('path-trail').getAttribute('points');
    // Routed along gutters and lanes: every segment is horizontal or vertical.
    const pts = (trail ?? '')
      .trim()
      .split(' ')
      .map((p) => p.split(',').map(Number) as [number, number]);
    expect(pts.length).toBeGreaterThan(4);
    for (let i = 1; i < pts.length; i++)
      expect(pts[i]![0] === pts[i - 1]![0] || pts[i]![1] === pts[i - 1]![1]).toBe(true);
    await page.screenshot({ path: `test-results/legibility-${w}x${h}.png` });

    if (w >= 1280) {
      // Opening a tool keeps the drawing's zoom: the panel does not halve the text.
      const before = await zoom(page);
      await app.tool('linux');
      await expect.poll(() => zoom(page)).toBeCloseTo(before, 2);
      await page.screenshot({ path: `test-results/legibility-tool-${w}x${h}.png` });
    }
    expect(app.errors).toEqual([]);
  });
}
