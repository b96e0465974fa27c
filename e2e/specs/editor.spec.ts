import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

test('add a Pod with the editor and see it on the canvas', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.tool('editor');
  await page.getByTestId('editor-toggle').click();
  const pods = page.getByTestId('editor-pods');
  await expect(pods.getByTestId('pod-select')).toHaveValue('');
  await pods.getByLabel('Name', { exact: true }).fill('cache-1');
  await pods.getByLabel('Node').selectOption('node-2');
  await pods.getByLabel(/^Labels/).fill('app=cache, tier=data');
  await pods.getByLabel(/^Container ports/).fill('redis:6379');
  await pods.getByRole('button', { name: 'Add Pod' }).click();
  await expect(pods.getByTestId('pod-status')).toHaveText('Applied.');

  const pod = app.pod('default/cache-1');
  await expect(pod).toBeVisible();
  await expect(pod).toContainText(/10\.244\.1\.\d+/);
  // Drawn on node-2 (inside its Pod CIDR above), and listed under node-2 where flows are picked.
  await expect(
    page.getByTestId('probe-to').locator('optgroup[label^="node-2 "] option[value="default/cache-1"]'),
  ).toHaveCount(1);
  // The new Pod can be traced to at once.
  await page.getByTestId('probe-to').selectOption('default/cache-1');
  await page.getByTestId('probe-port').fill('6379');
  await page.getByTestId('trace-run').click();
  await expect(page.getByTestId('verdict')).toContainText('default/cache-1');
  // The editor now shows that Pod for editing.
  await expect(pods.getByTestId('pod-select')).toHaveValue('default/cache-1');
  await pod.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/share-editor-pod.png', fullPage: true });

  // A bad port is caught beside its field before anything is sent.
  await pods.getByLabel(/^Container ports/).fill('http:99999');
  await expect(pods.getByLabel(/^Container ports/)).toHaveAttribute('aria-invalid', 'true');
  await expect(pods.getByRole('button', { name: 'Save Pod' })).toBeDisabled();
  expect(app.errors).toEqual([]);
});

test('an overlapping Service CIDR shows an error beside the field and changes nothing', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  const before = await page.evaluate(() => {
    const s = window.__kne!.store.getState();
    return {
      cluster: s.scenario!.cluster,
      pods: s.topology!.nodes.flatMap((n) => n.pods.map((p) => `${p.key}=${p.ip}`)),
    };
  });
  const hops = await app.hopPlaces();
  await app.tool('editor');
  await page.getByTestId('editor-toggle').click();
  const form = page.getByTestId('editor-cluster');
  const field = form.getByLabel(/^Service CIDR/);
  await field.fill('10.244.16.0/20');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByTestId('cluster-status')).toContainText('Not applied');

  // The problem sits right under the Service CIDR field, tied to it for screen readers.
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await field.getAttribute('aria-describedby');
  const problem = page.locator(`[id="${describedBy}"]`);
  await expect(problem).toContainText('Ranges overlap');
  await expect(problem).toContainText('serviceCidr 10.244.16.0/20 overlaps podCidr 10.244.0.0/16');
  await expect(problem.locator('[data-path="cluster.serviceCidr"]')).toHaveCount(1);
  // In Japanese the sentence itself is Japanese (the core's key and args, not its English message).
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await expect(problem).toContainText('serviceCidr 10.244.16.0/20 が podCidr 10.244.0.0/16 と重なっています');
  await expect(problem).not.toContainText('overlaps');
  await page.getByTestId('lang-en').click();
  await expect(problem).toContainText('serviceCidr 10.244.16.0/20 overlaps podCidr 10.244.0.0/16');
  // The other fields are fine.
  await expect(form.getByLabel(/^Pod CIDR/)).not.toHaveAttribute('aria-invalid', 'true');
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/share-editor-overlap.png' });

  // Nothing changed: scenario, drawn Pods, the traced path, and there is nothing to undo.
  const after = await page.evaluate(() => {
    const s = window.__kne!.store.getState();
    return {
      cluster: s.scenario!.cluster,
      pods: s.topology!.nodes.flatMap((n) => n.pods.map((p) => `${p.key}=${p.ip}`)),
    };
  });
  expect(after).toEqual(before);
  expect(await app.hopPlaces()).toEqual(hops);
  await expect(page.getByTestId('undo')).toBeDisabled();

  // A valid range applies, and the Service VIPs follow it.
  await field.fill('10.100.0.0/16');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByTestId('cluster-status')).toHaveText('Applied.');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('undo')).toBeEnabled();
  expect(app.errors).toEqual([]);
});

test('rename and remove nodes and namespaces', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.tool('editor');
  await page.getByTestId('editor-toggle').click();
  const nodes = page.getByTestId('editor-nodes');
  await nodes.getByLabel('Name of node-3').fill('worker-3');
  await nodes.getByRole('button', { name: 'Rename node-3' }).click();
  await expect(page.locator('[data-testid="k8s-node"][data-node="worker-3"]')).toBeVisible();
  // Its Pods moved with it.
  await expect(
    page.getByTestId('probe-to').locator('optgroup[label^="worker-3 "] option[value="default/db-0"]'),
  ).toHaveCount(1);

  await nodes.getByTestId('nodes-new').fill('node-4');
  await nodes.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('k8s-node')).toHaveCount(4);
  await nodes.getByRole('button', { name: 'Remove node-4' }).click();
  await expect(page.getByTestId('k8s-node')).toHaveCount(3);

  // A name Kubernetes would refuse is caught in the form.
  await nodes.getByTestId('nodes-new').fill('Node_5');
  await expect(nodes.getByTestId('nodes-new')).toHaveAttribute('aria-invalid', 'true');
  await expect(nodes.getByRole('button', { name: 'Add' })).toBeDisabled();

  const namespaces = page.getByTestId('editor-namespaces');
  await namespaces.getByTestId('namespaces-new').fill('shop');
  await namespaces.getByRole('button', { name: 'Add' }).click();
  await expect(namespaces.locator('[data-name="shop"]')).toBeVisible();
  await expect(
    page.getByTestId('editor-pods').getByTestId('pod-namespace').locator('option', { hasText: 'shop' }),
  ).toHaveCount(1);
  expect(app.errors).toEqual([]);
});

test('the editor and the scenario bar pass axe, in English and Japanese, and work from the keyboard', async ({
  page,
}) => {
  const app = new Explorer(page);
  await page.goto('./#v1.broken');
  await expect(app.hops.first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('share-notice')).toBeVisible();
  // Keyboard: open the editor and submit a bad Service CIDR with Enter.
  await app.tool('editor');
  await page.getByTestId('editor-toggle').focus();
  await page.keyboard.press('Enter');
  const field = page.getByTestId('editor-cluster').getByLabel(/^Service CIDR/);
  await field.fill('192.168.1.0/25');
  await field.press('Enter');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const serious = () => seriousViolations(page, '[data-testid="editor"]', '[data-testid="share-bar"]');
  expect(await serious()).toEqual([]);
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await expect(page.getByTestId('share-notice')).toContainText('リンクが壊れていて読み取れません');
  await expect(page.getByTestId('editor-cluster')).toContainText('アドレス範囲が重なっています');
  expect(await serious()).toEqual([]);
  await page.getByTestId('editor').scrollIntoViewIfNeeded();
  await page.getByTestId('editor').screenshot({ path: '/tmp/share-editor-ja.png' });
  expect(app.errors).toEqual([]);
});
