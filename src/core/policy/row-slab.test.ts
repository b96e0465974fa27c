import { describe, expect, it } from 'vitest';
import { RowSlab } from './row-slab';

describe('RowSlab', () => {
  it('hands out distinct zeroed rows across chunks, and zeroed again after a reset', () => {
    const W = 5000; // 13 rows per chunk: 40 rows span four chunks
    const slab = new RowSlab(W);
    for (let round = 0; round < 3; round++) {
      const rows = Array.from({ length: 40 }, () => slab.alloc());
      rows.forEach((r) => {
        expect(r.length).toBe(W);
        expect(r.every((x) => x === 0)).toBe(true);
      });
      rows.forEach((r, i) => r.fill(i + 1));
      // no two rows share words
      rows.forEach((r, i) => expect(r.every((x) => x === i + 1)).toBe(true));
      slab.reset();
    }
  });
});
