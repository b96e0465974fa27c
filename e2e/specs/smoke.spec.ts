import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

test('the page loads the small cluster without console errors', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Kubernetes Network Explorer' })).toBeVisible();
  await expect(page.getByTestId('k8s-node')).toHaveCount(3);
  for (const pod of ['client', 'frontend-1', 'frontend-2', 'backend-1', 'backend-2', 'db-0'])
    await expect(app.pod(`default/${pod}`)).toBeVisible();
  await expect(page.getByTestId('underlay')).toContainText('192.168.1.0/24');
  await expect(page.getByTestId('underlay')).toContainText('192.168.1.1');
  // Each Pod box shows its name, IP, eth0 and host veth.
  const client = app.pod('default/client');
  await expect(client).toContainText('client');
  await expect(client).toContainText(/10\.244\.0\.\d+/);
  await expect(client).toContainText('eth0');
  await expect(client).toContainText(/veth|cali|lxc/);
  await page.screenshot({ path: '/tmp/kne-e2e-loaded.png', fullPage: true });
  expect(app.errors).toEqual([]);
});
