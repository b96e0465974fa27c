import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

test('each design toggle changes the drawn devices and the path', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  // Default: bridge + VXLAN overlay (Flannel).
  await expect(page.getByTestId('resembles')).toContainText('Flannel');
  await expect(app.device('cni0')).toHaveCount(3);
  await expect(app.device('flannel.1')).toHaveCount(3);
  expect(await app.hopKinds()).toContain('encap');
  expect(await app.hopKinds()).toContain('bridge');
  await page.screenshot({ path: '/tmp/kne-e2e-flannel.png' });

  // Routing between nodes: no VXLAN device, no encapsulation.
  await app.design('inter', 'routing');
  await expect(app.devicesOfKind('vxlan')).toHaveCount(0);
  await expect.poll(() => app.hopKinds()).not.toContain('encap');
  expect(await app.hopKinds()).toContain('underlay');

  // Routed inside nodes: no bridge.
  await app.design('intra', 'routed');
  await expect(page.getByTestId('resembles')).toContainText('Calico');
  await expect(app.device('cni0')).toHaveCount(0);
  await expect(app.devicesOfKind('bridge')).toHaveCount(0);
  await expect.poll(() => app.hopKinds()).not.toContain('bridge');
  await page.screenshot({ path: '/tmp/kne-e2e-calico-bgp.png' });

  // Overlay again: a VXLAN device appears and the path encapsulates.
  await app.design('inter', 'overlay');
  await expect(app.devicesOfKind('vxlan')).toHaveCount(3);
  await expect.poll(() => app.hopKinds()).toContain('encap');
  expect(await app.hopKinds()).toContain('decap');

  // eBPF inside nodes: eBPF hops and cilium devices.
  await app.design('intra', 'ebpf');
  await expect(page.getByTestId('resembles')).toContainText('Cilium');
  await expect(app.device('cilium_host')).toHaveCount(3);
  await expect.poll(() => app.hopKinds()).toContain('ebpf');
  // The re-run trace is what the worker says for the same probe under these designs.
  const trace = await app.workerTrace();
  expect(await app.hopKinds()).toEqual(trace.hops.map((h) => h.kind));
  await page.screenshot({ path: '/tmp/kne-e2e-cilium.png', fullPage: true });
  expect(app.errors).toEqual([]);
});

test('kindnet (ptp + routing) is a design like the others: picked, drawn, traced, kept', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.design('inter', 'routing');
  await app.design('intra', 'ptp');
  await expect(page.getByTestId('resembles')).toContainText('kindnet');
  // No bridge and no tunnel: ptp veths routed by /32 host routes, Pod IPs on the wire.
  await expect(app.devicesOfKind('bridge')).toHaveCount(0);
  await expect(app.devicesOfKind('vxlan')).toHaveCount(0);
  await expect.poll(() => app.hopKinds()).not.toContain('bridge');
  const trace = await app.workerTrace();
  expect(await app.hopKinds()).toEqual(trace.hops.map((h) => h.kind));
  await page.screenshot({ path: '/tmp/kne-e2e-kindnet.png' });
  // Autosave brings kindnet back after a reload (the codec round trip is a unit property).
  await page.reload();
  await expect(page.getByTestId('resembles')).toContainText('kindnet');
  expect(app.errors).toEqual([]);
});
