import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** The real entry point, as `npm run --silent cli -- …` starts it. */
const main = (args: string[]) =>
  spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

describe('src/cli/main.ts', () => {
  it('exits with the status runCli returns and writes JSON to stdout', () => {
    const ok = main([
      'trace',
      '--from',
      'default/client',
      '--to',
      'default/db-0',
      '--port',
      '5432',
      '--json',
    ]);
    expect(ok.status).toBe(0);
    const t = JSON.parse(ok.stdout) as { verdict: string; deliveredTo: string };
    expect(t.verdict).toBe('delivered');
    expect(t.deliveredTo).toBe('default/db-0');

    const bad = main([
      'trace',
      '--from',
      'default/client',
      '--to',
      'default/db-0',
      '--port',
      '5432',
      '--verbose',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('error: unknown flag --verbose for "trace"');
  });
});
