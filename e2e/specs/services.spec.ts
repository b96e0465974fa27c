import { expect, test, type Page } from '@playwright/test';
import type { Topology } from '../../src/core/topology/types';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

/** The Topology the page holds (read once, to know the ClusterIPs the worker allocated). */
test.use({ viewport: { width: 1600, height: 1000 } });

async function topology(page: Page): Promise<Topology> {
  return page.evaluate(() => {
    type Handle = { store: { getState(): { topology: Topology | null } } };
    return (window as unknown as { __kne: Handle }).__kne.store.getState().topology!;
  });
}

/** Picks a kube-proxy mode as a person does: clicks its label, waits for the rebuilt topology. */
async function proxyMode(page: Page, mode: string): Promise<void> {
  await page.locator(`label:has([data-testid="design-proxy-${mode}"])`).click();
  await expect(page.getByTestId(`design-proxy-${mode}`)).toBeChecked();
  await expect(page.getByTestId('designs')).toHaveAttribute('data-busy', 'false');
}

async function traceTo(page: Page, from: string, to: string, port: number): Promise<void> {
  await page.getByTestId('probe-from').selectOption(from);
  await page.getByTestId('probe-to').selectOption(to);
  await page.getByTestId('probe-port').fill(String(port));
  await runTrace(page);
}

/** Presses Trace and waits for this trace's answer (the previous verdict may read the same). */
async function runTrace(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Handle = { store: { getState(): { trace: unknown } } };
    const w = window as unknown as { __kne: Handle; __svcBefore: unknown };
    w.__svcBefore = w.__kne.store.getState().trace;
  });
  await page.getByTestId('trace-run').click();
  await page.waitForFunction(() => {
    type Handle = { store: { getState(): { trace: unknown; status: string } } };
    const w = window as unknown as { __kne: Handle; __svcBefore: unknown };
    const s = w.__kne.store.getState();
    return s.trace !== w.__svcBefore && s.status === 'ready';
  });
}

// What the deciding entry of the DNAT hop looks like in each mode (datapath-facts, kube-proxy
// modes): iptables jumps to a KUBE-SVC-* chain; nftables looks the VIP up in the service-ips
// verdict map and picks with numgen; IPVS prints its virtual server as `ipvsadm -Ln` does; the
// eBPF datapath finds the VIP in its LB service map. Each hop is labelled with the tables its rules
// live in (IPVS mode's nat rules beside the virtual server; the three Cilium LB maps).
const MODES = [
  { mode: 'iptables', rule: /KUBE-SVC-[A-Z0-9]{16}/, table: 'nat' },
  {
    mode: 'nftables',
    rule: /numgen random mod 2|service-[A-Z0-9]{8}-default\/backend/,
    table: 'ip kube-proxy',
  },
  { mode: 'ipvs', rule: /TCP {2}10\.\d+\.\d+\.\d+:80 rr/, table: 'nat + ipvs' },
  { mode: 'ebpf', rule: /\(slot \d\) → backend_id=\d+/, table: 'cilium_lb4_services_v2' },
] as const;

test('client → default/backend is translated by the rules of each proxy mode and delivered to a backend Pod', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  const backend = (await topology(page)).services.find((s) => s.key === 'default/backend')!;
  const vip = `${backend.clusterIP}:80`;

  // The Service is drawn as a VIP card beside the cluster, not on the wire, with its caption.
  const card = page.locator('[data-testid="service-card"][data-service="default/backend"]');
  await expect(card).toContainText(`${backend.clusterIP}:80/TCP → api`);
  await expect(page.getByTestId('service-caption')).toContainText('exists only as rules');
  await expect(page.locator('.react-flow__edge[data-id^="e:svc:default/backend>"]')).toHaveCount(2);

  for (const { mode, rule, table } of MODES) {
    await proxyMode(page, mode);
    await traceTo(page, 'default/client', 'default/backend', 80);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'delivered');
    await expect(page.getByTestId('verdict')).toContainText(/default\/backend-[12]/);
    await app.pause();

    const dnat = page.locator('[data-testid="hop"][data-kind="dnat"]');
    await expect(dnat).toHaveCount(1);
    await expect(dnat).toHaveAttribute('data-nat', 'true');
    await expect(dnat.getByTestId('nat-inline')).toContainText(vip);
    await dnat.click();
    await expect(page.getByTestId('hop-rule')).toHaveText(rule);
    await expect(page.getByTestId('hop-detail')).toContainText(`from ${table}`);
    // Before/after: the VIP before, a backend Pod after.
    await expect(page.getByTestId('nat-before-dst')).toHaveText(vip);
    await expect(page.getByTestId('nat-after-dst')).toHaveText(/^10\.244\.\d+\.\d+:9090$/);
    await expect(page.locator('[data-testid="nat-before-after"] tr[data-field="dst"]')).toHaveAttribute(
      'data-changed',
      'true',
    );
    // The card of the Service being translated lights up; conntrack remembers the translation.
    await expect(card).toHaveAttribute('data-active', 'true');
    if (mode === 'ebpf') {
      // The socket-level LB rewrites at connect(): no netfilter conntrack entry (Cilium's own map).
      await expect(page.getByTestId('conntrack-entry')).toHaveCount(0);
    } else {
      await expect(page.getByTestId('conntrack-entry').first()).toContainText(
        `dst=${backend.clusterIP} sport=`,
      );
    }
    await expect(app.hops.last()).toHaveAttribute('data-kind', 'deliver');
    await expect(app.hops.last()).toHaveAttribute('data-netns', /default\/backend-[12]/);
    await page.screenshot({ path: `/tmp/svc-mode-${mode}.png`, fullPage: true });
    await page.getByTestId('canvas').screenshot({ path: `/tmp/svc-canvas-${mode}.png` });
  }
  await expect(page.getByTestId('service-caption')).toContainText('eBPF datapath');
  expect(app.errors).toEqual([]);
});

test('a chosen endpoint is the one the proxy picks; a typed DNS name is resolved first', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('probe-from').selectOption('default/client');
  await page.getByTestId('probe-to').selectOption('default/backend');
  await page.getByTestId('probe-port').fill('80');
  for (const pod of ['default/backend-1', 'default/backend-2']) {
    const option = page.getByTestId('probe-endpoint').locator('option', { hasText: pod });
    await page.getByTestId('probe-endpoint').selectOption((await option.getAttribute('value'))!);
    await runTrace(page);
    await expect(page.getByTestId('verdict')).toContainText(`Delivered to ${pod}`);
  }

  // A name as a program would write it: the DNS query runs first (phase dns), then the connection.
  await page.getByTestId('probe-to').selectOption({ label: 'a DNS name or IP…' });
  await page.getByTestId('probe-to-name').fill('backend.default');
  await runTrace(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'delivered');
  // The query's own hops (to kube-dns through its VIP, and the answer) are marked as the DNS phase.
  // (The trace before was delivered too: poll until the new one, with its DNS hops, is shown.)
  const dnsPhase = page.locator('[data-testid="hop"][data-phase="dns"]');
  await expect.poll(() => dnsPhase.count()).toBeGreaterThanOrEqual(3);
  await expect(dnsPhase.locator('[data-testid="nat-inline"]')).toContainText(':53');
  await expect(page.locator('[data-testid="hop"][data-kind="dns"]').last()).toContainText('NXDOMAIN');
  await expect(page.locator('[data-testid="hop"][data-kind="dnat"]')).toHaveCount(2);
  await page.getByTestId('canvas').screenshot({ path: '/tmp/svc-canvas-dns.png' });
  expect(app.errors).toEqual([]);
});

test("the node's iptables-save shows KUBE-SERVICES rules for the Services", async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  const backend = (await topology(page)).services.find((s) => s.key === 'default/backend')!;
  await app.clickOnCanvas(app.nodeHeader('node-1'));
  await page.getByRole('tab', { name: 'iptables-save' }).click();
  const out = page.getByTestId('linux-output');
  await expect(out).toContainText(
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  );
  await expect(out).toContainText(
    `-A KUBE-SERVICES -d ${backend.clusterIP}/32 -p tcp -m comment --comment "default/backend:api cluster IP"`,
  );
  await page.getByTestId('linux-output').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/svc-iptables-save.png', fullPage: true });
  expect(app.errors).toEqual([]);
});

test('the DNS panel resolves a short name from a Pod and shows resolv.conf and every name tried', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  const backend = (await topology(page)).services.find((s) => s.key === 'default/backend')!;
  await app.tool('dns');
  const dns = page.getByTestId('dns-panel');
  await dns.getByLabel('From Pod').selectOption('default/client');
  await dns.getByLabel('Name').fill('backend');
  await dns.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('dns-resolvconf')).toContainText('search default.svc.cluster.local');
  await expect(page.getByTestId('dns-resolvconf')).toContainText('options ndots:5');
  await expect(page.getByTestId('dns-tried')).toContainText('backend.default.svc.cluster.local.');
  await expect(page.getByTestId('dns-answers')).toContainText(backend.clusterIP!);

  // Two labels, still under ndots: the search list is tried first, so one NXDOMAIN comes before the hit.
  await dns.getByLabel('Name').fill('backend.default');
  await dns.getByLabel('Name').press('Enter');
  const rows = page.locator('[data-testid="dns-tried"] tbody tr');
  await expect(rows.first()).toHaveAttribute('data-rcode', 'NXDOMAIN');
  await expect(rows.first()).toContainText('backend.default.default.svc.cluster.local.');
  await expect(rows.last()).toHaveAttribute('data-rcode', 'NOERROR');
  await expect(page.getByTestId('dns-answers')).toContainText(backend.clusterIP!);
  await dns.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/svc-dns.png', fullPage: true });

  // With a DNS answer, a Service trace and its NAT detail on screen: no serious axe violations.
  await traceTo(page, 'external', 'default/frontend', 80);
  await page.locator('[data-testid="hop"][data-kind="dnat"]').click();
  expect(await seriousViolations(page)).toEqual([]);
  expect(app.errors).toEqual([]);
});

test('external client → default/frontend goes through the load balancer, a NodePort DNAT and SNAT to a frontend Pod', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  const frontend = (await topology(page)).services.find((s) => s.key === 'default/frontend')!;
  await traceTo(page, 'external', 'default/frontend', 80);
  await expect(page.getByTestId('verdict')).toContainText(/Delivered to default\/frontend-[12]/);
  await app.pause();
  const kinds = await app.hopKinds();
  expect(kinds[0]).toBe('lb');
  expect(kinds).toContain('dnat');
  expect(kinds).toContain('snat');
  expect(kinds.at(-1)).toBe('deliver');
  expect(kinds.indexOf('dnat')).toBeLessThan(kinds.indexOf('snat'));

  // The load balancer and the client are drawn outside the underlay; the LB hop lights the LB.
  await app.hops.first().click();
  await expect(page.getByTestId('load-balancer')).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('load-balancer')).toContainText(`${frontend.loadBalancerIPs[0]}:80`);
  await expect(page.getByTestId('external-client')).toBeVisible();
  await expect(page.locator('[data-testid="service-card"][data-service="default/frontend"]')).toHaveAttribute(
    'data-active',
    'true',
  );

  // SNAT: the source becomes an address of the node, so replies come back through it.
  await page.locator('[data-testid="hop"][data-kind="snat"]').click();
  await expect(page.getByTestId('nat-before-src')).toHaveText(/^203\.0\.113\.\d+:\d+$/);
  await expect(page.getByTestId('hop-rule')).toContainText('MASQUERADE');
  await expect(page.locator('[data-testid="nat-before-after"] tr[data-field="src"]')).toHaveAttribute(
    'data-changed',
    'true',
  );
  await expect(page.getByTestId('conntrack-entry')).toContainText(`dport=${frontend.ports[0]!.nodePort}`);
  await page.screenshot({ path: '/tmp/svc-external.png', fullPage: true });

  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await expect(page.getByTestId('service-caption')).toContainText('ルール');
  await page.screenshot({ path: '/tmp/svc-external-ja.png', fullPage: true });
  expect(app.errors).toEqual([]);
});
