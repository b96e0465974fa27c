import { expect, type Page } from '@playwright/test';
import { serializeView } from '../../src/store/persist';
import { selectViewState } from '../../src/store/shareSlice';
import type { AppState } from '../../src/store/types';

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

/**
 * Waits until the autosave holds the view on screen: the saved entry is exactly what the app writes
 * for the page's current state (the same `selectViewState` + `serializeView` its debounced autosave
 * runs), so nothing newer is still waiting for the debounce. Returns the saved text.
 */
export async function waitForAutosave(page: Page): Promise<string> {
  let saved = '';
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => {
          const s = window.__kne!.store.getState();
          return {
            saved: localStorage.getItem('kne.work.autosave'),
            // Only the fields selectViewState reads (the trace and topology are large).
            state: {
              scenario: s.scenario,
              base: s.base,
              topology: s.topology ? { designs: s.topology.designs } : null,
              trace: s.trace ? { probe: s.trace.probe } : null,
              hopIndex: s.hopIndex,
              selectedNetns: s.selectedNetns,
              linuxTab: s.linuxTab,
              lang: s.lang,
              lesson: s.lesson,
              compare: s.compare ? { designs: s.compare.designs } : null,
              viewport: s.viewport,
            },
          };
        });
        const view = selectViewState(now.state as unknown as AppState);
        if (now.saved === null || view === null) return 'nothing saved yet';
        if (now.saved !== serializeView(view)) return 'the saved work is older than the view on screen';
        saved = now.saved;
        return 'saved';
      },
      { message: 'the autosave holds the view on screen' },
    )
    .toBe('saved');
  return saved;
}
