import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

/**
 * A Japanese reader on a machine that may have no CJK font: the page brings its own Noto Sans JP
 * and fetches only the unicode-range slices of the characters asked for (issue 9, part 9). The
 * face is loaded explicitly here, so the test proves the bundled font covers the page's Japanese
 * whether or not this machine has a CJK font of its own. The screenshots are for a person.
 */
for (const [w, h] of [
  [1440, 900],
  [390, 844],
] as const) {
  test(`Japanese text renders with the bundled font, slices fetched on demand (${w}×${h})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    const fonts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.woff2')) fonts.push(r.url());
    });
    const app = new Explorer(page);
    await app.open();
    const english = fonts.length;
    await page
      .getByTestId('lang-ja')
      .click()
      .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
    await expect(page.getByTestId('trace-run')).toHaveText('追跡する');
    // The face that covers these characters is the bundled one, and it loaded.
    const loaded = await page.evaluate(async () => {
      const faces = await document.fonts.load('16px "Noto Sans JP"', '追跡する経路ホップ');
      return faces.map((f) => f.status);
    });
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.every((s) => s === 'loaded')).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans JP"', '追跡する経路ホップ'))).toBe(
      true,
    );
    await page.waitForLoadState('networkidle');
    // Only slices, never the whole font: the page asks for the ~40 of its ~120 files that hold the
    // characters the site prints (platform/fonts.ts loads them before showing Japanese).
    expect(fonts.length).toBeGreaterThanOrEqual(english);
    expect(fonts.length).toBeLessThan(60);
    // Drawn as glyphs, not as boxes: a CJK glyph is a full em wide, the notdef box about half of
    // that. Text drawn before its font slice arrived used to stay boxes in Chromium (the language
    // button, "Copy link"), so these are the ones checked; their labels are Japanese only.
    for (const id of ['lang-ja', 'copy-link', 'trace-run']) {
      const ratio = await page.getByTestId(id).evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        const chars = [...(el.textContent ?? '').trim()].length;
        return r.getBoundingClientRect().width / (chars * parseFloat(getComputedStyle(el).fontSize));
      });
      expect(ratio, id).toBeGreaterThan(0.85);
    }
    await page.screenshot({ path: `test-results/ja-${w}x${h}.png` });
    expect(app.errors).toEqual([]);
  });
}
