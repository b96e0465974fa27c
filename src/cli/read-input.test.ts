import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from './read-input';
import { runCli } from './run';

describe('CLI input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kne-input-'));
  it('reads a file up to the bound and stops one byte past it', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'x'.repeat(1000));
    expect(readInput(file, 1000)).toHaveLength(1000);
    expect(() => readInput(file, 999)).toThrow(/larger than/);
    expect(() => readInput('/dev/zero', 4096)).toThrow(/larger than/);
  });

  it('an empty file is an error naming the file', () => {
    const file = join(dir, 'empty.yaml');
    writeFileSync(file, '');
    expect(() => readInput(file, 10)).toThrow(/empty/);
    const err: string[] = [];
    const code = runCli(['trace', '--manifests', file, '--from', 'a', '--to', 'b', '--port', '80'], {
      stdout: () => {},
      stderr: (t) => err.push(t),
      readFile: () => '  \n',
    });
    expect(code).toBe(2);
    expect(err.join('')).toContain(`cannot read --manifests ${file}: it is empty`);
  });
});
