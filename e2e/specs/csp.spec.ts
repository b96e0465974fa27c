import { expect, test } from '@playwright/test';
import { Explorer } from '../pages/explorer';

test('the page works under its Content-Security-Policy, with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const app = new Explorer(page);
  await app.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  // The worker, React Flow, the packet layer, the tools: everything a person touches.
  await app.design('inter', 'routing');
  await app.design('intra', 'ebpf');
  await app.tool('linux');
  await app.tool('policy');
  await app.tool('editor');
  await page.getByTestId('play-toggle').click();
  await expect(page.getByTestId('verdict')).toBeVisible();
  // An inline script injected at run time is refused by the policy.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    return (window as unknown as { __inline?: number }).__inline === 1;
  });
  expect(ran).toBe(false);
  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(
    violations.filter((v) => !v.startsWith('script-src-elem inline') && !v.startsWith('script-src inline')),
  ).toEqual([]);
  await page.screenshot({ path: '/tmp/csp.png' });
  expect(app.errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
});
