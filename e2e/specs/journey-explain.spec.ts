import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

/**
 * A newcomer reads a cross-node trace to a Service hop by hop (issue 9, part 6): the wire shows the
 * outer Ethernet header, the decap hop marks the outer headers removed, and the delivery sentence
 * says which addresses DNAT rewrote — in English and Japanese.
 */
for (const lang of ['en', 'ja'] as const) {
  test(`hop sentences and header tables match what happened to the packet (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const app = new Explorer(page);
    await app.open();
    if (lang === 'ja')
      await page
        .getByTestId('lang-ja')
        .click()
        .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
    await page.getByTestId('probe-from').selectOption('default/client');
    await page.getByTestId('probe-to').selectOption('default/backend');
    await expect(page.locator('[data-testid="hop"][data-kind="dnat"]')).toHaveCount(1);
    await app.pause();

    // The underlay hop: the outer Ethernet header (NIC MACs) is listed first, then the inner packet.
    const wire = page.locator('[data-testid="hop"][data-kind="underlay"]');
    if ((await wire.count()) > 0) {
      await wire.first().click();
      const outer = page.getByTestId('outer-fields');
      await expect(outer.locator('[data-field="srcMac"]')).toHaveCount(1);
      await expect(outer.locator('[data-field="dstMac"]')).toHaveCount(1);
      await expect(outer).not.toHaveAttribute('data-removed', 'true');
      const nicMac = await outer.locator('[data-field="dstMac"] td').textContent();
      const innerMac = await page
        .locator('[data-testid="packet-fields"] [data-field="dstMac"] td')
        .textContent();
      expect(nicMac).not.toEqual(innerMac);

      // The decap hop: the outer headers are marked removed.
      await page.locator('[data-testid="hop"][data-kind="decap"]').first().click();
      await expect(page.getByTestId('outer-fields')).toHaveAttribute('data-removed', 'true');
      await expect(page.getByTestId('outer-fields')).toContainText(lang === 'en' ? 'removed' : '除去');
    }

    // Delivery after DNAT: the sentence names the Service address, never "Pod IPs, unchanged".
    const deliver = page.locator('[data-testid="hop"][data-kind="deliver"]');
    await expect(deliver).toContainText(
      lang === 'en' ? 'until DNAT rewrote it' : 'DNAT で書き換えられるまで',
    );
    await expect(deliver).not.toContainText('Pod IPs, unchanged');
    expect(app.errors).toEqual([]);
  });
}
