import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';
import { opened } from '../pages/share';

/**
 * A shared link restores what was on the canvas — the same centre at the same zoom — and the
 * "opened a shared link" notice floats over the page instead of pushing the layout (issue 9, part 7).
 */

/** React Flow's viewport transform → the centre of the canvas in drawing coordinates, and the zoom. */
async function view(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.evaluate(() => {
    const vp = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const m = new DOMMatrix(getComputedStyle(vp).transform);
    const box = document.querySelector<HTMLElement>('.react-flow')!.getBoundingClientRect();
    return { x: (box.width / 2 - m.e) / m.a, y: (box.height / 2 - m.f) / m.a, zoom: m.a };
  });
}

test('the canvas viewport travels in the link; the notice does not move the page', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  await app.pause();
  // Zoom in twice and pan a little, as a person would.
  await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__controls-zoomin').click();
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 60, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => {
    type S = { viewport: { zoom: number } | null };
    const s = (window as unknown as { __kne: { store: { getState(): S } } }).__kne.store.getState();
    return s.viewport !== null && s.viewport.zoom > 0.5;
  });
  const before = await view(page);
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('share-link').inputValue();

  // Another window size: the same centre at the same zoom.
  const fresh = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const other = await fresh.newPage();
  const otherApp = new Explorer(other);
  await other.goto(url);
  await opened(other);
  await expect(other.getByTestId('share-notice')).toBeVisible();
  await expect.poll(async () => (await view(other)).zoom).toBeCloseTo(before.zoom, 2);
  const after = await view(other);
  expect(Math.abs(after.x - before.x)).toBeLessThan(2);
  expect(Math.abs(after.y - before.y)).toBeLessThan(2);

  // The notice floats: dismissing it moves nothing.
  const canvasTop = (await other.getByTestId('canvas').boundingBox())!.y;
  await other.getByTestId('notice-dismiss').click();
  await expect(other.getByTestId('share-notice')).toHaveCount(0);
  expect((await other.getByTestId('canvas').boundingBox())!.y).toBe(canvasTop);
  expect(otherApp.errors).toEqual([]);
  expect(app.errors).toEqual([]);
  await fresh.close();
});
