import type { PolicyIndex } from './compile';
import { type ReachabilityMatrix, classAllowed } from './matrix';

/**
 * Reachability per namespace pair: how many of the Pod pairs (source in namespace A, destination
 * in namespace B) may open a connection on one port/protocol. Counted class by class (Pods of a
 * class share their row) with the exemptions `podAllowed` applies per Pod: loopback (a Pod to its
 * own IP, upstream netpol e2e `Reachability.AllowLoopback()`) and a hostNetwork Pod to the Pods of
 * its own node ("connections from the Pod's node", Kubernetes NetworkPolicy docs).
 */

/** The namespaces of the Pods (sorted) and the namespace id of every Pod. */
export interface NamespaceIds {
  namespaces: string[];
  nsOfPod: Uint32Array;
  /** Pods per namespace. */
  podsIn: Float64Array;
}

const idsCache = new WeakMap<PolicyIndex['pods'], NamespaceIds>();

export function namespaceIds(index: PolicyIndex): NamespaceIds {
  const hit = idsCache.get(index.pods);
  if (hit) return hit;
  // every Pod of a label group shares its namespace: look namespaces up per group, not per Pod
  const namespaces = [...new Set(index.groups.map((g) => g.namespace))].sort();
  const id = new Map(namespaces.map((n, i) => [n, i]));
  const nsOfGroup = Uint32Array.from(index.groups, (g) => id.get(g.namespace)!);
  const n = index.pods.length;
  const nsOfPod = new Uint32Array(n);
  const podsIn = new Float64Array(namespaces.length);
  for (let i = 0; i < n; i++) {
    const ns = nsOfGroup[index.groupOfPod[i]!]!;
    nsOfPod[i] = ns;
    podsIn[ns]!++;
  }
  const ids = { namespaces, nsOfPod, podsIn };
  idsCache.set(index.pods, ids);
  return ids;
}

/** (class, namespace) → Pod count, as entries sorted by namespace, and a per-class list. */
interface ClassNs {
  /** Entries sorted by namespace: class, namespace, Pods. */
  srcClass: number[];
  srcNs: number[];
  srcCount: number[];
  /** Per class (CSR): namespaces and Pods. */
  start: Uint32Array;
  ns: Uint32Array;
  count: Float64Array;
}

function classNamespaces(m: ReachabilityMatrix, ids: NamespaceIds): ClassNs {
  const C = m.classes.count;
  const per = new Map<number, number>(); // class * NS + ns → Pods
  const NS = ids.namespaces.length;
  const { classOfPod } = m.classes;
  for (let i = 0; i < classOfPod.length; i++) {
    const k = classOfPod[i]! * NS + ids.nsOfPod[i]!;
    per.set(k, (per.get(k) ?? 0) + 1);
  }
  const keys = [...per.keys()].sort((a, b) => a - b);
  const start = new Uint32Array(C + 1);
  const ns = new Uint32Array(keys.length);
  const count = new Float64Array(keys.length);
  keys.forEach((k, e) => {
    start[Math.floor(k / NS) + 1]!++;
    ns[e] = k % NS;
    count[e] = per.get(k)!;
  });
  for (let c = 0; c < C; c++) start[c + 1]! += start[c]!;
  const order = keys.map((_, e) => e).sort((a, b) => ns[a]! - ns[b]! || a - b);
  return {
    srcClass: order.map((e) => Math.floor(keys[e]! / NS)),
    srcNs: order.map((e) => ns[e]!),
    srcCount: order.map((e) => count[e]!),
    start,
    ns,
    count,
  };
}

/**
 * Calls `visit(from, to, allowed, pairs)` for every namespace pair (ids of `ids.namespaces`, sources
 * in order) with at least one allowed Pod pair on `layer`; `pairs` = Pods(from) × Pods(to). Pairs
 * not visited are fully denied. Cost ~ classes × min(allowed, denied) classes per row.
 */
export function forEachNamespacePair(
  m: ReachabilityMatrix,
  index: PolicyIndex,
  layer: number,
  visit: (from: number, to: number, allowed: number, pairs: number) => void,
  ids: NamespaceIds = namespaceIds(index),
  /** Which bits a row's walk visits: chosen per row by its density, or forced (tests: same answer). */
  walk: Walk = 'auto',
): void {
  let cn = classNsCache.get(m.classes);
  if (!cn || cn.ids !== ids) classNsCache.set(m.classes, (cn = { ids, value: classNamespaces(m, ids) }));
  namespacePairsOf(m, layer, visit, ids, cn.value, walk);
}

export type Walk = 'auto' | 'allowed' | 'denied';

const classNsCache = new WeakMap<ReachabilityMatrix['classes'], { ids: NamespaceIds; value: ClassNs }>();

function namespacePairsOf(
  m: ReachabilityMatrix,
  layer: number,
  visit: (from: number, to: number, allowed: number, pairs: number) => void,
  ids: NamespaceIds,
  cn: ClassNs,
  walk: Walk,
): void {
  const C = m.classes.count;
  const W = m.stride >>> 2;
  const NS = ids.namespaces.length;
  const bytes = m.layers[layer]!;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  const tail = C & 31 ? (1 << (C & 31)) - 1 : -1;
  const step = W >= 64 ? 8 : 1;
  const acc = new Float64Array(NS);
  // namespaces touched for the current source namespace (all of them once a dense row was added)
  const touched = new Uint8Array(NS);
  const list: number[] = [];
  let all = false;
  const touch = (B: number): void => {
    if (touched[B] === 0) {
      touched[B] = 1;
      list.push(B);
    }
  };
  // hostNetwork Pods per node (the own-node exemption is applied Pod by Pod)
  const hostPodsOf = new Map<number, number[]>(); // source class → its hostNetwork Pods
  const podsOnNode = new Map<number, number[]>();
  m.hostNetwork.forEach((h, i) => {
    if (h !== 1) return;
    const c = m.classes.classOfPod[i]!;
    (hostPodsOf.get(c) ?? hostPodsOf.set(c, []).get(c)!).push(i);
    podsOnNode.set(m.nodeOfPod[i]!, []);
  });
  if (podsOnNode.size > 0) m.nodeOfPod.forEach((node, j) => podsOnNode.get(node)?.push(j));
  const addClass = (d: number, weight: number): void => {
    for (let e = cn.start[d]!; e < cn.start[d + 1]!; e++) {
      acc[cn.ns[e]!]! += weight * cn.count[e]!;
      if (!all) touch(cn.ns[e]!);
    }
  };
  let e = 0;
  while (e < cn.srcNs.length) {
    const A = cn.srcNs[e]!;
    for (; e < cn.srcNs.length && cn.srcNs[e] === A; e++) {
      const s = cn.srcClass[e]!;
      const ca = cn.srcCount[e]!;
      const base = s * W;
      // walk the allowed classes of a sparse row, the denied ones of a dense row: the answer is the
      // same either way, so the density is estimated from every `step`-th word of a long row
      let dense = walk === 'denied';
      if (walk === 'auto') {
        let ones = 0;
        for (let w = 0; w < W; w += step) ones += popcount(words[base + w]! & (w === W - 1 ? tail : -1));
        dense = ones * 2 * step > C;
      }
      if (dense) {
        all = true;
        for (let B = 0; B < NS; B++) acc[B]! += ca * ids.podsIn[B]!;
      }
      for (let w = 0; w < W; w++) {
        // dense rows: walk the denied classes and subtract them
        let x = (dense ? ~words[base + w]! : words[base + w]!) & (w === W - 1 ? tail : -1);
        while (x !== 0) {
          const low = x & -x;
          addClass((w << 5) | (31 - Math.clz32(low)), dense ? -ca : ca);
          x ^= low;
        }
      }
      const hostPods = hostPodsOf.get(s);
      if (hostPods) {
        for (const h of hostPods)
          for (const j of podsOnNode.get(m.nodeOfPod[h]!)!)
            if (ids.nsOfPod[h] === A && !classAllowed(m, layer, s, m.classes.classOfPod[j]!)) {
              acc[ids.nsOfPod[j]!]!++;
              touch(ids.nsOfPod[j]!);
            }
      } else if (!classAllowed(m, layer, s, s)) {
        acc[A]! += ca; // loopback
        touch(A);
      }
    }
    if (all) {
      for (let B = 0; B < NS; B++)
        if (acc[B]! > 0.5) visit(A, B, Math.round(acc[B]!), ids.podsIn[A]! * ids.podsIn[B]!);
      acc.fill(0);
    } else {
      list.sort((a, b) => a - b);
      for (const B of list)
        if (acc[B]! > 0.5) visit(A, B, Math.round(acc[B]!), ids.podsIn[A]! * ids.podsIn[B]!);
    }
    for (const B of list) {
      acc[B] = 0;
      touched[B] = 0;
    }
    list.length = 0;
    all = false;
  }
}

/** Set bits of a 32-bit word (the classic SWAR count: pairs, nibbles, then bytes summed by a multiply). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
