/**
 * Generated object names the way Kubernetes controllers make them, deterministic from a seed.
 *
 * - Alphabet: k8s.io/apimachinery/pkg/util/rand `alphanums` (no vowels, no 0/1/3, so generated
 *   parts never spell words).
 * - Deployment → ReplicaSet `<deploy>-<pod-template-hash>`: pkg/controller/controller_utils.go
 *   `ComputeHash` takes FNV-32a of the Pod template and prints it with `rand.SafeEncodeString`
 *   (each decimal digit mapped into the alphabet), which is why real hashes use only 4-9, b, c, d, f.
 * - Pods from a ReplicaSet or DaemonSet: `metadata.generateName` `<owner>-` plus `rand.String(5)`
 *   appended by the API server (names.SimpleNameGenerator; the prefix is cut to 58 characters).
 */

export const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bit, over the UTF-16 code units of a string. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `rand.SafeEncodeString`: every byte b becomes alphanums[b % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += K8S_ALPHANUMS[s.charCodeAt(i) % K8S_ALPHANUMS.length];
  return out;
}

/**
 * The `pod-template-hash` of a Pod template: the FNV-32a value in decimal, safe-encoded. Padded to
 * ten digits so every hash has the ten characters most real ones have.
 */
export function podTemplateHash(templateJson: string): string {
  return safeEncodeString(String(fnv1a32(templateJson)).padStart(10, '0'));
}

/** A small seeded generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rand.String(n)` drawn from a seeded generator. */
export function randomSuffix(next: () => number, n = 5): string {
  let out = '';
  for (let i = 0; i < n; i++) out += K8S_ALPHANUMS[Math.floor(next() * K8S_ALPHANUMS.length)];
  return out;
}

/**
 * The API server's generateName: prefix cut to 63 − 5 characters, then five random characters.
 * A name already in `taken` is drawn again, as the controller retries after an AlreadyExists
 * conflict (27⁵ ≈ 14 M names: at 150k Pods some hundred draws collide).
 */
export function generateName(prefix: string, next: () => number, taken?: Set<string>): string {
  for (;;) {
    const name = `${prefix.slice(0, 58)}${randomSuffix(next)}`;
    if (!taken) return name;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
