import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { Explorer } from '../pages/explorer';

test.describe('presenter mode', () => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    test(`fills ${size.width}×${size.height}, steps with PageDown and leaves with Escape`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const app = new Explorer(page);
      await app.open();
      await page.getByTestId('welcome-explore').click();
      await page.getByTestId('presenter-enter').click();
      const presenter = page.getByTestId('presenter');
      await expect(presenter).toBeVisible();
      const box = await page.getByTestId('canvas').boundingBox();
      // The canvas takes the whole width and the screen above the caption (the bottom quarter).
      expect(box).toMatchObject({ x: 0, y: 0, width: size.width });
      expect(box!.height).toBeCloseTo(size.height * 0.75, -1);
      await expect(page.getByTestId('presenter-hop')).toHaveText(/^Hop 1 of \d+$/);
      const first = await page.getByTestId('presenter-caption').textContent();
      await page.keyboard.press('PageDown');
      await expect(page.getByTestId('presenter-hop')).toHaveText(/^Hop 2 of \d+$/);
      await expect(page.getByTestId('presenter-caption')).not.toHaveText(first ?? '');
      await expect(page.getByTestId('presenter-focus')).toBeVisible();
      await page.keyboard.press('Space');
      await expect(page.getByTestId('presenter-hop')).toHaveText(/^Hop 3 of \d+$/);
      await page.keyboard.press('PageUp');
      await expect(page.getByTestId('presenter-hop')).toHaveText(/^Hop 2 of \d+$/);
      await page.screenshot({ path: `/tmp/kne-presenter-${size.width}.png` });
      await page.keyboard.press('Escape');
      await expect(presenter).toHaveCount(0);
      expect((await page.getByTestId('canvas').boundingBox())!.width).toBeLessThan(size.width);
      expect(app.errors).toEqual([]);
    });
  }

  test('the clicker moves on to the next lesson step after the last hop', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const app = new Explorer(page);
    await app.open();
    await page.getByTestId('welcome-start').click();
    await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step', 'own-ip');
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter')).toBeVisible();
    for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
    await expect(page.getByTestId('presenter-hop')).toHaveText('Hop 7 of 7');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step', 'no-nat');
    await expect(page.getByTestId('presenter')).toContainText('Step 2 of 2');
    expect(app.errors).toEqual([]);
  });
});

test('export SVG and PNG, then open both', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('welcome-explore').click();
  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  expect(svgDl.suggestedFilename()).toMatch(/^kne-s-hop\d+\.svg$/);
  const svg = readFileSync((await svgDl.path())!, 'utf8');
  expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('>node-1<');
  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const png = readFileSync((await pngDl.path())!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

  // Open both as images, the way a viewer would.
  const sizes = await page.evaluate(
    async ([s, p]) => {
      const load = (src: string) =>
        new Promise<[number, number]>((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
          img.onerror = () => reject(new Error('not an image'));
          img.src = src;
        });
      return [
        await load(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s)}`),
        await load(`data:image/png;base64,${p}`),
      ];
    },
    [svg, png.toString('base64')] as const,
  );
  expect(sizes[0]![0]).toBeGreaterThan(400);
  // The PNG is the SVG at twice its size.
  expect(sizes[1]).toEqual([sizes[0]![0] * 2, sizes[0]![1] * 2]);
  expect(app.errors).toEqual([]);
});

test.describe('embed', () => {
  let server: Server;
  let host = '';
  test.beforeAll(async () => {
    // A page on another origin (another port) that embeds the explorer in an iframe.
    server = createServer((req, res) => {
      const src = decodeURIComponent(new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><title>Blog post</title></head><body><main><h1>My post</h1>${src}</main></body></html>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address();
    host = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}` : '';
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('the snippet plays, read-only, inside an iframe on another origin', async ({ page, baseURL }) => {
    const app = new Explorer(page);
    await app.open();
    await page.getByTestId('welcome-explore').click();
    await page.getByTestId('embed-toggle').click();
    const snippet = await page.getByTestId('embed-snippet').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#v\d+\./);
    expect(new URL(host).port).not.toBe(new URL(baseURL!).port);

    await page.goto(`${host}/?src=${encodeURIComponent(snippet)}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('embed')).toBeVisible({ timeout: 15_000 });
    await expect(frame.getByTestId('canvas')).toBeVisible();
    await expect(frame.getByTestId('share-bar')).toHaveCount(0);
    await expect(frame.getByTestId('trace-run')).toHaveCount(0);
    await expect(frame.getByTestId('play-position')).toHaveText(/^Hop 1 of \d+$/);
    await frame.getByTestId('play-toggle').click();
    await expect(frame.getByTestId('play-position')).not.toHaveText(/^Hop 1 of/, { timeout: 10_000 });
    await expect(frame.getByTestId('embed-caption')).not.toHaveText('');
    await page.screenshot({ path: '/tmp/kne-embed.png' });
    expect(app.errors).toEqual([]);
  });
});

test('compare two designs on the same flow and read the differences', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  await page.getByTestId('welcome-explore').click();
  await page.getByTestId('compare-open').click();
  const view = page.getByTestId('compare');
  await expect(view).toBeVisible();
  // Preset S opens on VXLAN overlay; B differs between nodes: routing.
  await expect(page.getByTestId('compare-inter')).toHaveValue('routing');
  await expect(page.getByTestId('diff-encap')).toHaveAttribute('data-same', 'false');
  await expect(page.getByTestId('diff-encap')).toContainText('50 B');
  await expect(page.getByTestId('diff-mtu')).toContainText('1450');
  await expect(page.getByTestId('diff-mtu')).toContainText('1500');
  await expect(page.getByTestId('diff-verdict')).toHaveAttribute('data-same', 'true');
  await expect(page.getByTestId('compare-pane-A').locator('svg')).toBeVisible();
  await expect(page.getByTestId('compare-pane-B').locator('svg')).toBeVisible();

  // Stepping moves both panes, hops aligned.
  await expect(page.getByTestId('compare-hop-A')).toContainText('Hop 1 of');
  await expect(page.getByTestId('compare-hop-B')).toContainText('Hop 1 of');
  await page.getByTestId('compare-forward').click();
  await page.getByTestId('compare-forward').click();
  await expect(page.getByTestId('compare-hop-A')).toContainText('Hop 3 of');
  await expect(page.getByTestId('compare-hop-B')).toContainText('Hop 3 of');

  // B as Cilium (eBPF kube-proxy): where NAT happens changes for a Service flow too.
  await page.getByTestId('compare-proxy').selectOption('ebpf');
  await expect(page.getByTestId('compare-proxy')).toHaveValue('ebpf');
  await page.screenshot({ path: '/tmp/kne-compare-1440.png' });

  // The comparison is part of the share link.
  const state = await page.evaluate(() => {
    type S = { compare: { designs: { proxy: string } } | null };
    return (window as unknown as { __kne: { store: { getState(): S } } }).__kne.store.getState().compare
      ?.designs;
  });
  expect(state).toMatchObject({ inter: 'routing', proxy: 'ebpf' });
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('the new views are axe-clean in Japanese: presenter, compare, embed', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Explorer(page);
  await app.open();
  await page
    .getByTestId('lang-ja')
    .click()
    .then(() => expect(page.locator('html')).toHaveAttribute('lang', 'ja'));
  await page.getByTestId('welcome-explore').click();
  const serious = () => seriousViolations(page);
  await page.getByTestId('presenter-enter').click();
  await expect(page.getByTestId('presenter-caption')).toContainText(/./);
  await expect(page.getByTestId('presenter')).toContainText('PageDown');
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('compare-open').click();
  await expect(page.getByTestId('compare')).toContainText('設計の比較');
  await expect(page.getByTestId('diff-encap')).toContainText('50 B');
  expect(await serious()).toEqual([]);
  await page.screenshot({ path: '/tmp/kne-compare-ja-1440.png' });
  await page.keyboard.press('Escape');

  await page.getByTestId('embed-toggle').click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&');
  expect(src.startsWith(baseURL!)).toBe(true);
  await page.goto(src);
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByTestId('play-position')).toHaveText(/^ホップ 1 \/ \d+$/);
  expect(await serious()).toEqual([]);
  expect(app.errors).toEqual([]);
});
