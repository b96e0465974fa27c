import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Topology } from '../../src/core/topology/types';
import type { Trace } from '../../src/core/trace/types';
import { Explorer } from '../pages/explorer';

type State = { topology: Topology | null; trace: Trace | null; probe: { from: string; to: string } };

function state(page: Page): Promise<State> {
  return page.evaluate(() => {
    const k = (window as unknown as { __kne: { store: { getState(): State } } }).__kne;
    const { topology, trace, probe } = k.store.getState();
    return { topology, trace, probe };
  });
}

/** React Flow's viewport transform: `translate(x, y) scale(z)`. */
async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(t);
  if (!m) throw new Error(`unexpected transform ${t}`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

for (const id of ['l', 'xl'] as const) {
  test(`${id.toUpperCase()}: pan and zoom the overview, drill into a node and trace between two of its Pods`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1600, height: 1200 });
    const app = new Explorer(page);
    await app.open();
    await app.loadPreset(id, 100_000);
    const canvas = page.getByTestId('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const tiles = page.getByTestId('node-tile');
    await expect(tiles.first()).toBeVisible();
    // Never more tiles mounted than a page holds (200), whatever the cluster size.
    expect(await tiles.count()).toBeLessThanOrEqual(200);

    // Zoom with the mouse wheel, then pan by dragging the background.
    const box = (await canvas.boundingBox())!;
    const before = await viewport(page);
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, -600);
    await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(before.zoom * 1.2);
    const zoomed = await viewport(page);
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 220, box.y + 140, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await viewport(page)).x).toBeGreaterThan(zoomed.x + 100);
    // Virtualised: zoomed in, only the tiles in view are in the DOM.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -1200);
    await expect.poll(() => tiles.count()).toBeLessThan(60);
    await page.screenshot({ path: `/tmp/scale-${id}-zoomed.png` });

    if (id === 'xl') {
      // Paging: the second page holds nodes 201–400.
      await page.getByTestId('overview-next').click();
      await expect(page.getByTestId('overview-summary')).toContainText('Nodes 201–400');
    }
    // Drill into a node chosen from the keyboard-reachable list (tiles work the same way).
    const pick = await page.getByTestId('overview-node').locator('option').nth(3).getAttribute('value');
    await page.getByTestId('overview-node').selectOption(pick!);
    await page.getByTestId('overview-open').click();
    await expect(page.locator(`[data-testid="k8s-node"][data-node="${pick}"]`)).toBeVisible();
    await expect(page.getByTestId('node-tile')).toHaveCount(0);
    const drilled = await state(page);
    const node = drilled.topology!.nodes.find((n) => n.name === pick)!;
    expect(drilled.topology!.focus).toEqual([pick]);
    await expect(page.getByTestId('pod')).toHaveCount(node.pods.length);

    // Trace between two of its Pods, chosen in the trace form.
    const [a, b] = [node.pods[0]!.key, node.pods[node.pods.length - 1]!.key];
    await page.getByTestId('probe-from').selectOption(a);
    await page.getByTestId('probe-to').selectOption(b);
    await page.getByTestId('trace-run').click();
    await expect(app.hops.first()).toHaveAttribute('data-netns', a);
    const traced = await state(page);
    expect(traced.trace!.probe).toMatchObject({ from: a, to: b });
    expect(
      traced.trace!.hops.every((h) => h.netns === a || h.netns === b || h.netns === `node/${pick}`),
    ).toBe(true);
    await expect(page.getByTestId('packet')).toHaveAttribute('opacity', '1');
    await page.screenshot({ path: `/tmp/scale-${id}-drilled-trace.png` });

    // Back to the overview; the node the packet crossed stays marked.
    await page.getByTestId('overview-back').click();
    await expect(page.locator(`[data-testid="node-tile"][data-node="${pick}"]`)).toHaveAttribute(
      'data-on-path',
      'true',
    );
    expect(app.errors).toEqual([]);
  });
}

test('L: two Pods typed by name on different nodes are drawn in detail and traced', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1600, height: 1200 });
  const app = new Explorer(page);
  await app.open();
  await app.loadPreset('l');
  // Ask the worker for two nodes in detail and pick a Pod on each (the overview lists none).
  const keys = await page.evaluate(async () => {
    type K = {
      store: { getState(): { topology: Topology } };
      sim: { focus(nodes: string[]): Promise<Topology> };
    };
    const k = (window as unknown as { __kne: K }).__kne;
    const tiles = k.store.getState().topology.nodes;
    const [na, nb] = [tiles[0]!.name, tiles[1]!.name];
    const detail = await k.sim.focus([na, nb]);
    const podOn = (n: string) => detail.nodes.find((x) => x.name === n)!.pods[0]!.key;
    return { from: podOn(na), to: podOn(nb), nodes: [na, nb] };
  });
  await page.getByTestId('find-from').fill(keys.from);
  await page.getByTestId('find-to').fill(keys.to);
  await page.getByTestId('find-go').click();
  for (const n of keys.nodes)
    await expect(page.locator(`[data-testid="k8s-node"][data-node="${n}"]`)).toBeVisible();
  await expect(app.hops.first()).toHaveAttribute('data-netns', keys.from);
  const s = await state(page);
  expect(s.trace!.probe).toMatchObject({ from: keys.from, to: keys.to });
  await page.screenshot({ path: '/tmp/scale-l-typed-trace.png' });

  await page.getByTestId('find-from').fill('nowhere/nothing');
  await page.getByTestId('find-go').click();
  await expect(page.getByTestId('find-missing')).toContainText('nowhere/nothing');
  expect(app.errors).toEqual([]);
});

test('L: the overview, the picker and a drill-in have no serious axe violations; tiles open from the keyboard', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = new Explorer(page);
  await app.open();
  await app.loadPreset('l');
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  await expect(page.getByTestId('node-tile').first()).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByTestId('preset-toggle').click();
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  // A tile is a button: focus it and press Enter to drill in.
  const tile = page.getByTestId('node-tile').first();
  const name = await tile.getAttribute('data-node');
  await tile.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-testid="k8s-node"][data-node="${name}"]`)).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByTestId('overview-back').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-tile').first()).toBeVisible();
  expect(app.errors).toEqual([]);
});
