/**
 * A tiny seeded PRNG for deterministic preset generation (the pure layer may not read Math.random).
 * mulberry32: 32-bit state, full period 2^32, good enough for names and placement.
 */

/** A deterministic source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32 (Tommy Ettinger's public-domain generator): the same seed gives the same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** One element of a non-empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[randInt(rng, items.length)];
  if (item === undefined) throw new Error('pick from an empty array');
  return item;
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/**
 * The alphabet Kubernetes uses for generated names (no vowels, no 0/1/3, so no accidental words).
 * Source: k8s.io/apimachinery/pkg/util/rand/rand.go `alphanums`.
 */
export const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The 5-character suffix the API server appends to `metadata.generateName` (a ReplicaSet's Pods:
 * `web-5d4f8b9c7-x2k4p`). Source: apiserver storage/names `SimpleNameGenerator`, randomLength = 5.
 */
export function nameSuffix(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += K8S_ALPHANUMS[randInt(rng, K8S_ALPHANUMS.length)];
  return s;
}

/**
 * A Deployment's `pod-template-hash` label: the decimal FNV-32a of the Pod template passed through
 * `SafeEncodeString`, which maps each digit to `alphanums[charCode % 27]`, so real hashes only use
 * the characters `456789bcdf`. Source: kubernetes pkg/controller/controller_utils.go `ComputeHash`
 * and apimachinery rand.go `SafeEncodeString`. Here the uint32 comes from the seeded generator.
 */
export function podTemplateHash(rng: Rng): string {
  const digits = String(Math.floor(rng() * 4294967296));
  let s = '';
  for (let i = 0; i < digits.length; i++) s += K8S_ALPHANUMS[digits.charCodeAt(i) % K8S_ALPHANUMS.length];
  return s;
}
