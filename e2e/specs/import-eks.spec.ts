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
