import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

// The real manifests live in the shared data folder next to the project; never copied in.
const L7 = '../shared/data/real-manifests/l7';
const shared = existsSync(L7);

/** The application behind a route: a Deployment and its Service (the guides leave them out). */
const app = (ns: string, name: string, port: number) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: nginx, ports: [{containerPort: ${port}}]}]
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}, targetPort: ${port}}]
`;

async function importYaml(page: Page, text: string) {
  await page.getByTestId('tool-tab-policy').click();
  await page.getByTestId('workspace-tab-yaml').click();
  await page.getByTestId('yaml-input').fill(text);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true');
}

async function send(page: Page, url: string) {
  const builder = page.getByTestId('request-builder');
  await expect(builder).toBeVisible();
  await builder.getByTestId('http-url').fill(url);
  await builder.getByTestId('http-send').click();
}

/** The leg of every hop, in order, and where the l7 hop sits. */
async function legs(page: Page): Promise<{ legs: string[]; l7: number }> {
  const hops = page.getByTestId('hop');
  const legs = await hops.evaluateAll((els) => els.map((e) => e.getAttribute('data-leg') ?? ''));
  const kinds = await hops.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  return { legs, l7: kinds.indexOf('l7') };
}

// A returning visitor: the first-visit welcome (its own journey in lessons.spec) is already dismissed.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kne.welcome.dismissed', '1'));
});

test.describe('HTTP through Gateway API and Ingress', () => {
  test.skip(!shared, `../shared is absent: the real manifests in ${L7} are needed`);

  test('a Gateway with cross-namespace HTTPRoutes: the builder sends a request, both legs and the L7 step, route status', async ({
    page,
  }) => {
    const ex = new Explorer(page);
    await ex.open();
    const manifest = await readFile(`${L7}/gateway-api-cross-namespace-routing.yaml`, 'utf8');
    await importYaml(page, `${manifest}\n${app('site-ns', 'home', 8080)}`);

    // The builder starts from a URL the first route takes; the site's home page.
    await send(page, 'https://foo.example.com/');
    await ex.pause();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'delivered');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-http-status', '200');
    const { legs: l, l7 } = await legs(page);
    expect(l7).toBeGreaterThan(0);
    expect(l.slice(0, l7 + 1).every((x) => x === 'client')).toBe(true);
    expect(l.slice(l7 + 1).length).toBeGreaterThan(0);
    expect(l.slice(l7 + 1).every((x) => x === 'upstream')).toBe(true);

    // The L7 step is its own hop with its decision in the detail.
    await page.locator(`[data-testid="hop"][data-kind="l7"]`).click();
    const decision = page.getByTestId('l7-decision');
    await expect(decision).toBeVisible();
    await expect(decision.locator('[data-field="route"]')).toContainText('site-ns/home');
    await expect(decision.locator('[data-field="backend"]')).toContainText('site-ns/home:8080');
    await expect(page.getByTestId('l7-upstream-request')).toContainText('x-forwarded-for: 203.0.113.10');

    // On the canvas: the Gateway as a declaration card, named, keyboard-focusable, linked to its proxy Pod.
    const card = page.locator('[data-testid="gateway-card"][data-via="gateway/infra-ns/shared-gateway"]');
    await expect(card).toBeVisible();
    await expect(card).toContainText('shared-gateway');
    await expect(card).toHaveAttribute('aria-label', /Gateway infra-ns\/shared-gateway/);
    await card.focus();
    await expect(card).toBeFocused();
    await expect(page.locator('.kne-edge-gw')).toHaveCount(1);
    await expect(page.getByTestId('legend-gateway')).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: /fit/i }).first().click();
    await page.screenshot({ path: '/tmp/l7-gateway-card-1440.png' });

    // The Gateways tab: the Gateway as a declaration beside its proxy Pods, route status, the rule.
    await ex.page.getByTestId('tool-tab-l7').click();
    const entry = page.locator('[data-testid="l7-entry"][data-via="gateway/infra-ns/shared-gateway"]');
    await expect(entry).toBeVisible();
    await expect(entry.getByTestId('l7-proxy-pod')).toHaveCount(1);
    const home = page.locator('[data-testid="l7-route"][data-route="site-ns/home"]');
    await expect(home).toHaveAttribute('data-matched', 'true');
    await expect(home.locator('[data-type="Accepted"]')).toHaveAttribute('data-status', 'True');
    await expect(home.locator('[data-matched="true"]').first()).toBeVisible();
    // A route whose backends the manifests do not hold: accepted, but ResolvedRefs False, BackendNotFound.
    const login = page.locator('[data-testid="l7-route"][data-route="site-ns/login"]');
    await expect(login.locator('[data-type="ResolvedRefs"]')).toHaveAttribute('data-status', 'False');
    await expect(login.locator('[data-type="ResolvedRefs"]')).toContainText('BackendNotFound');

    // The builder, the L7 step's detail and the Gateways tab pass an axe scan.
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: '/tmp/l7-gateway-1440.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: '/tmp/l7-gateway-1920.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('request-builder').screenshot({ path: '/tmp/l7-builder-390.png' });
    expect(ex.errors).toEqual([]);
  });

  test('an Ingress (simple fanout): delivered on /foo, answered 404 elsewhere, in Japanese too', async ({
    page,
  }) => {
    const ex = new Explorer(page);
    await ex.open();
    const manifest = await readFile(`${L7}/ingress-simple-fanout.yaml`, 'utf8');
    await importYaml(page, `${manifest}\n${app('default', 'service1', 4200)}`);

    await send(page, 'http://foo.bar.com/foo/x');
    // The opening Pod → Pod trace is "delivered" too: wait for the HTTP answer itself, then pause.
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-http-status', '200');
    await ex.pause();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'delivered');
    const { legs: l, l7 } = await legs(page);
    expect(l7).toBeGreaterThan(0);
    expect(l.at(-1)).toBe('upstream');
    await page.locator(`[data-testid="hop"][data-kind="l7"]`).click();
    await expect(page.getByTestId('l7-decision').locator('[data-field="route"]')).toContainText(
      'Ingress default/simple-fanout-example',
    );
    await expect(page.getByTestId('l7-upstream-request')).toContainText('x-real-ip: 203.0.113.10');

    await send(page, 'http://foo.bar.com/nothing');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'answered');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-http-status', '404');
    await expect(page.locator('[data-testid="hop"][data-leg="upstream"]')).toHaveCount(0);

    // A bad URL is a located message, not a blank page.
    await send(page, 'foo.bar.com');
    await expect(page.getByTestId('http-error')).toBeVisible();

    // By keyboard: at this size the canvas pane can overlap the tab strip for the pointer.
    await ex.page.getByTestId('tool-tab-l7').focus();
    await ex.page.keyboard.press('Enter');
    await expect(page.locator('[data-testid="l7-entry"][data-via="ingressclass/nginx"]')).toBeVisible();
    await expect(page.locator('[data-testid="gateway-card"][data-via="ingressclass/nginx"]')).toContainText(
      'foo.bar.com',
    );
    await page
      .getByTestId('lang-ja')
      .click()
      .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: '/tmp/l7-ingress-1440.png' });
    expect(ex.errors).toEqual([]);
  });
});
