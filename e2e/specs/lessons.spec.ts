import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

const current = (page: Page) => page.locator('[data-testid="hop"][aria-current="step"]');

test('a first-time visitor takes the first lesson to its end, answering wrongly then rightly', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  await expect(page.getByTestId('from-to-hint')).toContainText('From is where the packet starts');
  await page.getByTestId('welcome-start').click();
  await expect(welcome).toBeHidden();

  const player = page.getByTestId('lesson-player');
  await expect(player).toHaveAttribute('data-lesson', 'invariants');
  await expect(player).toHaveAttribute('data-step', 'own-ip');
  await expect(page.getByTestId('lesson-step')).toContainText('Every Pod has its own IP address');
  await expect(page.getByTestId('lesson-highlight')).toHaveCount(2);
  await expect(current(page)).toHaveAttribute('data-index', '0');
  await page.screenshot({ path: '/tmp/kne-lesson-1440.png' });

  await page.getByTestId('lesson-next').click();
  await expect(player).toHaveAttribute('data-step', 'no-nat');
  // Asked before the hop is played: the cursor waits one hop before it.
  await expect(current(page)).toHaveAttribute('data-index', '5');
  await page.getByTestId('lesson-check').click();
  await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-state', 'empty');
  await page.getByTestId('choice-node-ip').check();
  await page.getByTestId('lesson-check').click();
  await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-state', 'wrong');
  await expect(current(page)).toHaveAttribute('data-index', '5');
  await page.getByTestId('choice-pod-ip').check();
  await page.getByTestId('lesson-check').click();
  await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-state', 'right');
  await expect(page.getByTestId('lesson-feedback')).toContainText('pod-b sees pod-a’s Pod IP');
  await expect(current(page)).toHaveAttribute('data-index', '6');
  await expect(current(page)).toHaveAttribute('data-kind', 'deliver');
  await page.screenshot({ path: '/tmp/kne-lesson-answered-1440.png' });

  await page.getByTestId('lesson-finish').click();
  await expect(page.getByTestId('lesson-finished')).toBeVisible();
  await expect(page.getByTestId('lesson-next-lesson')).toContainText('Pods, namespaces and veth pairs');

  // Progress is kept; the welcome never comes back once dismissed.
  await page.reload();
  await expect(app.hops.first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await page.getByTestId('lessons-toggle').click();
  await expect(page.getByTestId('lesson-invariants')).toContainText('done');
  await expect(page.getByTestId('lesson-ingress-gateway')).toContainText('Ingress and Gateway API');
  await expect(page.getByTestId('lesson-ingress-gateway')).not.toContainText('coming soon');
  expect(app.errors).toEqual([]);
});

test('every step has a link that reopens it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('welcome-explore').click();
  await page.getByTestId('lessons-toggle').click();
  await page.getByTestId('lesson-policy').click();
  const player = page.getByTestId('lesson-player');
  await expect(player).toHaveAttribute('data-lesson', 'policy');
  await page.getByTestId('lesson-next').click();
  await expect(player).toHaveAttribute('data-step', 'ingress-drop');
  await page.getByTestId('lesson-link').click();
  const url = await page.getByTestId('lesson-link-url').getAttribute('href');
  expect(url).toMatch(/#v\d+\./);

  const other = await context.newPage();
  const app2 = new Explorer(other);
  await other.goto(url!);
  await expect(other.getByTestId('lesson-player')).toHaveAttribute('data-step', 'ingress-drop');
  await expect(other.getByTestId('lesson-question')).toBeVisible();
  await other.getByTestId('choice-db-veth').check();
  await other.getByTestId('lesson-check').click();
  await expect(other.locator('[data-testid="hop"][aria-current="step"]')).toHaveAttribute(
    'data-kind',
    'drop',
  );
  expect(app.errors).toEqual([]);
  expect(app2.errors).toEqual([]);
});

test('a lesson in Japanese, keyboard only, and axe-clean', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new Explorer(page);
  await app.open();
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await expect(page.getByTestId('welcome')).toContainText('はじめての方へ');
  await page.getByTestId('welcome-start').focus();
  await page.keyboard.press('Enter');
  const player = page.getByTestId('lesson-player');
  await expect(page.getByTestId('lesson-step')).toContainText('Pod はそれぞれ自分の IP アドレスを持つ');
  await expect(page.locator('#lesson-heading')).toBeFocused();
  await page.getByTestId('lesson-next').focus();
  await page.keyboard.press('Enter');
  await expect(player).toHaveAttribute('data-step', 'no-nat');
  await page.getByTestId('choice-pod-ip').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('lesson-check').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-feedback')).toContainText('正解です');
  await page.screenshot({ path: '/tmp/kne-lesson-ja-1920.png' });
  expect(await seriousViolations(page)).toEqual([]);
  expect(app.errors).toEqual([]);
});

test('the Ingress/Gateway lesson follows an HTTP request through the proxy Pod', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('welcome-explore').click();
  await page.getByTestId('lessons-toggle').click();
  await page.getByTestId('lesson-ingress-gateway').click();
  const player = page.getByTestId('lesson-player');
  await expect(player).toHaveAttribute('data-lesson', 'ingress-gateway');
  await expect(player).toHaveAttribute('data-step', 'client-leg');
  // Two steps on: which rule the proxy picks, asked before the l7 hop is played.
  await page.getByTestId('lesson-next').click();
  await expect(player).toHaveAttribute('data-step', 'decision');
  await expect(current(page)).toHaveAttribute('data-index', '6');
  await page.getByTestId('choice-web').check();
  await page.getByTestId('lesson-check').click();
  await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-state', 'wrong');
  await page.getByTestId('choice-api').check();
  await page.getByTestId('lesson-check').click();
  await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-state', 'right');
  await expect(current(page)).toHaveAttribute('data-kind', 'l7');
  await page.screenshot({ path: '/tmp/kne-lesson-gateway-1440.png' });
  await page.getByTestId('lesson-next').click();
  await expect(player).toHaveAttribute('data-step', 'new-connection');
  await page.getByTestId('choice-no').check();
  await page.getByTestId('lesson-check').click();
  await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-state', 'right');
  await expect(current(page)).toHaveAttribute('data-index', '8');
  expect(app.errors).toEqual([]);
});

test('a teaching preset shows its point while loaded', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await expect(page.getByTestId('preset-point')).toHaveCount(0);
  await app.loadPreset('nodeport');
  await expect(page.getByTestId('preset-point')).toContainText('30080');
});
