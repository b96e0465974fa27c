import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';
import { opened, visibleView, waitForAutosave } from '../pages/share';

test('a reload keeps the edits and the view', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.design('inter', 'routing');
  await app.design('intra', 'ebpf');
  await app.pause();
  await app.hops.nth(2).click();
  await waitForAutosave(page);
  const before = await visibleView(page);
  await page.reload();
  await opened(page);
  await expect(page.getByTestId('design-intra-ebpf')).toBeChecked();
  await expect(page.getByTestId('design-inter-routing')).toBeChecked();
  await expect(page.getByTestId('resembles')).toContainText('Cilium');
  await expect(page.getByTestId('play-position')).toContainText('Hop 3 of');
  expect(await visibleView(page)).toEqual(before);
  // Nothing was set aside: a plain reload is not a link.
  await expect(page.getByTestId('share-notice')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('undo and redo an edit, with the buttons and the keyboard', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await expect(page.getByTestId('undo')).toBeDisabled();
  await app.design('inter', 'routing');
  await expect(app.devicesOfKind('vxlan')).toHaveCount(0);

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('design-inter-overlay')).toBeChecked();
  await expect(app.devicesOfKind('vxlan')).toHaveCount(3);
  await expect.poll(() => app.hopKinds()).toContain('encap');
  await expect(page.getByTestId('undo')).toBeDisabled();

  await page.getByTestId('redo').click();
  await expect(page.getByTestId('design-inter-routing')).toBeChecked();
  await expect.poll(() => app.hopKinds()).not.toContain('encap');

  // Keyboard: Ctrl+Z undoes, Shift+Ctrl+Z redoes (focus on the page, not in a text field).
  await page.getByTestId('copy-link').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('design-inter-overlay')).toBeChecked();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('design-inter-routing')).toBeChecked();
  await page.screenshot({ path: '/tmp/share-undo.png' });
  expect(app.errors).toEqual([]);
});

test('opening a link keeps earlier work as a draft that can be restored', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  // The link: the default cluster under Calico-like designs.
  await app.design('intra', 'routed');
  await app.design('inter', 'routing');
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  // Later, other work: back to bridge, eBPF proxy untouched, a Pod added.
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('design-intra-bridge')).toBeChecked();
  await app.tool('editor');
  await page.getByTestId('editor-toggle').click();
  await page.getByTestId('pod-name').fill('my-work');
  await page.getByTestId('pod-add').click();
  await expect(app.pod('default/my-work')).toBeVisible();
  await waitForAutosave(page);

  await page.goto('about:blank');
  await page.goto(link);
  await opened(page);
  // The link wins…
  await expect(page.getByTestId('design-intra-routed')).toBeChecked();
  await expect(app.pod('default/my-work')).toHaveCount(0);
  // …and the earlier work is one click away.
  await expect(page.getByTestId('draft-note')).toBeVisible();
  await page.screenshot({ path: '/tmp/share-draft.png' });
  await page.getByRole('button', { name: 'Restore your draft' }).click();
  await expect(app.pod('default/my-work')).toBeVisible();
  await expect(page.getByTestId('design-intra-bridge')).toBeChecked();
  expect(app.errors).toEqual([]);
});

test('export and import a scenario file; a bad file changes nothing', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.design('inter', 'routing');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const scenario = JSON.parse(text) as { designs: { inter: string }; pods: unknown[] };
  expect(scenario.designs.inter).toBe('routing');
  expect(scenario.pods).toHaveLength(6);

  // A file with a wrong field type: the message names the path, nothing is lost.
  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...scenario, nodes: [{ kind: 'Node' }] })),
  });
  await expect(page.getByTestId('share-notice')).toContainText('could not be imported');
  await expect(page.getByTestId('share-notice')).toContainText('nodes[0]');
  await expect(page.getByTestId('design-inter-routing')).toBeChecked();
  await expect(page.getByTestId('k8s-node')).toHaveCount(3);

  // The exported file with one node more imports, and undo brings the previous scenario back.
  const more = {
    ...scenario,
    nodes: [
      ...(scenario as unknown as { nodes: object[] }).nodes,
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-4' } },
    ],
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'four.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(more)),
  });
  await expect(page.getByTestId('share-notice')).toContainText('Imported four.json');
  await expect(page.getByTestId('k8s-node')).toHaveCount(4);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('k8s-node')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});
