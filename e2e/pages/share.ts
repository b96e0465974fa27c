import { expect, type Page } from '@playwright/test';

/** What a person sees of the current view: designs, selected flow, hop cursor, hop detail, Linux panel. */
export async function visibleView(page: Page) {
  const checked = async (group: string) =>
    page.locator(`[data-testid^="design-${group}-"]:checked`).getAttribute('data-testid');
  const current = page.locator('[data-testid="hop"][aria-current="step"]');
  return {
    intra: await checked('intra'),
    inter: await checked('inter'),
    resembles: await page.getByTestId('resembles').textContent(),
    from: await page.getByTestId('probe-from').inputValue(),
    to: await page.getByTestId('probe-to').inputValue(),
    verdict: await page.getByTestId('verdict').textContent(),
    hops: await page.getByTestId('hop').count(),
    currentHop: await current.getAttribute('data-index'),
    position: await page.getByTestId('play-position').textContent(),
    detail: await page.getByTestId('hop-detail').innerText(),
    netns: (await page.getByTestId('linux-netns').count())
      ? await page.getByTestId('linux-netns').textContent()
      : null,
  };
}

/** Waits until the first scenario has loaded and a flow is drawn. */
export async function opened(page: Page): Promise<void> {
  await expect(page.getByTestId('hop').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('designs')).toHaveAttribute('data-busy', 'false');
}

/** Autosave is debounced; wait for it to land before reloading. */
export async function autosaved(page: Page, contains?: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('kne.work.autosave') ?? ''))
    .toContain(contains ?? '"v":1');
}
