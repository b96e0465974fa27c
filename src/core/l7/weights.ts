import type { ResolvedBackend } from './state';

/**
 * Weighted backend choice (apis/v1/httproute_types.go `HTTPBackendRef.Weight`): each backend gets
 * weight/Σweights of the requests; weight 0 is never picked; with every weight 0 there is nothing
 * to pick (the rule answers 500, conformance/tests/httproute-all-backends-weight-zero.go). The
 * pick is deterministic: a 32-bit hash of the seed chooses a point in [0, Σweights).
 */
export function pickWeighted(backends: readonly ResolvedBackend[], seed: number): ResolvedBackend | null {
  let total = 0;
  for (const b of backends) if (b.weight > 0) total += b.weight;
  if (total === 0) return null;
  let point = mix(seed) % total;
  for (const b of backends) {
    if (b.weight <= 0) continue;
    if (point < b.weight) return b;
    point -= b.weight;
  }
  return null;
}

/** murmur3's 32-bit finaliser: spreads consecutive seeds over the whole range. */
function mix(seed: number): number {
  let h = seed >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
