import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

/**
 * The built site (PW_DIST, which Playwright's webServer has just built) served from a sub-path by
 * a plain static file server, the way GitHub Pages or an nginx `location /some/sub/path/` would.
 */
const DIST = resolve(process.env.PW_DIST ?? 'dist');
const PORT = Number(process.env.PW_PORT ?? 4173) + 17;
const BASE = '/some/sub/path/';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

let server: Server;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', ORIGIN).pathname);
    // Like most static hosts: the directory without its slash redirects to the slash form.
    if (path === BASE.slice(0, -1)) {
      res.writeHead(301, { location: BASE }).end();
      return;
    }
    if (!path.startsWith(BASE)) {
      res.writeHead(404).end('outside the site');
      return;
    }
    const rel = normalize(path.slice(BASE.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(join(DIST, rel.endsWith('/') ? `${rel}index.html` : rel)).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((ok) => server.listen(PORT, '127.0.0.1', ok));
});

test.afterAll(async () => {
  await new Promise((ok) => server.close(ok));
});

for (const entry of [BASE, BASE.slice(0, -1)]) {
  test(`the built site works from a sub-path (${entry}) with no requests outside it`, async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const app = new Explorer(page);
    await page.goto(`${ORIGIN}${entry}`);
    // The worker loads from the sub-path and answers: preset S opens already traced.
    await expect(app.hops.first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('k8s-node')).toHaveCount(3);

    await page.getByTestId('probe-from').selectOption('default/frontend-1');
    await page.getByTestId('probe-to').selectOption('default/backend-2');
    await page.getByTestId('probe-port').fill('9090');
    await page.getByTestId('trace-run').click();
    await expect(app.hops.first()).toHaveAttribute('data-netns', 'default/frontend-1');
    await expect(app.hops.last()).toHaveAttribute('data-kind', 'deliver');
    await page.screenshot({ path: '/tmp/scale-static-subpath.png' });

    const outside = requests.filter((u) => !u.startsWith(`${ORIGIN}${BASE}`) && !/^(data|blob):/.test(u));
    // Only the slash-less entry itself may sit outside (it redirects into the site).
    expect(outside.filter((u) => u !== `${ORIGIN}${entry}`)).toEqual([]);
    expect(requests.some((u) => /\/assets\/sim\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    expect(failed).toEqual([]);
    expect(app.errors).toEqual([]);
  });
}
