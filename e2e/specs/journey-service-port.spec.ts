import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';

/**
 * A newcomer traces to a Service from the lists: the Service's real port is set, the trace runs
 * without pressing anything, and a port the Service does not serve is called out by name while the
 * hops show what each proxy mode's node really does (issue 9, parts 1 and 3).
 */

async function proxyMode(page: Page, mode: string): Promise<void> {
  await page.locator(`label:has([data-testid="design-proxy-${mode}"])`).click();
  await expect(page.getByTestId(`design-proxy-${mode}`)).toBeChecked();
  await expect(page.getByTestId('designs')).toHaveAttribute('data-busy', 'false');
}

const lastHop = (page: Page) => page.getByTestId('hop').last();

for (const lang of ['en', 'ja'] as const) {
  test(`To a Service from the list: its port, an immediate trace, a named warning (${lang})`, async ({
    page,
  }) => {
    const app = new Explorer(page);
    await app.open();
    if (lang === 'ja')
      await page
        .getByTestId('lang-ja')
        .click()
        .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
    await page.getByTestId('probe-from').selectOption('default/client');
    await expect(page.getByTestId('probe-port')).toHaveValue('9090');

    // Choosing the Service sets its real port and traces at once (no Trace button press).
    await page.getByTestId('probe-to').selectOption('default/backend');
    await expect(page.getByTestId('probe-port')).toHaveValue('80');
    await expect(page.getByTestId('probe-service-port')).toHaveValue('80/TCP');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'delivered');
    await expect(page.locator('[data-testid="hop"][data-kind="dnat"]')).toHaveCount(1);
    await expect(page.getByTestId('trace-warnings')).toHaveCount(0);

    // A port it does not serve: a warning naming the port it serves, in the page's language.
    await page.getByTestId('probe-port').fill('7070');
    const warning = page.getByTestId('trace-warning');
    await expect(warning).toHaveAttribute('data-code', 'SERVICE_PORT_NOT_SERVED');
    await expect(warning).toContainText('default/backend');
    await expect(warning).toContainText('80/TCP');
    await expect(warning).toContainText(
      lang === 'en' ? 'does not serve 7070/TCP' : 'ポート 7070/TCP を提供していません',
    );
    await expect(page.getByTestId('probe-service-port')).toHaveValue('');

    // iptables: no rule matches, the packet follows the default route out of the cluster.
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'dropped');
    await expect(page.locator('[data-testid="hop"][data-kind="dnat"]')).toHaveCount(0);

    // nftables: cluster-ips-check rejects it, named as that rule.
    await proxyMode(page, 'nftables');
    await expect(lastHop(page)).toContainText('cluster-ips-check');
    await expect(page.getByTestId('verdict')).toContainText(
      lang === 'en' ? 'no such Service port' : 'Service にないポート',
    );

    // IPVS: the VIP is on kube-ipvs0 and no Service has the port: KUBE-IPVS-FILTER rejects it.
    await proxyMode(page, 'ipvs');
    await expect(lastHop(page)).toContainText('kube-ipvs0');
    await expect(lastHop(page)).toContainText('KUBE-IPVS-FILTER');

    // Picking the served port from the Service port list clears the warning.
    await page.getByTestId('probe-service-port').selectOption('80/TCP');
    await expect(page.getByTestId('trace-warnings')).toHaveCount(0);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'delivered');
    expect(app.errors).toEqual([]);
  });
}

test('the canvas To button on a Service traces to its port at once', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const app = new Explorer(page);
  await app.open();
  // The Service cards sit beside the cluster, which is what the first view fits: a person presses
  // fit view (or pans) to reach them, and so does the test (clickOnCanvas).
  await app.clickOnCanvas(
    page.locator(
      '[data-testid="service-card"][data-service="default/backend"] [data-testid="service-trace-to"]',
    ),
  );
  await expect(page.getByTestId('probe-port')).toHaveValue('80');
  await expect(page.locator('[data-testid="hop"][data-kind="dnat"]')).toHaveCount(1);
  expect(app.errors).toEqual([]);
});
