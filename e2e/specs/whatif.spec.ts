import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

// Three Pods in shop and one in other, on two nodes; api serves 8080.
const pod = (ns: string, name: string, ip: string, ports = '') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}, labels: {app: ${name}}}
spec:
  containers: [{name: c, image: img${ports}}]
status:
  podIP: ${ip}
`;
const CLUSTER = [
  pod('shop', 'client', '10.244.0.10'),
  pod('shop', 'api', '10.244.1.20', ', ports: [{containerPort: 8080, name: http}]'),
  pod('shop', 'web', '10.244.1.21', ', ports: [{containerPort: 8080}]'),
  pod('other', 'probe', '10.244.0.11'),
].join('');

async function importCluster(page: Page, app: Explorer) {
  await page.getByTestId('workspace-tab-yaml').click();
  await page.getByTestId('yaml-input').fill(CLUSTER);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true');
  await expect(app.pod('shop/api')).toBeVisible();
}

test('preview a default-deny policy: read the flipped flows, trace one before and after, then apply it', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  await app.tool('policy');
  await importCluster(page, app);

  await page.getByTestId('workspace-tab-policies').click();
  await page.getByTestId('policy-template').selectOption('denyIngress');
  await page.getByTestId('policy-template-ns').selectOption('shop');
  await page.getByTestId('policy-new').click();
  const editor = page.getByTestId('policy-editor');
  await expect(editor.getByTestId('policy-status')).toHaveAttribute('data-valid', 'true');

  // Preview before applying (keyboard: the button is reachable and activates with Enter).
  await editor.getByTestId('policy-preview').focus();
  await page.keyboard.press('Enter');
  const preview = editor.getByTestId('whatif-preview');
  await expect(preview).toBeVisible();
  // Every flow into a shop Pod from another Pod flips to denied, on every declared port (8080/TCP
  // and CoreDNS's 53/TCP, 53/UDP, 9153/TCP): 3 shop targets × 5 other Pods × 4 ports = 60 (a Pod to
  // itself never flips); nothing opens.
  await expect(preview.getByTestId('whatif-totals')).toHaveText(
    '60 flows allowed → denied, 0 denied → allowed.',
  );
  const groups = preview.getByTestId('whatif-group');
  await expect(groups).toHaveCount(12); // {kube-system, other, shop} → shop × 4 ports
  const group = (text: string) => groups.filter({ hasText: text });
  await expect(group('other → shop on 8080/TCP')).toContainText('3 allowed → denied, 0 denied → allowed');
  await expect(group('shop → shop on 8080/TCP')).toContainText('6 allowed → denied');
  await expect(group('kube-system → shop on 8080/TCP')).toContainText('6 allowed → denied');
  await expect(group('other → shop on 8080/TCP').getByTestId('whatif-flow').first()).toContainText(
    'other/probe → shop/',
  );
  await editor.screenshot({ path: '/tmp/whatif-preview.png' });

  // Trace one flipped flow: allowed before, dropped after at the hop that names the new policy.
  await group('other → shop on 8080/TCP')
    .getByRole('button', { name: 'Trace other/probe to shop/api on 8080/TCP before and after the change' })
    .click();
  const result = preview.getByTestId('whatif-trace-result');
  await expect(result.getByTestId('whatif-before')).toHaveAttribute('data-verdict', 'delivered');
  await expect(result.getByTestId('whatif-after')).toHaveAttribute('data-verdict', 'dropped');
  await expect(result.getByTestId('whatif-after')).toContainText('shop/default-deny-ingress');
  await expect(result.getByTestId('whatif-before')).toContainText('not isolated');
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/whatif-trace.png' });

  const axe = await axeViolations(page, '[data-testid="policy-editor"]');
  expect(axe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Editing the policy drops the stale preview.
  await editor.getByTestId('policy-podselector').fill('app=api');
  await expect(preview).toHaveCount(0);
  await editor.getByTestId('policy-podselector').fill('');
  await expect(editor.getByTestId('policy-status')).toHaveAttribute('data-valid', 'true');

  // Apply it: the matrix now denies what the preview said.
  await editor.getByTestId('policy-apply').click();
  await expect(
    page.locator('[data-testid="policy-item"][data-policy="shop/default-deny-ingress"]'),
  ).toBeVisible();
  await page.getByTestId('workspace-tab-matrix').click();
  await page.getByTestId('matrix-port').selectOption('8080/TCP');
  await expect(
    page.locator('[data-testid="matrix-cell"][data-from="other/probe"][data-to="shop/api"]'),
  ).toHaveAttribute('data-allowed', 'false');

  // The policy as a picture, opened from the keyboard: the 3 shop Pods in the middle, ingress
  // isolated with no rule (all denied), egress not covered (open).
  await page.getByTestId('workspace-tab-policies').click();
  await page.getByRole('button', { name: 'Show the diagram of shop/default-deny-ingress' }).focus();
  await page.keyboard.press('Enter');
  const diagram = page.getByTestId('policy-diagram');
  await expect(diagram).toBeVisible();
  await expect(diagram.getByTestId('diagram-selected')).toContainText('3 Pods selected');
  await expect(diagram.getByTestId('diagram-ingress-state')).toHaveAttribute('data-isolates', 'true');
  await expect(diagram.getByTestId('diagram-egress-state')).toHaveAttribute('data-isolates', 'false');
  await expect(diagram.getByRole('img', { name: /Diagram of shop\/default-deny-ingress/ })).toBeVisible();
  await expect(diagram.getByTestId('diagram-text')).toContainText(
    'Ingress: isolated: all denied. Egress: not isolated: all allowed.',
  );
  const axeDiagram = await axeViolations(page, '[data-testid="policy-diagram"]');
  expect(axeDiagram.map((v) => v.id)).toEqual([]);
  await diagram.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/policy-diagram.png' });
  expect(app.errors).toEqual([]);
});

test('the preview speaks Japanese (phone width)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new Explorer(page);
  await app.open();
  await app.tool('policy');
  await importCluster(page, app);
  await page.getByTestId('workspace-tab-policies').click();
  await page.getByTestId('policy-template').selectOption('denyIngress');
  await page.getByTestId('policy-template-ns').selectOption('shop');
  await page.getByTestId('policy-new').click();
  const editor = page.getByTestId('policy-editor');
  await expect(editor.getByTestId('policy-status')).toHaveAttribute('data-valid', 'true');
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await editor.getByTestId('policy-preview').click();
  await expect(editor.getByTestId('whatif-totals')).toHaveText(
    '許可 → 拒否が 60 通信、拒否 → 許可が 0 通信です。',
  );
  await editor.getByTestId('whatif-preview').screenshot({ path: '/tmp/whatif-ja.png' });
});
