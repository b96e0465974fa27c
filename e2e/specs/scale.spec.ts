import { expect, test, type Page } from '@playwright/test';
import type { Topology } from '../../src/core/topology/types';
import type { Trace } from '../../src/core/trace/types';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

type State = { topology: Topology | null; trace: Trace | null; probe: { from: string; to: string } };

function state(page: Page): Promise<State> {
  return page.evaluate(() => {
    const k = (window as unknown as { __kne: { store: { getState(): State } } }).__kne;
    const { topology, trace, probe } = k.store.getState();
    return { topology, trace, probe };
  });
}

const map = (page: Page) => page.getByTestId('overview-map');

/** The overview canvas's view (`data-view="x,y,zoom"`): where the map is on screen. */
async function view(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const [x, y, zoom] = (await map(page).getAttribute('data-view'))!.split(',').map(Number);
  return { x: x!, y: y!, zoom: zoom! };
}

/** Where node `name` is drawn on the page (its square's centre), from the worker's geometry. */
async function nodeOnScreen(page: Page, name: string): Promise<{ x: number; y: number }> {
  const v = await view(page);
  const box = (await map(page).boundingBox())!;
  const p = await page.evaluate((n) => {
    type M = { overview: { names: string; geometry: Float32Array } };
    const o = (window as unknown as { __kne: { store: { getState(): M } } }).__kne.store.getState().overview;
    const i = o.names.split('\n').indexOf(n);
    return { x: o.geometry[i * 4]! + 12, y: o.geometry[i * 4 + 1]! + 12 };
  }, name);
  return { x: box.x + p.x * v.zoom + v.x, y: box.y + p.y * v.zoom + v.y };
}

const serious = (page: Page) => seriousViolations(page);

/**
 * A wait on the simulator worker at XL (draw, search, drill in, trace): a budget against a hang,
 * not a timing bar. On a loaded 2-core machine these take seconds; `npm run bench` measures them.
 */
const worker = expect.configure({ timeout: 30_000 });

test('XL: a person sees the whole cluster, searches a Pod by name, drills in, traces, and finds the path on the map', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  await app.loadPreset('xl', 150_000);

  // The whole cluster at once, on one canvas: no element per node in the DOM.
  await worker(map(page)).toHaveAttribute('data-ready', 'true');
  await expect(map(page)).toHaveAttribute('data-nodes', '5000');
  await expect(page.getByTestId('overview-summary')).toContainText('5,000 nodes');
  await expect(page.getByTestId('overview-summary')).not.toContainText('showing');
  expect(await page.getByTestId('canvas').locator('*').count()).toBeLessThan(40);
  await page.getByTestId('canvas').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/scale-xl-overview-1440.png' });

  // Zoom with the wheel about the pointer, then pan by dragging.
  const box = (await map(page).boundingBox())!;
  const before = await view(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -600);
  await expect.poll(async () => (await view(page)).zoom).toBeGreaterThan(before.zoom * 1.5);
  const zoomed = await view(page);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2 + 100, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await view(page)).x).toBeGreaterThan(zoomed.x + 150);
  await page.screenshot({ path: '/tmp/scale-xl-zoomed.png' });
  expect(await state(page).then((s) => s.topology!.focus)).toEqual([]);

  // Search a Pod by part of its name: the worker suggests (capped), the person picks one.
  const example = (await page.getByTestId('pod-search').getAttribute('placeholder'))!;
  expect(example).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  const search = page.getByTestId('pod-search');
  await search.fill(example.slice(0, example.indexOf('/') + 3));
  const suggestions = page.getByTestId('pod-suggestion');
  await worker(suggestions.first()).toBeVisible();
  expect(await suggestions.count()).toBeLessThanOrEqual(12);
  await page.screenshot({ path: '/tmp/scale-xl-search.png' });
  await search.fill(example);
  const pick = page.locator(`[data-testid="pod-suggestion"][data-key="${example}"]`);
  await worker(pick).toBeVisible();
  const node = (await pick.getAttribute('data-node'))!;
  await pick.click();

  // Drilled in: that node in full detail, the Pod is the flow's source.
  await worker(page.locator(`[data-testid="k8s-node"][data-node="${node}"]`)).toBeVisible();
  await expect(map(page)).toHaveCount(0);
  const drilled = await state(page);
  const detail = drilled.topology!.nodes.find((n) => n.name === node)!;
  expect(drilled.topology!.focus).toEqual([node]);
  expect(detail.pods.length).toBe(detail.podCount);
  await expect(page.getByTestId('pod')).toHaveCount(detail.pods.length);
  await expect(page.getByTestId('probe-from')).toHaveValue(example);
  await expect(page.getByTestId('canvas')).toContainText(`${detail.pods.length} Pods on ${node}`);

  // Trace to another Pod of the same node.
  const other = detail.pods.find((p) => p.key !== example)!.key;
  await page.getByTestId('probe-to').selectOption(other);
  await page.getByTestId('trace-run').click();
  await worker(app.hops.first()).toHaveAttribute('data-netns', example);
  const traced = await state(page);
  expect(traced.trace!.probe).toMatchObject({ from: example, to: other });
  await page.screenshot({ path: '/tmp/scale-xl-drilled-trace.png' });
  expect(await serious(page)).toEqual([]);

  // Back to the overview: the traced node is marked on the map (point at it to read it).
  await page.getByTestId('overview-back').click();
  await worker(map(page)).toHaveAttribute('data-ready', 'true');
  const at = await nodeOnScreen(page, node);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('overview-cursor')).toContainText(`${node} ·`);
  await expect(page.getByTestId('overview-cursor')).toContainText('on the traced path');
  expect(await serious(page)).toEqual([]);

  // The keyboard reaches every node: focus the map, arrow to a node, Enter opens it.
  await map(page).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const chosen = (await map(page).getAttribute('data-cursor'))!;
  expect(chosen).toMatch(/^node-/);
  await expect(page.getByTestId('overview-cursor')).toContainText(chosen);
  await page.keyboard.press('Enter');
  await worker(page.locator(`[data-testid="k8s-node"][data-node="${chosen}"]`)).toBeVisible();

  // And a mouse click on a square opens that node.
  await page.getByTestId('overview-back').click();
  await worker(map(page)).toHaveAttribute('data-ready', 'true');
  const third = await nodeOnScreen(page, 'node-3');
  await page.mouse.click(third.x, third.y);
  await worker(page.locator('[data-testid="k8s-node"][data-node="node-3"]')).toBeVisible();
  expect(app.errors).toEqual([]);
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`L at ${size.width}×${size.height}: the overview map and search in English and Japanese`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const app = new Explorer(page);
    await app.open();
    await app.loadPreset('l');
    await expect(map(page)).toHaveAttribute('data-nodes', '100');
    await page.getByTestId('pod-search').fill('node-4');
    await expect(page.locator('[data-testid="pod-suggestion"][data-key="node-4"]')).toBeVisible();
    await page.getByTestId('canvas').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/scale-l-${size.width}.png` });
    expect(await serious(page)).toEqual([]);
    await page
      .getByTestId('lang-ja')
      .click()
      .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
    await expect(page.getByTestId('overview-summary')).toContainText('ノード 100');
    await page.getByTestId('pod-search').fill('zz-none');
    await expect(page.getByTestId('pod-search-none')).toContainText('一致するものはありません');
    await page.screenshot({ path: `/tmp/scale-l-${size.width}-ja.png` });
    // Keyboard through the suggestions: ArrowDown, Enter opens the node.
    await page.getByTestId('pod-search').fill('node-7');
    await expect(page.locator('[data-testid="pod-suggestion"][data-key="node-7"]')).toBeVisible();
    await page.getByTestId('pod-search').press('Enter');
    await expect(page.locator('[data-testid="k8s-node"][data-node="node-7"]')).toBeVisible();
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
