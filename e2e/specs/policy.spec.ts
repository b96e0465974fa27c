import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

// Two Pods on two nodes (placed by their status.podIP) and a Service in front of the API.
const NS = `apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: shop
  labels: {app: client}
spec:
  containers: [{name: c, image: curl}]
status:
  podIP: 10.244.0.10
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
  labels: {app: api}
spec:
  containers:
    - name: api
      image: api
      ports: [{containerPort: 8080, name: http}]
status:
  podIP: 10.244.1.20
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: http}]
`;

const cell = (page: Page, from: string, to: string) =>
  page.locator(`[data-testid="matrix-cell"][data-from="${from}"][data-to="${to}"]`);

async function importShop(page: Page, app: Explorer) {
  await page.getByTestId('workspace-tab-yaml').click();
  await page.getByTestId('yaml-input').fill(NS);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true');
  await expect(app.pod('shop/client')).toBeVisible();
  await expect(app.pod('shop/api')).toBeVisible();
}

async function showMatrix(page: Page) {
  await page.getByTestId('workspace-tab-matrix').click();
  await page.getByTestId('matrix-port').selectOption('8080/TCP');
  await page.getByTestId('matrix-namespace').selectOption('shop');
  await expect(page.getByTestId('matrix-grid')).toBeVisible();
}

test('a default-deny ingress policy turns the matrix red, and a red cell traces to the policy drop', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  await app.tool('policy');
  await importShop(page, app);

  // No policy: everything is allowed.
  await showMatrix(page);
  await expect(cell(page, 'shop/client', 'shop/api')).toHaveAttribute('data-allowed', 'true');
  await expect(page.getByTestId('matrix-count')).toContainText('4 of 4 flows allowed');

  // Add a default-deny ingress policy in the shop namespace with the editor.
  await page.getByTestId('workspace-tab-policies').click();
  await expect(page.getByTestId('policy-none')).toBeVisible();
  await page.getByTestId('policy-template').selectOption('denyIngress');
  await page.getByTestId('policy-template-ns').selectOption('shop');
  await page.getByTestId('policy-new').click();
  const editor = page.getByTestId('policy-editor');
  await expect(editor.getByTestId('policy-status')).toHaveAttribute('data-valid', 'true');
  await expect(editor.getByTestId('policy-yaml')).toHaveValue(
    /name: default-deny-ingress\n\s+namespace: shop/,
  );
  await expect(editor.getByTestId('policy-yaml')).toHaveValue(/policyTypes:\n\s+- Ingress/);
  await page.getByTestId('policy-workspace').screenshot({ path: '/tmp/pol-editor-new.png' });
  await editor.getByTestId('policy-apply').click();
  await expect(
    page.locator('[data-testid="policy-item"][data-policy="shop/default-deny-ingress"]'),
  ).toBeVisible();

  // The matrix follows: the only allowed cells left are each Pod to itself (loopback).
  await showMatrix(page);
  await expect(cell(page, 'shop/client', 'shop/api')).toHaveAttribute('data-allowed', 'false');
  await expect(cell(page, 'shop/api', 'shop/client')).toHaveAttribute('data-allowed', 'false');
  await expect(page.getByTestId('matrix-count')).toContainText('2 of 4 flows allowed');
  await expect(page.locator('[data-testid="matrix-summary-row"][data-pod="shop/api"]')).toContainText(
    'isolated by shop/default-deny-ingress',
  );
  await expect(cell(page, 'shop/client', 'shop/api')).toHaveAccessibleName(
    'shop/client to shop/api on 8080/TCP: denied. Trace this flow.',
  );
  await page.getByTestId('policy-workspace').screenshot({ path: '/tmp/pol-matrix-red.png' });

  // Clicking the red cell traces that flow: it stops at the policy hop that names the policy.
  await cell(page, 'shop/client', 'shop/api').click();
  await expect(page.getByTestId('probe-from')).toHaveValue('shop/client');
  await expect(page.getByTestId('probe-to')).toHaveValue('shop/api');
  await expect(page.getByTestId('probe-port')).toHaveValue('8080');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'dropped');
  const last = app.hops.last();
  await expect(last).toHaveAttribute('data-kind', 'drop');
  await expect(last).toContainText('isolated for ingress by shop/default-deny-ingress');
  const trace = await app.workerTrace();
  expect(trace.reason).toBe('POLICY_DENIED');
  expect(await app.hopKinds()).toEqual(trace.hops.map((h) => h.kind));
  // The source side was checked too: its egress is not isolated, shown as a policy hop.
  expect(trace.hops.some((h) => h.kind === 'policy')).toBe(true);
  await page.screenshot({ path: '/tmp/pol-trace-denied.png', fullPage: true });

  // Deleting the policy opens the flows again.
  await page.getByTestId('workspace-tab-policies').click();
  await page.getByTestId('policy-delete').click();
  await expect(page.getByTestId('policy-none')).toBeVisible();
  await showMatrix(page);
  await expect(cell(page, 'shop/client', 'shop/api')).toHaveAttribute('data-allowed', 'true');
  expect(app.errors).toEqual([]);
});

test('the editor validates as you type, beside the field, and never applies an invalid edit', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  await app.tool('policy');
  await page.getByTestId('workspace-tab-policies').click();
  await page.getByTestId('policy-template').selectOption('blank');
  await page.getByTestId('policy-new').click();
  const editor = page.getByTestId('policy-editor');

  // No name yet: the error sits under the name field and Apply is disabled.
  await expect(editor.getByTestId('policy-status')).toHaveAttribute('data-valid', 'false');
  await expect(editor.locator('[data-testid="field-error"][data-path="metadata.name"]')).toBeVisible();
  await expect(editor.getByTestId('policy-apply')).toBeDisabled();
  await editor.getByTestId('policy-name').fill('allow-web-to-api');
  await editor.getByTestId('policy-podselector').fill('app=backend');

  // An ingress rule from frontend Pods and an ipBlock with a bad CIDR, on a port range.
  await editor.getByTestId('add-rule-ingress').click();
  await editor.getByTestId('rule-ingress-0-add-peer').click();
  await editor.getByTestId('rule-ingress-0-peer-0-pods').fill('app=frontend');
  await editor.getByTestId('rule-ingress-0-add-peer').click();
  await editor.getByTestId('rule-ingress-0-peer-1-kind').selectOption('ipBlock');
  await editor.getByTestId('rule-ingress-0-peer-1-cidr').fill('10.0.0.0/33');
  await editor.getByTestId('rule-ingress-0-add-port').click();
  await editor.getByTestId('rule-ingress-0-port-0-port').fill('9000');
  await editor.getByTestId('rule-ingress-0-port-0-endport').fill('8000');
  const cidrError = editor.locator(
    '[data-testid="field-error"][data-path="spec.ingress[0].from[1].ipBlock.cidr"]',
  );
  await expect(cidrError).toBeVisible();
  await expect(
    editor.locator('[data-testid="field-error"][data-path="spec.ingress[0].ports[0].endPort"]'),
  ).toContainText('9000');
  await expect(editor.getByTestId('policy-apply')).toBeDisabled();
  await page.getByTestId('policy-workspace').screenshot({ path: '/tmp/pol-editor-errors.png' });

  // Fix both: the YAML side follows the form and the policy becomes valid.
  await editor.getByTestId('rule-ingress-0-peer-1-cidr').fill('10.0.0.0/8');
  await editor.getByTestId('rule-ingress-0-port-0-endport').fill('9100');
  await expect(editor.getByTestId('policy-status')).toHaveAttribute('data-valid', 'true');
  await expect(editor.getByTestId('policy-yaml')).toHaveValue(/cidr: 10\.0\.0\.0\/8/);
  await expect(editor.getByTestId('policy-yaml')).toHaveValue(/endPort: 9100/);

  // Break the YAML side: the error names its line, the form keeps the last valid policy.
  const yaml = await editor.getByTestId('policy-yaml').inputValue();
  await editor.getByTestId('policy-yaml').fill(yaml.replace('endPort: 9100', 'endPort: [9100'));
  await expect(editor.getByTestId('policy-errors')).toContainText('line');
  await expect(editor.getByTestId('policy-apply')).toBeDisabled();
  await expect(editor.getByTestId('rule-ingress-0-port-0-endport')).toHaveValue('9100');
  // A valid YAML edit flows back into the form.
  await editor.getByTestId('policy-yaml').fill(yaml.replace('app: backend', 'app: api'));
  await expect(editor.getByTestId('policy-status')).toHaveAttribute('data-valid', 'true');
  await expect(editor.getByTestId('policy-podselector')).toHaveValue('app=api');

  await editor.getByTestId('policy-apply').click();
  await expect(
    page.locator('[data-testid="policy-item"][data-policy="default/allow-web-to-api"]'),
  ).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __kne: { store: { getState(): { scenario: { networkPolicies: unknown[] } } } };
            }
          ).__kne.store.getState().scenario.networkPolicies.length,
      ),
    )
    .toBe(1);
  expect(app.errors).toEqual([]);
});

test('a Pod label added or removed changes which Pods a policy selects', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.tool('policy');
  // Isolate Pods labelled locked=yes for ingress.
  await page.getByTestId('workspace-tab-yaml').click();
  await page.getByTestId('yaml-mode-merge').check();
  await page.getByTestId('yaml-input').fill(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: lock, namespace: default}
spec:
  podSelector: {matchLabels: {locked: "yes"}}
  policyTypes: [Ingress]
`);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true');

  await page.getByTestId('workspace-tab-matrix').click();
  await page.getByTestId('matrix-port').selectOption('9090/TCP');
  await page.getByTestId('matrix-namespace').selectOption('default');
  await expect(cell(page, 'default/client', 'default/backend-1')).toHaveAttribute('data-allowed', 'true');

  await page.getByTestId('workspace-tab-labels').click();
  await page.getByTestId('labels-pod').selectOption('default/backend-1');
  await page.getByTestId('label-key').fill('locked');
  await page.getByTestId('label-value').fill('yes');
  await page.getByTestId('label-add').click();
  await expect(page.locator('[data-testid="pod-label"][data-key="locked"]')).toBeVisible();
  // An invalid key is refused with a message, nothing applied.
  await page.getByTestId('label-key').fill('-bad key');
  await page.getByTestId('label-add').click();
  await expect(page.getByTestId('labels-problem')).toContainText('not a valid label key');
  await page.getByTestId('policy-workspace').screenshot({ path: '/tmp/pol-labels.png' });

  await page.getByTestId('workspace-tab-matrix').click();
  await expect(cell(page, 'default/client', 'default/backend-1')).toHaveAttribute('data-allowed', 'false');
  await expect(cell(page, 'default/client', 'default/backend-2')).toHaveAttribute('data-allowed', 'true');

  await page.getByTestId('workspace-tab-labels').click();
  await page.locator('[data-testid="pod-label"][data-key="locked"]').getByTestId('pod-label-remove').click();
  await expect(page.locator('[data-testid="pod-label"][data-key="locked"]')).toHaveCount(0);
  await page.getByTestId('workspace-tab-matrix').click();
  await expect(cell(page, 'default/client', 'default/backend-1')).toHaveAttribute('data-allowed', 'true');

  // The matrix is a keyboard grid: arrows move between cells, Enter traces.
  await cell(page, 'default/client', 'default/client').focus();
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, 'default/client', 'default/frontend-1')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('probe-to')).toHaveValue('default/frontend-1');
  expect(app.errors).toEqual([]);
});

test('the workspace has no serious axe violations on any tab, in English and Japanese', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.tool('policy');
  const scan = () => seriousViolations(page, '[data-testid="policy-workspace"]');
  for (const lang of ['en', 'ja'] as const) {
    if (lang === 'ja')
      await page
        .getByTestId('lang-ja')
        .click()
        .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
    await page.getByTestId('workspace-tab-matrix').click();
    await expect(page.getByTestId('matrix-grid')).toBeVisible();
    expect(await scan()).toEqual([]);
    await page.getByTestId('workspace-tab-policies').click();
    if (lang === 'en') {
      await page.getByTestId('policy-template').selectOption('allowSameNs');
      await page.getByTestId('policy-new').click();
      await page.getByTestId('rule-ingress-0-add-port').click();
      await page.getByTestId('rule-ingress-0-port-0-port').fill('http');
      await page.getByTestId('rule-ingress-0-port-0-endport').fill('90');
      await expect(page.getByTestId('policy-errors')).toBeVisible();
    }
    expect(await scan()).toEqual([]);
    await page.getByTestId('workspace-tab-labels').click();
    expect(await scan()).toEqual([]);
    await page.getByTestId('workspace-tab-yaml').click();
    await page.getByTestId('yaml-input').fill('kind: [');
    await page.getByTestId('yaml-import').click();
    await expect(page.getByTestId('yaml-errors')).toBeVisible();
    expect(await scan()).toEqual([]);
  }
  await page.getByTestId('workspace-tab-policies').click();
  await page.getByTestId('policy-workspace').screenshot({ path: '/tmp/pol-editor-ja.png' });
});
