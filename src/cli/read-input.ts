import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads an input file (or standard input for `-`) as UTF-8, never more than `limit` bytes: it
 * stops reading one byte past the bound instead of loading the whole file first (`/dev/zero` or a
 * pipe that never ends costs at most the bound), and an empty input is an error.
 */
export function readInput(path: string, limit: number): string {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    const buf = Buffer.alloc(64 * 1024);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, Math.min(buf.length, limit + 1 - size), null);
      } catch (e) {
        // A non-blocking stdin with nothing yet: wait is not possible synchronously; treat as end.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      size += n;
      if (size > limit)
        throw new Error(
          `it is larger than ${(limit / 1024 / 1024).toFixed(0)} MiB, the input limit (split the file)`,
        );
    }
    if (size === 0) throw new Error('it is empty');
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}
