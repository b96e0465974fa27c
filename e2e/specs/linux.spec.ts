import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

test('clicking a node shows its ip route; tabs switch the command', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.clickOnCanvas(app.nodeHeader('node-2'));
  await expect(page.getByTestId('linux-netns')).toHaveText('node/node-2');
  await expect(page.getByRole('tab', { name: 'ip route' })).toHaveAttribute('aria-selected', 'true');
  const out = page.getByTestId('linux-output');
  await expect(out).toContainText('default via 192.168.1.1 dev eth0');
  await expect(out).toContainText('10.244.1.0/24 dev cni0');

  // Keyboard: arrow keys move between tabs.
  await page.getByRole('tab', { name: 'ip route' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'ip -br addr' })).toHaveAttribute('aria-selected', 'true');
  await expect(out).toContainText(/eth0 +UP +192\.168\.1\.11\/24/);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'ip addr', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(out).toContainText('inet 192.168.1.11/24 brd 192.168.1.255 scope global eth0');

  await page.getByRole('tab', { name: 'bridge fdb' }).click();
  await expect(out).toContainText('flannel.1');

  // A Pod's own netns: db-0 is on node-3, outside the legible first view at 1280×720 with a tool
  // open, so fit the whole cluster first, as a person would.
  await app.clickOnCanvas(
    app.pod('default/db-0').getByRole('button', { name: 'Show Linux view of default/db-0' }),
  );
  await expect(page.getByTestId('linux-netns')).toHaveText('default/db-0');
  await page.getByRole('tab', { name: 'ip route' }).click();
  await expect(out).toContainText('default via');
  await page.screenshot({ path: '/tmp/kne-e2e-linux.png', fullPage: true });
  expect(app.errors).toEqual([]);
});
