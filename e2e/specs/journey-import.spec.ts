import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';

/**
 * A newcomer imports YAML (issue 9, parts 2 and 3): a replace that would leave no Pods asks first,
 * success says what changed, and the hops, preset label and counts are those of the scenario on
 * screen — never the previous one's.
 */

// Objects without a single Pod (a Service whose Deployment lives in another file).
const NO_PODS = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: default}
data: {mode: fast}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

const MORE = `apiVersion: v1
kind: Pod
metadata: {name: cache, namespace: default, labels: {app: cache}}
spec:
  containers: [{name: redis, image: redis, ports: [{containerPort: 6379}]}]
---
apiVersion: v1
kind: Service
metadata: {name: cache, namespace: default}
spec:
  selector: {app: cache}
  ports: [{name: redis, port: 6379}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: default}
data: {mode: fast}
`;

async function openYaml(page: Page) {
  await page.getByTestId('tool-tab-policy').click();
  await page.getByTestId('workspace-tab-yaml').click();
  await expect(page.getByTestId('yaml-panel')).toBeVisible();
}

for (const lang of ['en', 'ja'] as const) {
  test(`a replace that would leave no Pods asks first; a merge says what it added (${lang})`, async ({
    page,
  }) => {
    const app = new Explorer(page);
    await app.open();
    if (lang === 'ja')
      await page
        .getByTestId('lang-ja')
        .click()
        .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
    const toggle = page.getByTestId('preset-toggle');
    await expect(toggle).toHaveAttribute('data-origin', 'preset');
    const status = await page.getByTestId('preset-status').textContent();
    const hopsBefore = await app.hops.count();
    await openYaml(page);

    // Replace with Pod-less objects: a question, nothing applied yet.
    await page.getByTestId('yaml-input').fill(NO_PODS);
    await page.getByTestId('yaml-mode-replace').check();
    await page.getByTestId('yaml-import').click();
    const ask = page.getByTestId('yaml-confirm-empty');
    await expect(ask).toBeVisible();
    await expect(ask).toBeFocused();
    await expect(ask).toContainText(lang === 'en' ? 'no Pods' : 'Pod が 1 つも残りません');
    await expect(page.getByTestId('preset-status')).toHaveText(status ?? '');
    await expect(app.hops).toHaveCount(hopsBefore);

    // Cancel: the cluster is as it was.
    await page.getByTestId('yaml-cancel').click();
    await expect(ask).toHaveCount(0);
    await expect(app.pod('default/frontend-1')).toBeVisible();

    // A merge adds a Pod and a Service and names what it skipped.
    await page.getByTestId('yaml-input').fill(MORE);
    await page.getByTestId('yaml-import').click();
    const change = page.getByTestId('yaml-change');
    if (lang === 'en') {
      await expect(change).toContainText('1 Pod added');
      await expect(change).toContainText('1 Service added');
      await expect(change).toContainText('1 object skipped: ConfigMap default/settings');
    } else {
      await expect(change).toContainText('Pod 1 件を追加');
      await expect(change).toContainText('スキップしたオブジェクト 1 件: ConfigMap default/settings');
    }
    // Not the preset any more: the label says so, and the counts are the new scenario's.
    await expect(toggle).toHaveAttribute('data-origin', 'imported');
    await expect(page.getByTestId('preset-origin')).toHaveText(lang === 'en' ? 'Imported' : '取り込み');
    await expect(page.getByTestId('preset-status')).not.toHaveText(status ?? '');
    await expect(app.pod('default/cache')).toBeVisible();

    // Undo takes the import back, and the label with it.
    await page.getByTestId('undo').click();
    await expect(toggle).toHaveAttribute('data-origin', 'preset');
    expect(app.errors).toEqual([]);
  });
}

test('replace anyway: an empty cluster shows no hops of the old one', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await openYaml(page);
  await page.getByTestId('yaml-input').fill(NO_PODS);
  await page.getByTestId('yaml-import').click();
  await page.getByTestId('yaml-replace-anyway').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true');
  await expect(app.hops).toHaveCount(0);
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  await expect(page.getByTestId('preset-status')).toContainText('0 Pods');
  await expect(page.getByTestId('preset-toggle')).toHaveAttribute('data-origin', 'imported');
  expect(app.errors).toEqual([]);
});

test('a scenario file import says what it changed', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const scenario = JSON.parse(text) as { nodes: object[] };
  const more = {
    ...scenario,
    nodes: [...scenario.nodes, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-4' } }],
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'four.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(more)),
  });
  await expect(page.getByTestId('import-change')).toHaveText('1 node added');
  await expect(page.getByTestId('preset-toggle')).toHaveAttribute('data-origin', 'imported');
  expect(app.errors).toEqual([]);
});
