import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

/**
 * A newcomer's workspace (issue 9, parts 4 and 5): on a wide screen a tool opens beside the canvas
 * without crushing it and its width is set from the keyboard (kept for the next visit); the header
 * is one row at 1440; a traced Service shows where NAT rewrites the packet on the drawn path.
 * Sizes are measured as bounding boxes, never as times.
 */

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kne.welcome.dismissed', '1'));
});

const box = async (page: Page, testid: string) => (await page.getByTestId(testid).boundingBox())!;

test('1440×900: a tool opens beside the canvas, the canvas stays legible, the splitter resizes by keyboard and is remembered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  await app.pause();
  const closed = await box(page, 'canvas');
  await app.tool('policy');
  const canvas = await box(page, 'canvas');
  const dock = await box(page, 'tool-dock');
  // Beside, not under: the panel starts right of the canvas and the canvas keeps its height.
  expect(dock.x).toBeGreaterThanOrEqual(canvas.x + canvas.width);
  expect(canvas.height).toBeGreaterThanOrEqual(closed.height - 2);
  expect(canvas.height).toBeGreaterThan(900 * 0.55);
  expect(canvas.width).toBeGreaterThanOrEqual(420);
  expect(dock.width).toBeGreaterThanOrEqual(320);

  // The splitter: a focusable separator whose value is the panel's width; ← widens, → narrows.
  const sep = page.getByRole('separator', { name: /tools panel/ });
  await expect(sep).toHaveAttribute('aria-orientation', 'vertical');
  await sep.focus();
  await page.keyboard.press('Home');
  await expect(sep).toHaveAttribute('aria-valuenow', '320');
  await page.keyboard.press('ArrowLeft');
  await expect(sep).toHaveAttribute('aria-valuenow', '352');
  await expect.poll(async () => Math.round((await box(page, 'tool-dock')).width)).toBe(352);
  await expect(sep).toBeFocused();
  // Never so wide that the canvas drops under a legible width, whatever the keys ask.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => (await box(page, 'canvas')).width).toBeGreaterThanOrEqual(419);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(sep).toHaveAttribute('aria-valuenow', '352');
  expect(await page.evaluate(() => localStorage.getItem('kne.layout.toolWidth'))).toBe('352');

  await page.reload();
  await expect(app.hops.first()).toBeVisible({ timeout: 15_000 });
  await app.tool('linux');
  await expect.poll(async () => Math.round((await box(page, 'tool-dock')).width)).toBe(352);
  expect(app.errors).toEqual([]);
});

for (const lang of ['en', 'ja'] as const) {
  test(`1440×900 (${lang}): the header is one row and nothing overlaps the tool tabs`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('kne.lang', l), lang);
    await page.setViewportSize({ width: 1440, height: 900 });
    const app = new Explorer(page);
    await app.open();
    const header = await page.locator('header').boundingBox();
    // One row of 34 px controls plus padding; two rows would be about 80.
    expect(header!.height).toBeLessThan(60);
    await expect(page.getByTestId('export-svg')).toHaveAccessibleName(
      lang === 'en' ? 'Download SVG' : 'SVG をダウンロード',
    );
  });
}

for (const lang of ['en', 'ja'] as const) {
  test(`390×844 (${lang}): the header is a few compact rows, its action bars scroll sideways`, async ({
    page,
  }) => {
    await page.addInitScript((l) => localStorage.setItem('kne.lang', l), lang);
    await page.setViewportSize({ width: 390, height: 844 });
    const app = new Explorer(page);
    await app.open();
    // It used to be a column of one button per row, filling the whole first screen.
    const header = (await page.locator('header').boundingBox())!;
    expect(header.height).toBeLessThan(844 * 0.4);
    for (const id of ['share-bar', 'teach-bar']) {
      const bar = page.getByTestId(id);
      const row = id === 'share-bar' ? bar.locator(':scope > div').first() : bar;
      expect(await row.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    }
    // Every action is still there: the last one scrolls into view and works from the keyboard.
    const embed = page.getByTestId('teach-bar').getByRole('button').last();
    await embed.scrollIntoViewIfNeeded();
    await expect(embed).toBeInViewport();
  });
}

for (const [w, h] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`${w}×${h}: with a tool open, every tool tab can be clicked (no canvas or floating layer over them)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    const app = new Explorer(page);
    await app.open();
    await app.tool('dns');
    for (const id of ['linux', 'dns', 'policy', 'editor', 'l7']) {
      const tab = page.getByTestId(`tool-tab-${id}`);
      const b = (await tab.boundingBox())!;
      const hit = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role="tab"]')?.getAttribute('data-tool'),
        [b.x + b.width / 2, b.y + b.height / 2],
      );
      expect(hit, `the ${id} tab is on top at its centre`).toBe(id);
    }
    // The canvas keeps a legible block whichever way the panel is placed.
    const canvas = await box(page, 'canvas');
    expect(canvas.width).toBeGreaterThanOrEqual(420);
    expect(canvas.height).toBeGreaterThanOrEqual(220);
    expect(app.errors).toEqual([]);
  });
}

for (const lang of ['en', 'ja'] as const) {
  test(`tracing a Service (${lang}): the drawn path marks where DNAT and SNAT rewrite the packet, with a legend`, async ({
    page,
  }) => {
    await page.addInitScript((l) => localStorage.setItem('kne.lang', l), lang);
    await page.setViewportSize({ width: 1440, height: 900 });
    const app = new Explorer(page);
    await app.open();
    await page.getByTestId('probe-from').selectOption('external');
    await page.getByTestId('probe-to').selectOption('default/frontend');
    await expect(page.locator('[data-testid="hop"][data-kind="snat"]')).toHaveCount(1, { timeout: 15_000 });
    await app.pause();
    const marks = page.getByTestId('path-nat');
    await expect(marks).toHaveCount(3);
    expect(await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'lb',
      'dnat',
      'snat',
    ]);
    // The DNAT mark names the endpoint the hop wrote, as the hop's own headers say.
    const trace = await app.workerTrace();
    const dnat = trace.hops.find((x) => x.kind === 'dnat')!;
    await expect(page.locator('[data-testid="path-nat"][data-kind="dnat"]')).toContainText(
      `DNAT → ${dnat.packet.dst}:${dnat.packet.dstPort}`,
    );
    await expect(page.getByTestId('legend-nat')).toHaveText(
      lang === 'en' ? 'address rewritten (DNAT/SNAT)' : 'アドレス書き換え（DNAT/SNAT）',
    );
    // The DNAT hop's long rule chain folds to its deciding line, so the rewritten header shows
    // under it without scrolling the sidebar; the button unfolds the whole chain.
    await page.locator('[data-testid="hop"][data-kind="dnat"]').click();
    await expect(page.getByTestId('hop-rule')).toContainText('DNAT');
    await expect(page.getByTestId('hop-rule')).toBeInViewport();
    await expect(page.getByTestId('hop-rule-chain')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('nat-after-dst')).toBeInViewport();
    const folded = (await page.getByTestId('hop-rule').boundingBox())!.height;
    await page.getByTestId('hop-rule-chain').click();
    await expect
      .poll(async () => (await page.getByTestId('hop-rule').boundingBox())!.height)
      .toBeGreaterThan(folded * 2);
    await page.screenshot({ path: `test-results/layout-nat-${lang}-1440x900.png` });
    expect(app.errors).toEqual([]);
  });
}

test('1440×900 with a tool open beside the canvas: no serious or critical axe violations', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  await app.pause();
  await app.tool('policy');
  expect(await seriousViolations(page)).toEqual([]);
});

for (const lang of ['en', 'ja'] as const)
  for (const [w, h] of [
    [1440, 900],
    [1920, 1080],
    [390, 844],
  ] as const) {
    test(`screenshots for a person to look at: ${w}×${h} ${lang}, a tool open`, async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem('kne.lang', l), lang);
      await page.setViewportSize({ width: w, height: h });
      const app = new Explorer(page);
      await app.open();
      await app.pause();
      // A phone opens at the top of the page.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.screenshot({ path: `test-results/layout-${lang}-${w}x${h}.png` });
      await app.tool('policy');
      if (w >= 1280) {
        const canvas = await box(page, 'canvas');
        expect(canvas.width).toBeGreaterThanOrEqual(420);
      }
      await page.screenshot({ path: `test-results/layout-tool-${lang}-${w}x${h}.png` });
      expect(app.errors).toEqual([]);
    });
  }
