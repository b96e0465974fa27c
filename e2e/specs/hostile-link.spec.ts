import { expect, test } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { toBase64url } from '../../src/scenario/codec/base64url';
import { linkChecksum } from '../../src/scenario/codec/checksum';
import { Explorer } from '../pages/explorer';
import { opened, waitForAutosave } from '../pages/share';

const v2 = (payload: string) => `#v2.${payload}.${linkChecksum(payload)}`;
const packed = (bytes: Uint8Array) => toBase64url(deflateSync(bytes, { level: 9 }));

const pod = { metadata: { name: 'same' }, spec: { containers: [{ name: 'c' }], nodeName: 'node-1' } };
const HOSTILE: [string, string, RegExp][] = [
  // Inflates to 48 MB of spaces: stopped at the 4 MiB bound, in the worker.
  ['deflate bomb', v2(packed(new Uint8Array(48 * 1024 * 1024).fill(32))), /inflates past 4 MiB/],
  ['deep nesting', v2(packed(strToU8(`{"x":${'['.repeat(200_000)}`))), /nests deeper than 64 levels/],
  // 100,000 Pods inflate past the bound; 30,000 fit and give a capped problem list.
  [
    '100,000 Pods with one name',
    v2(packed(strToU8(JSON.stringify({ x: { po: { a: Array.from({ length: 100_000 }, () => pod) } } })))),
    /inflates past 4 MiB/,
  ],
  [
    '30,000 Pods with one name',
    v2(packed(strToU8(JSON.stringify({ x: { po: { a: Array.from({ length: 30_000 }, () => pod) } } })))),
    /more of the same kind/,
  ],
  [
    'HTML in a name',
    v2(
      packed(
        strToU8(
          JSON.stringify({
            x: { po: { a: [{ ...pod, metadata: { name: '<img src=x onerror=alert(1)>' } }] } },
          }),
        ),
      ),
    ),
    /name/,
  ],
];

test('hostile links: refused with the reason, the page stays usable and the saved work is kept', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new Explorer(page);
  await app.open();
  await app.design('inter', 'routing');
  const saved = await waitForAutosave(page);
  const good = await (async () => {
    await page.getByTestId('copy-link').click();
    return page.getByTestId('share-link').inputValue();
  })();
  // One character changed in the middle of a real link: the checksum refuses it.
  const mid = Math.floor(good.length / 2);
  const flipped = good.slice(0, mid) + (good[mid] === 'A' ? 'B' : 'A') + good.slice(mid + 1);
  const cases: [string, string, RegExp][] = [
    ...HOSTILE.map(([n, f, re]) => [n, `./${f}`, re] as [string, string, RegExp]),
    ['one character changed', flipped, /checksum does not match/],
  ];
  for (const [name, url, reason] of cases) {
    await page.goto('about:blank');
    await page.goto(url);
    await opened(page);
    const notice = page.getByTestId('share-notice');
    await expect(notice, name).toHaveAttribute('data-kind', 'link-broken', { timeout: 30_000 });
    const text = (await notice.innerText()).replace(/\s+/g, ' ');
    expect(text, name).toMatch(reason);
    expect(text.length, name).toBeLessThan(2500);
    // Still usable: a trace answers, and the earlier work is one click away.
    await expect(page.getByTestId('verdict')).toBeVisible();
    await expect(page.getByTestId('draft-note')).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('kne.work.draft')), name).toBe(saved);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  }
  await page.screenshot({ path: '/tmp/hostile-link.png' });
  await page.getByRole('button', { name: 'Restore your draft' }).click();
  await expect(page.getByTestId('design-inter-routing')).toBeChecked();
  expect(app.errors).toEqual([]);
});
