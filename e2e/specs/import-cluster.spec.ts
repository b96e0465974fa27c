import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';

// A kind cluster dumped with `kubectl get nodes,namespaces,pods,services,endpointslices,networkpolicies
// -A -o yaml`, on non-default networks: nodes on 172.19.0.0/16, Pod CIDR 10.32.0.0/16, Service CIDR
// 10.64.0.0/16 (written for this test: e2e/fixtures/kind-dump.yaml).
const DUMP = new URL('../fixtures/kind-dump.yaml', import.meta.url);

async function pasteDump(page: Page): Promise<void> {
  await page.getByTestId('tool-tab-policy').click();
  await page.getByTestId('workspace-tab-yaml').click();
  await expect(page.getByTestId('yaml-panel')).toBeVisible();
  await page.getByTestId('yaml-input').fill(await readFile(DUMP, 'utf8'));
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true', { timeout: 15_000 });
}

test('a pasted kind dump loads with its own address plan, lists what was inferred from which objects, and traces across nodes', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  await pasteDump(page);

  // What was inferred, and from which objects.
  const inferred = page.getByTestId('yaml-inferred');
  await expect(inferred.locator('li[data-key="import.plan.underlay"]')).toHaveText(
    'Node network 172.19.0.0/24, gateway 172.19.0.1 (its first free address): the InternalIPs of Nodes dev-control-plane, dev-worker, dev-worker2 (172.19.0.4, 172.19.0.2, 172.19.0.3) share 172.19.0.0/29.',
  );
  await expect(inferred.locator('li[data-key="import.plan.podCidr.flag"]')).toHaveText(
    'Cluster Pod CIDR 10.32.0.0/16: --cluster-cidr of Pod kube-system/kube-controller-manager-dev-control-plane.',
  );
  await expect(inferred.locator('li[data-key="import.plan.serviceCidr.flag"]')).toContainText(
    'Service CIDR 10.64.0.0/16',
  );
  await expect(inferred.locator('li[data-key="import.plan.mask"]')).toContainText('/24');
  await expect(inferred.locator('li[data-key="import.plan.hostNetwork"]')).toContainText(
    'kube-system/kube-apiserver-dev-control-plane',
  );
  // The live objects' extra fields are read without complaint.
  await expect(page.getByTestId('yaml-notices')).toHaveCount(0);
  await expect(app.pod('shop/client')).toBeVisible();
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await inferred.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/kne-import-${size.width}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // Pod → Pod across nodes: dev-worker → dev-worker2 over the 172.19.0.0/24 node network.
  await page.getByTestId('probe-from').selectOption('shop/client');
  await page.getByTestId('probe-to').selectOption('shop/web-5d8f7c9b6-8zv4t');
  await expect(page.getByTestId('probe-to')).toHaveValue('shop/web-5d8f7c9b6-8zv4t');
  await page.getByTestId('probe-port').fill('8080');
  await page.getByTestId('trace-run').click();
  await expect(app.hops.first()).toHaveAttribute('data-netns', 'shop/client');
  const trace = await app.workerTrace();
  expect(trace.verdict).toBe('delivered');
  expect(await app.hopKinds()).toEqual(trace.hops.map((h) => h.kind));
  const underlay = trace.hops.find((h) => h.kind === 'underlay')!;
  expect(underlay.device).toBe('172.19.0.0/24');
  expect(underlay.outer).toMatchObject({ src: '172.19.0.2', dst: '172.19.0.3' });
  expect(trace.hops[0]!.packet).toMatchObject({ src: '10.32.1.6', dst: '10.32.2.4' });
  await expect(page.getByTestId('verdict')).toContainText('shop/web-5d8f7c9b6-8zv4t');

  // The same list in Japanese.
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(inferred.locator('li[data-key="import.plan.underlay"]')).toContainText(
    'ノードのネットワークは 172.19.0.0/24、ゲートウェイは 172.19.0.1',
  );
  await expect(inferred.locator('li[data-key="import.plan.podCidr.flag"]')).toHaveText(
    'クラスタの Pod CIDR は 10.32.0.0/16: Pod kube-system/kube-controller-manager-dev-control-plane の --cluster-cidr です。',
  );
  await inferred.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/kne-import-ja.png' });
  expect(app.errors).toEqual([]);
});

test('an export of the imported dump imports back with nothing inferred', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await pasteDump(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('yaml-export').click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain('kind: ExplorerSettings');
  expect(text).toMatch(/network: 172\.19\.0\.0\/24/);
  await page.getByTestId('yaml-input').fill(text);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-inferred')).toHaveCount(0);
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true');
  await expect(app.pod('shop/client')).toBeVisible();
  expect(app.errors).toEqual([]);
});
