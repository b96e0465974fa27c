import { expect, test, type Page } from '@playwright/test';
import { PRESETS } from '../../src/scenario/presets/registry';
import type { Topology } from '../../src/core/topology/types';
import type { Trace } from '../../src/core/trace/types';
import { Explorer } from '../pages/explorer';

type Snapshot = {
  topology: Topology | null;
  trace: Trace | null;
  scenario: unknown;
  base: { preset: string };
};

/** The store's view of what is loaded (window.__kne is exposed for tests). */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const k = (window as unknown as { __kne: { store: { getState(): Snapshot } } }).__kne;
    const s = k.store.getState();
    return { topology: s.topology, trace: s.trace, scenario: s.scenario ? {} : null, base: s.base };
  });
}

for (const preset of PRESETS) {
  test(`preset ${preset.id} loads and is drawn without console errors`, async ({ page }) => {
    test.setTimeout(preset.size === 'xl' ? 120_000 : 60_000);
    const app = new Explorer(page);
    await app.open();
    await app.loadPreset(preset.id, preset.size === 'xl' ? 100_000 : 60_000);
    const s = await snapshot(page);
    const topology = s.topology!;
    expect(s.base.preset).toBe(preset.id);

    if (topology.aggregated) {
      // L and XL: built in the worker (the page holds no scenario), every node drawn on one canvas.
      expect(s.scenario).toBeNull();
      await expect(page.getByTestId('overview-map')).toHaveAttribute(
        'data-nodes',
        String(topology.totals.nodes),
      );
      await expect(page.getByTestId('overview-summary')).toContainText(
        topology.totals.nodes.toLocaleString('en'),
      );
      await expect(page.getByTestId('k8s-node')).toHaveCount(0);
    } else {
      await expect(page.getByTestId('k8s-node')).toHaveCount(topology.totals.nodes);
      await expect(page.getByTestId('overview-map')).toHaveCount(0);
    }
    if (preset.probe) {
      // Teaching presets (and S) trace the flow that shows their idea.
      await expect(app.hops.first()).toBeVisible();
      expect(s.trace?.probe).toMatchObject({
        from: preset.probe.from,
        to: preset.probe.to,
        port: preset.probe.port,
      });
      await expect(page.getByTestId('hop').first()).toHaveAttribute('data-netns', /.+/);
    }
    await page.screenshot({ path: `/tmp/scale-preset-${preset.id}.png` });
    expect(app.errors).toEqual([]);
  });
}

test('the picker names every preset in Japanese and works from the keyboard', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const toggle = page.getByTestId('preset-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preset-cross-node-routing')).toContainText('ノード間: ルーティング');
  await expect(page.getByTestId('preset-xl')).toContainText('5,000 ノード');
  await page.screenshot({ path: '/tmp/scale-picker-ja.png' });
  // Escape closes the list and gives focus back to the toggle.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('preset-xl')).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('preset-same-node').focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('data-preset', 'same-node');
  await expect(app.hops.last()).toHaveAttribute('data-kind', 'deliver');
  expect(app.errors).toEqual([]);
});
