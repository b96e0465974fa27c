import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { K8S_ALPHANUMS, mulberry32, nameSuffix, pick, podTemplateHash, randInt, shuffled } from './rng';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        const c = mulberry32(seed + 1);
        const sa = Array.from({ length: 8 }, () => a());
        expect(Array.from({ length: 8 }, () => b())).toEqual(sa);
        expect(Array.from({ length: 8 }, () => c())).not.toEqual(sa);
        for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
      }),
    );
  });

  it('is roughly uniform', () => {
    const rng = mulberry32(42);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[randInt(rng, 10)]++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('shuffles into a permutation and picks members', () => {
    const rng = mulberry32(7);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s = shuffled(rng, items);
    expect([...s].sort((x, y) => x - y)).toEqual(items);
    expect(s).not.toEqual(items);
    expect(items).toContain(pick(rng, items));
  });
});

describe('Kubernetes-style generated names', () => {
  it('uses only the apimachinery alphabet for 5-character name suffixes', () => {
    const rng = mulberry32(1);
    for (let i = 0; i < 1000; i++) {
      const s = nameSuffix(rng);
      expect(s).toHaveLength(5);
      for (const ch of s) expect(K8S_ALPHANUMS).toContain(ch);
    }
  });

  it('maps decimal digits like SafeEncodeString, so pod-template-hash only has 456789bcdf', () => {
    const rng = mulberry32(2);
    for (let i = 0; i < 1000; i++) expect(podTemplateHash(rng)).toMatch(/^[456789bcdf]{1,10}$/);
  });
});
