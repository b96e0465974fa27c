import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';

// A small namespace as `kubectl apply -f` would take it: a Deployment (expanded to Pods), a Pod
// pinned by its status.podIP, a Service, an Ingress (served by an inferred ingress-nginx) and a
// ConfigMap the explorer does not model (a notice).
const SHOP = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 8080, name: http}]
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: shop
  labels: {app: db}
spec:
  containers:
    - name: pg
      image: postgres
      ports: [{containerPort: 5432}]
status:
  podIP: 10.244.1.20
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  defaultBackend:
    service: {name: web, port: {number: 80}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data: {mode: shop}
`;

// Document 2 has an unclosed flow sequence on its line 5 (line 9 of the stream).
const BROKEN = `apiVersion: v1
kind: Namespace
metadata: {name: other}
---
apiVersion: v1
kind: Pod
metadata:
  name: broken
  labels: [app, web
spec:
  containers: [{name: c}]
`;

async function openYaml(page: Page) {
  await page.getByTestId('tool-tab-policy').click();
  await page.getByTestId('workspace-tab-yaml').click();
  await expect(page.getByTestId('yaml-panel')).toBeVisible();
}

test('pasting a namespace of YAML replaces the scenario: Pods on the canvas, notices and inferences listed', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  await openYaml(page);
  await page.getByTestId('yaml-input').fill(SHOP);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true');

  // The Deployment became two Pods; the db Pod sits on the node whose Pod CIDR holds its IP.
  await expect(app.pod('shop/db')).toBeVisible();
  await expect(page.locator('[data-testid="pod"][data-pod^="shop/web-"]')).toHaveCount(2);
  await expect(app.pod('default/frontend-1')).toHaveCount(0);
  await expect(page.getByTestId('yaml-notices')).toContainText('ConfigMap shop/settings');
  await expect(page.getByTestId('yaml-notices')).toContainText('line 56');
  // The Ingress is imported: ingress-nginx's class and controller Pods are created for it.
  await expect(page.getByTestId('yaml-inferred')).toContainText('IngressClass nginx');
  await expect(page.getByTestId('yaml-inferred')).toContainText('ingress-nginx/ingress-nginx-controller');
  await expect(page.getByTestId('yaml-inferred')).toContainText('Expanded Deployment shop/web into 2 Pods');
  await page.getByTestId('policy-workspace').screenshot({ path: '/tmp/pol-yaml-imported.png' });

  // Export downloads the scenario as YAML that holds what was imported.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('yaml-export').click(),
  ]);
  expect(download.suggestedFilename()).toBe('scenario.yaml');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain('kind: ClusterConfiguration');
  expect(text).toMatch(/name: db\n\s+namespace: shop/);
  expect(app.errors).toEqual([]);
});

test('a malformed document is reported with its document and line, and nothing of the scenario is lost', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  await openYaml(page);
  const before = await page.locator('[data-testid="pod"]').count();
  await page.getByTestId('yaml-input').fill(BROKEN);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'false');
  const errors = page.getByTestId('yaml-errors');
  await expect(errors).toContainText('Document 2');
  await expect(errors).toContainText('malformed YAML');
  const line = await errors.locator('li').first().getAttribute('data-line');
  // The parser reports the unclosed `[` somewhere after it opens on line 9.
  expect(Number(line)).toBeGreaterThanOrEqual(9);
  await expect(errors.locator('li').first()).toContainText(`line ${line}`);
  // "show" selects that line in the text box.
  await errors.locator('li').first().getByRole('button').click();
  const selected = await page.getByTestId('yaml-input').evaluate((el) => {
    const a = el as HTMLTextAreaElement;
    return a.value.slice(a.selectionStart, a.selectionEnd);
  });
  expect(selected).toBe(BROKEN.split('\n')[Number(line) - 1]);
  // The previous scenario (preset S) is intact, its Pods still drawn.
  await expect(app.pod('default/frontend-1')).toBeVisible();
  await expect(page.locator('[data-testid="pod"]')).toHaveCount(before);
  await expect(page.getByTestId('hop').first()).toBeVisible();
  await page.getByTestId('policy-workspace').screenshot({ path: '/tmp/pol-yaml-error.png' });

  // In Japanese the same report reads naturally.
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await expect(errors).toContainText('ドキュメント 2');
  await expect(errors).toContainText('YAML の書式が正しくありません');
  await expect(errors).not.toContainText('malformed YAML');
  await expect(page.getByTestId('yaml-outcome')).toContainText('現在のシナリオはそのままです');
  await page.getByTestId('policy-workspace').screenshot({ path: '/tmp/pol-yaml-error-ja.png' });
  expect(app.errors).toEqual([]);
});

test('a file over the size limit is refused before it is read', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await openYaml(page);
  await page.getByTestId('yaml-file').setInputFiles({
    name: 'huge.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.alloc(5 * 1024 * 1024 + 1024, 0x20),
  });
  await expect(page.getByTestId('yaml-too-big')).toContainText(
    'huge.yaml is 5.0 MiB; the import limit is 5.0 MiB',
  );
  await expect(page.getByTestId('yaml-input')).toHaveValue('');

  // A file within the limit fills the text box; merging keeps the preset's Pods and adds the new ones.
  await page.getByTestId('yaml-file').setInputFiles({
    name: 'shop.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(SHOP),
  });
  await expect(page.getByTestId('yaml-input')).toHaveValue(SHOP);
  await page.getByTestId('yaml-mode-merge').check();
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'true');
  await expect(app.pod('shop/db')).toBeVisible();
  await expect(app.pod('default/frontend-1')).toBeVisible();
});
