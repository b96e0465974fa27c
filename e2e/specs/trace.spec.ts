import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

test('tracing two Pods on different nodes lists the worker trace and plays to the last hop', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();

  // frontend-1 runs on node-1, backend-2 on node-3 (preset S).
  await page.getByTestId('probe-from').selectOption('default/frontend-1');
  await app.clickOnCanvas(app.pod('default/backend-2').getByTestId('pick-to'));
  await expect(page.getByTestId('probe-to')).toHaveValue('default/backend-2');
  await page.getByTestId('probe-port').fill('9090');
  await page.getByTestId('trace-run').click();
  await expect(app.hops.first()).toHaveAttribute('data-netns', 'default/frontend-1');

  const trace = await app.workerTrace();
  expect(trace.verdict).toBe('delivered');
  expect(await app.hopKinds()).toEqual(trace.hops.map((h) => h.kind));
  expect(await app.hopPlaces()).toEqual(trace.hops.map((h) => `${h.netns}|${h.device ?? ''}`));
  await expect(page.getByTestId('verdict')).toContainText('default/backend-2');

  // Step through by hand: selecting the first hop pauses playback there; step forward to the end.
  await app.hops.first().click();
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('play-first')).toBeDisabled();
  const n = trace.hops.length;
  for (let i = 1; i < n; i++) {
    await page.getByTestId('play-forward').click();
    await expect(app.hops.nth(i)).toHaveAttribute('aria-current', 'step');
  }
  await expect(page.getByTestId('play-forward')).toBeDisabled();
  await expect(page.getByTestId('play-position')).toHaveText(`Hop ${n} of ${n}`);
  await expect(page.getByTestId('packet')).toHaveAttribute('data-hop', String(n - 1));
  await expect(app.hops.last()).toHaveAttribute('data-kind', 'deliver');

  // Selecting a hop highlights its device and shows the deciding entry.
  const routeHop = trace.hops.findIndex((h) => h.rule !== null && h.device !== null);
  await app.hops.nth(routeHop).click();
  const h = trace.hops[routeHop]!;
  await expect(page.locator(`[data-anchor="${h.netns}|${h.device}"]`)).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('hop-rule')).toHaveText(h.rule!);
  await page.screenshot({ path: '/tmp/kne-e2e-trace.png', fullPage: true });

  // Keyboard playback: ← and → move the cursor when focus is on the page.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(app.hops.nth(1)).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('End');
  await expect(app.hops.nth(n - 1)).toHaveAttribute('aria-current', 'step');
  expect(app.errors).toEqual([]);
});

test('playing the animation reaches the last hop on its own', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('play-speed').selectOption('4');
  await page.getByTestId('play-toggle').click();
  const n = await app.hops.count();
  await expect(page.getByTestId('play-position')).toHaveText(`Hop ${n} of ${n}`, { timeout: 10_000 });
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
});

test('with reduced motion the packet jumps straight to each hop', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new Explorer(page);
  await app.open();
  await app.hops.nth(2).click();
  const packet = page.getByTestId('packet');
  const t1 = await packet.getAttribute('transform');
  // A tween moves the dot on every animation frame: let a few frames be drawn.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let frames = 0;
        const next = () => (++frames === 5 ? done() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
  );
  // No tween: the position is already final.
  expect(await packet.getAttribute('transform')).toBe(t1);
  await expect(packet).toHaveAttribute('data-hop', '2');
});
