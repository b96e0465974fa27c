import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';
import { focusProblem } from '../pages/focus';

/**
 * A keyboard user walks the default view with Tab alone, from the top of the page into the drawing:
 * every stop is a control that is wholly in view (the canvas pans to it, a pane or bar scrolls to
 * it), not covered, and shows its focus ring; focus is never lost to the page. Shift+Tab walks the
 * same stops back. On a desktop and on a phone (where the header's bars scroll sideways).
 */

/** Enough Tabs to pass the header, the controls and playback and reach the first Service cards. */
const PRESSES = 75;

type Walked = { kind: string; name: string };

/** What kind of stop the focused element is (the canvas's controls by what they belong to). */
function focused(page: Page): Promise<Walked> {
  return page.evaluate(() => {
    const el = document.activeElement!;
    const w = window as unknown as { __walk?: Element[] };
    (w.__walk ??= []).push(el);
    const kind = el.matches('[data-testid="k8s-node"] button[data-anchor^="node/"]')
      ? 'node header'
      : el.closest('[data-testid="pod"]')
        ? 'pod'
        : el.matches('[data-testid="device"]')
          ? 'device'
          : el.closest('[data-testid="service-card"]')
            ? 'service card'
            : el.closest('.react-flow')
              ? 'canvas'
              : 'page';
    return { kind, name: el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.tagName };
  });
}

async function walk(page: Page): Promise<void> {
  const app = new Explorer(page);
  await app.open();
  const stops: Walked[] = [];
  for (let i = 1; i <= PRESSES; i++) {
    await page.keyboard.press('Tab');
    // Focusing a canvas control pans the drawing to it (animated): wait until it is in view.
    await expect.poll(() => focusProblem(page), { message: `Tab ${i}` }).toBe('');
    stops.push(await focused(page));
  }
  const kinds = new Set(stops.map((s) => s.kind));
  for (const k of ['node header', 'pod', 'device', 'service card']) expect(kinds, k).toContain(k);
  expect(stops.filter((s) => s.name === 'pick-to').length).toBeGreaterThan(1);

  // Back: each Shift+Tab returns to the stop before, in view again.
  for (let i = PRESSES - 2; i >= 0; i--) {
    await page.keyboard.press('Shift+Tab');
    await expect
      .poll(
        async () => {
          const same = await page.evaluate(
            (n) => document.activeElement === (window as unknown as { __walk: Element[] }).__walk[n],
            i,
          );
          return same
            ? focusProblem(page)
            : `not back on stop ${i + 1} (${stops[i]!.kind} ${stops[i]!.name})`;
        },
        { message: `Shift+Tab back to stop ${i + 1}` },
      )
      .toBe('');
  }
  await expect(page.getByTestId('skip-canvas')).toBeFocused();
  expect(app.errors).toEqual([]);
}

test('Tab walks from the top of the page into the drawing, every stop in view with its ring; Shift+Tab walks back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await walk(page);
});

test('the same walk on a phone: the header bars scroll to a focused button, the page to each control', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await walk(page);
});

test('the React Flow attribution link, the last stop in the drawing, shows the site ring, unclipped', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  // From the first control after the drawing (the selected tools tab), back into the drawing.
  await page.getByTestId('tool-tab-linux').focus();
  const link = page.locator('.react-flow__attribution a');
  await expect(async () => {
    await page.keyboard.press('Shift+Tab');
    await expect(link).toBeFocused({ timeout: 200 });
  }).toPass({ timeout: 10_000 });
  await expect.poll(() => focusProblem(page)).toBe('');
  expect(await link.evaluate((e) => getComputedStyle(e).outlineColor)).toBe('rgb(245, 158, 11)');
  expect(app.errors).toEqual([]);
});
