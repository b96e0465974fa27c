import type { PolicyIndex } from './compile';
import { type ReachabilityMatrix, classAllowed, podAllowed } from './matrix';

/**
 * The reachability matrix written out Pod by Pod without ever holding a Pod × Pod object: one
 * `.`/`X` string per source Pod, the way kubernetes test/e2e/network/netpol/truthtable.go
 * PrettyPrint marks a truth-table row (`.` allowed, `X` denied). Rows are cut from one template
 * per source class (every Pod of a class sees the same row), so the cost is Pods × Pods characters
 * and classes × Pods bit reads.
 */

const DOT = 0x2e;
const X = 0x58;
/** Above this many cached template characters, rows are built from the bits each time. */
const TEMPLATE_BUDGET = 64 * 2 ** 20;

/** `NS/POD` of every Pod, in matrix order. */
export function podKeys(index: PolicyIndex): string[] {
  return index.pods.map((p) => `${p.namespace}/${p.name}`);
}

function text(codes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192)
    out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/**
 * Yields the row of every source Pod for one layer: character j is `.` when pods[i] may open a
 * connection to pods[j] on the layer's port/protocol, `X` when it may not. Loopback (a Pod to
 * itself) and a hostNetwork Pod to its own node's Pods are allowed, as `podAllowed` says.
 */
export function* compactRows(m: ReachabilityMatrix, layer: number): Generator<string> {
  const { classOfPod } = m.classes;
  const n = classOfPod.length;
  const useCache = m.classes.count * n <= TEMPLATE_BUDGET;
  const templates = new Map<number, string>();
  const codes = new Uint8Array(n);
  const template = (s: number): string => {
    let t = templates.get(s);
    if (t !== undefined) return t;
    const base = s * m.stride;
    const bits = m.layers[layer]!;
    for (let j = 0; j < n; j++) {
      const d = classOfPod[j]!;
      codes[j] = (bits[base + (d >>> 3)]! >>> (d & 7)) & 1 ? DOT : X;
    }
    t = text(codes);
    if (useCache) templates.set(s, t);
    return t;
  };
  for (let i = 0; i < n; i++) {
    const s = classOfPod[i]!;
    if (m.hostNetwork[i] === 1) {
      for (let j = 0; j < n; j++) codes[j] = podAllowed(m, layer, i, j) ? DOT : X;
      yield text(codes);
      continue;
    }
    const t = template(s);
    // loopback: the Pod's own column is allowed even when its class denies itself
    yield classAllowed(m, layer, s, s) ? t : `${t.slice(0, i)}.${t.slice(i + 1)}`;
  }
}
