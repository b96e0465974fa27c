import { expect, test, type Page } from '@playwright/test';
import { Explorer } from '../pages/explorer';

/**
 * A Japanese reader whose input is wrong (issue 9 part 12): YAML that does not parse, YAML with a
 * bad object, a damaged share link and a scenario file with a wrong field are all explained in
 * Japanese, still naming where the problem is (document, line, field path).
 */

/** A returning Japanese reader: the welcome banner dismissed, the language chosen before. */
async function japaneseVisitor(page: Page) {
  await page.addInitScript(() => {
    localStorage.setItem('kne.welcome.dismissed', '1');
    localStorage.setItem('kne.lang', 'ja');
  });
}

async function openYaml(page: Page) {
  await page.getByTestId('tool-tab-policy').click();
  await page.getByTestId('workspace-tab-yaml').click();
  await expect(page.getByTestId('yaml-panel')).toBeVisible();
}

// A tab where indentation goes: the YAML parser refuses the document.
const MALFORMED = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web
spec:
  containers: [{name: c}]
`;

// Parses, but the Pod's name is not a DNS-1123 subdomain and its containers are not a list.
const BAD_OBJECT = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: Web_1
  namespace: shop
spec:
  containers: 3
`;

test('Japanese: YAML errors, a broken share link and a bad scenario file are explained in Japanese', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await japaneseVisitor(page);
  const app = new Explorer(page);
  await app.open();
  await expect(page.getByTestId('trace-run')).toHaveText('追跡する');

  // (a) YAML that does not parse: the parser's error in Japanese, with its document and line.
  await openYaml(page);
  await page.getByTestId('yaml-input').fill(MALFORMED);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'false');
  const errors = page.getByTestId('yaml-errors');
  await expect(errors).toContainText('YAML の書式が正しくありません');
  await expect(errors).toContainText('行目');
  await expect(errors).not.toContainText('malformed');

  // A bad object: each field's error in Japanese, with its line and path.
  await page.getByTestId('yaml-input').fill(BAD_OBJECT);
  await page.getByTestId('yaml-import').click();
  await expect(page.getByTestId('yaml-outcome')).toHaveAttribute('data-applied', 'false');
  await expect(errors).toContainText('metadata.name: 名前 "Web_1" が正しくありません: DNS-1123 サブドメイン');
  await expect(errors).toContainText('spec.containers: リストが必要ですが、3 が書かれています');
  await expect(errors).toContainText('ドキュメント 2');
  await expect(errors).not.toContainText('expected a list');
  await errors.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/kne-errors-ja-yaml.png' });

  // (c) A scenario file with a node of the wrong type: the field check in Japanese, nothing lost.
  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, nodes: [{ kind: 'Node' }], pods: 'none' })),
  });
  const notice = page.getByTestId('share-notice');
  await expect(notice).toHaveAttribute('data-kind', 'import-failed');
  await expect(notice).toContainText('$.pods: 配列が必要ですが、文字列 が書かれています');
  await expect(notice).toContainText('$.nodes[0].apiVersion: apiVersion は必須です');
  await expect(notice).not.toContainText('expected an array');
  await page.screenshot({ path: '/tmp/kne-errors-ja-file.png' });
  await page.getByTestId('notice-dismiss').click();

  // (b) A share link whose checksum does not match: the reason in Japanese.
  await page.goto('./#v2.q1YqUbJSMjRR0lEqSc0tKgZSSgA.zzzzzz');
  await expect(notice).toHaveAttribute('data-kind', 'link-broken', { timeout: 15_000 });
  await expect(notice).toContainText('CORRUPT — リンクが壊れています: チェックサムが内容と一致しません');
  await expect(notice).not.toContainText('checksum does not match');
  await page.screenshot({ path: '/tmp/kne-errors-ja-link.png' });

  // A link cut short.
  await page.getByTestId('notice-dismiss').click();
  await page.goto('./#v2.q1YqUbJSMjRR0lEqSc0tKgZSSgA');
  await expect(notice).toContainText('リンクが途中で切れています（最後までコピーされましたか？）', {
    timeout: 15_000,
  });
  expect(app.errors).toEqual([]);
});
