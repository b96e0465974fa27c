import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

// An EKS-shaped dump (AWS VPC CNI): Pods hold secondary IPs of their node's ENI, so Pod IPs and
// node IPs share 10.0.0.0/16 and no Node has spec.podCIDR. Written for the explorer's tests:
// src/scenario/yaml/testdata/eks.yaml.
const DUMP = new URL('../../src/scenario/yaml/testdata/eks.yaml', import.meta.url);

test.beforeEach(async ({ page }) => {
  // A returning visitor: the welcome banner stays dismissed.
  await page.addInitScript(() => localStorage.setItem('kne.welcome.dismissed', '1'));
});

test('a pasted EKS dump loads as VPC-native Pods, says so, and traces Pod → Pod across nodes on the VPC', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('tool-tab-policy').click();
  await page.getByTestId('workspace-tab-yaml').click();
  await expect(page.getByTestId('yaml-panel')).toBeVisible();
  await page.getByTestId('yaml-input').fill(await readFile(DUMP, 'utf8'));
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true', { timeout: 15_000 });

  const inferred = page.getByTestId('yaml-inferred');
  await expect(inferred.locator('li[data-key="import.plan.vpc"]')).toContainText(
    'Pods on the node network 10.0.0.0/16 (gateway 10.0.0.1)',
  );
  await expect(inferred.locator('li[data-key="import.plan.vpc.node"]').first()).toContainText(
    'Node ip-10-0-1-25.ec2.internal holds the IPs of 2 Pods',
  );
  await expect(inferred.locator('li[data-key="import.plan.domain.corefile"]')).toContainText(
    'ConfigMap kube-system/coredns',
  );

  await page.getByTestId('probe-from').selectOption('default/client');
  await page.getByTestId('probe-to').selectOption('default/web-6d4f8b9c7-h2kxm');
  await expect(page.getByTestId('probe-to')).toHaveValue('default/web-6d4f8b9c7-h2kxm');
  await page.getByTestId('probe-port').fill('80');
  await page.getByTestId('trace-run').click();
  await expect(app.hops.first()).toHaveAttribute('data-netns', 'default/client');
  const trace = await app.workerTrace();
  expect(trace.verdict).toBe('delivered');
  expect(await app.hopKinds()).toEqual(trace.hops.map((h) => h.kind));
  // No overlay: the Pod IPs cross the VPC as they are, delivered to the ENI holding 10.0.1.188.
  const wire = trace.hops.find((h) => h.kind === 'underlay')!;
  expect(wire.say.key).toBe('hop.underlay.fabric');
  expect(wire.outer).toBeNull();
  expect(wire.packet).toMatchObject({ src: '10.0.3.19', dst: '10.0.1.188' });
  await expect(page.getByTestId('verdict')).toContainText('default/web-6d4f8b9c7-h2kxm');
  expect(app.errors).toEqual([]);
});

// A kind dump: every Pod holds an IP of its node's Pod CIDR (10.244.N.0/24), off the node network.
const KIND = new URL('../../src/scenario/yaml/testdata/kind.yaml', import.meta.url);

test('VPC-native picked for a dump whose Pods hold Pod-CIDR IPs: refused with the reasons in Japanese, the scenario kept', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('kne.lang', 'ja'));
  const app = new Explorer(page);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByTestId('tool-tab-policy').click();
  await page.getByTestId('workspace-tab-yaml').click();
  await page.getByTestId('yaml-input').fill(await readFile(KIND, 'utf8'));
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true', { timeout: 15_000 });
  await expect(page.getByTestId('design-intra-bridge')).toBeChecked();

  // with the VXLAN overlay on: VPC-native has no overlay
  await page.locator('label:has([data-testid="design-intra-vpc"])').click();
  const banner = page.getByTestId('error');
  await expect(banner.locator('li[data-path="designs.inter"]')).toContainText('オーバーレイがありません');
  await expect(page.getByTestId('design-inter-overlay')).toBeChecked();
  // with native routing: the Pods' IPs are off the node network
  await app.design('inter', 'routing');
  await expect(banner).toHaveCount(0);
  await page.locator('label:has([data-testid="design-intra-vpc"])').click();
  await expect(banner.locator('li[data-code="POD_IP_OUTSIDE_NODE_RANGE"]').first()).toContainText(
    'の外にあります',
  );
  // compare mode says the same when B is VPC-native (B opens on the other inter-node design,
  // the overlay here), and keeps B as it was
  await page.getByTestId('trace-run').click();
  await expect(app.hops.first()).toBeVisible();
  await page.getByTestId('compare-open').click();
  await expect(page.getByTestId('compare-inter')).toHaveValue('overlay');
  await page.getByTestId('compare-intra').selectOption('vpc');
  await expect(page.getByTestId('compare-error').locator('li')).toContainText('オーバーレイがありません');
  await expect(page.getByTestId('compare-intra')).toHaveValue('bridge');
  await page.getByTestId('compare-close').click();
  // the scenario stays under the designs it had, and still traces
  await expect(page.getByTestId('design-intra-bridge')).toBeChecked();
  await expect(page.getByTestId('designs')).toHaveAttribute('data-busy', 'false');
  expect(app.errors).toEqual([]);
});
