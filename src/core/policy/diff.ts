import type { PodClasses } from './classes';
import type { CompiledPolicy, PolicyIndex } from './compile';
import { type ReachabilityMatrix, classAllowed } from './matrix';
import { type NamespaceIds, namespaceIds } from './summary';
import type { PortProto } from './types';
import { type ChangedCells, type PolicyScope, markScope } from './update';

export { markScope, type PolicyScope };

/**
 * What a NetworkPolicy change would do before it is applied (a "what-if", like Calico's staged
 * policies or `kubectl diff` for reachability): the flows that flip allowed → denied and
 * denied → allowed. Computed on the class matrices, never per Pod pair: the Pods are split into
 * joint classes (same class before and after), and only the cells that can change are compared —
 * rows whose source Pods a changed policy selects for egress, columns whose destination Pods it
 * selects for ingress (a policy only ever decides for the Pods it selects, Kubernetes
 * NetworkPolicy docs "isolation").
 */

const sameSource = (a: CompiledPolicy, b: CompiledPolicy): boolean =>
  a.source === b.source || JSON.stringify(a.source) === JSON.stringify(b.source);

/** The scope of every policy that differs between two compiled policy sets of the same Pods. */
export function changedScope(before: PolicyIndex, after: PolicyIndex): PolicyScope {
  const scope = new Uint8Array(before.pods.length);
  for (const [key, p] of before.policies) {
    const q = after.policies.get(key);
    if (!q || !sameSource(p, q)) markScope(before, p, scope);
  }
  for (const [key, q] of after.policies) {
    const p = before.policies.get(key);
    if (!p || !sameSource(p, q)) markScope(after, q, scope);
  }
  return scope;
}

/** One flipped cell of joint classes on one layer. */
export interface ClassFlip {
  layer: number;
  from: number;
  to: number;
  /** The verdict before the change (after is its negation). */
  before: boolean;
}

/** The difference of two matrices of the same Pods and ports, on joint classes. */
export interface ReachDiff {
  ports: PortProto[];
  /** Joint class of every Pod, and the Pods of every joint class. */
  jointOfPod: Uint32Array;
  podsOf: number[][];
  flips: ClassFlip[];
  /** The matrix before (its Pods' nodes and hostNetwork flags give the exempt cells). */
  before: ReachabilityMatrix;
}

/**
 * `diff(before, after)`: the cells whose verdict differs, as joint-class pairs. `scope` limits the
 * comparison to rows (egress) and columns (ingress) of the Pods a change touches; without it every
 * cell of the joint matrix is compared (small clusters, tests). Both matrices must be computed for
 * the same Pods and the same ports in the same order.
 */
export function diff(before: ReachabilityMatrix, after: ReachabilityMatrix, scope?: PolicyScope): ReachDiff {
  if (before.ports.length !== after.ports.length) throw new Error('diff: matrices for different ports');
  const n = before.classes.classOfPod.length;
  const cb = before.classes.classOfPod;
  const ca = after.classes.classOfPod;
  const Ca = after.classes.count;
  const jointOfPod = new Uint32Array(n);
  const byKey = new Map<number, number>();
  const jb: number[] = [];
  const ja: number[] = [];
  const size: number[] = [];
  // most after-classes come from one before-class: remember the last pairing per after-class and
  // only fall back to the map when it differs
  const lastB = new Int32Array(Ca).fill(-1);
  const lastJ = new Uint32Array(Ca);
  for (let i = 0; i < n; i++) {
    const a = ca[i]!;
    let j: number | undefined;
    if (lastB[a] === cb[i]) j = lastJ[a]!;
    else {
      const k = cb[i]! * Ca + a;
      j = byKey.get(k);
      if (j === undefined) {
        j = size.length;
        byKey.set(k, j);
        size.push(0);
        jb.push(cb[i]!);
        ja.push(a);
      }
      lastB[a] = cb[i]!;
      lastJ[a] = j;
    }
    size[j]!++;
    jointOfPod[i] = j;
  }
  // the Pods of each joint class, in arrays allocated at their final size
  const podsOf: number[][] = size.map((k) => new Array<number>(k));
  const fill = new Uint32Array(size.length);
  for (let i = 0; i < n; i++) {
    const j = jointOfPod[i]!;
    podsOf[j]![fill[j]!++] = i;
  }
  const J = podsOf.length;
  const rowAff = new Uint8Array(J);
  const colList: number[] = [];
  if (scope) {
    const colAff = new Uint8Array(J);
    for (let i = 0; i < n; i++) {
      if (scope[i]! & 2) rowAff[jointOfPod[i]!] = 1;
      if (scope[i]! & 1) colAff[jointOfPod[i]!] = 1;
    }
    for (let j = 0; j < J; j++) if (colAff[j]) colList.push(j);
  } else rowAff.fill(1);
  const flips: ClassFlip[] = [];
  for (let layer = 0; layer < before.ports.length; layer++) {
    const check = (s: number, d: number): void => {
      const x = classAllowed(before, layer, jb[s]!, jb[d]!);
      if (x !== classAllowed(after, layer, ja[s]!, ja[d]!)) flips.push({ layer, from: s, to: d, before: x });
    };
    for (let s = 0; s < J; s++) {
      if (rowAff[s]) for (let d = 0; d < J; d++) check(s, d);
      else for (const d of colList) check(s, d);
    }
  }
  return { ports: before.ports, jointOfPod, podsOf, flips, before };
}

const podsOfClasses = new WeakMap<PodClasses, number[][]>();

/** The Pods of every class, kept per classes object (a what-if on one matrix reuses them). */
function podsOfClass(cl: PodClasses): number[][] {
  let podsOf = podsOfClasses.get(cl);
  if (podsOf) return podsOf;
  const size = new Uint32Array(cl.count);
  for (let i = 0; i < cl.classOfPod.length; i++) size[cl.classOfPod[i]!]!++;
  podsOf = Array.from(size, (k) => new Array<number>(k));
  size.fill(0);
  for (let i = 0; i < cl.classOfPod.length; i++) {
    const c = cl.classOfPod[i]!;
    podsOf[c]![size[c]!++] = i;
  }
  podsOfClasses.set(cl, podsOf);
  return podsOf;
}

/**
 * The diff of `before` and an edit that kept its classes, from the changed cells alone (the joint
 * classes are the classes): the same flips, in the same order, as `diff` of the whole matrices.
 */
export function diffCells(before: ReachabilityMatrix, cells: ChangedCells): ReachDiff {
  const C = before.classes.count;
  const W = before.stride >>> 2;
  const flips: ClassFlip[] = [];
  before.ports.forEach((_, layer) => {
    const bytes = before.layers[layer]!;
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
    const rows = cells.rows[layer]!;
    const colBits = cells.colBits[layer]!;
    for (let s = 0; s < C; s++) {
      const row = rows.get(s);
      if (row) {
        for (let w = 0; w < W; w++) {
          let x = words[s * W + w]! ^ row[w]!;
          while (x !== 0) {
            const low = x & -x;
            const d = (w << 5) | (31 - Math.clz32(low));
            flips.push({ layer, from: s, to: d, before: ((words[s * W + w]! >>> (d & 31)) & 1) === 1 });
            x ^= low;
          }
        }
        continue;
      }
      cells.cols.forEach((d, k) => {
        const x = classAllowed(before, layer, s, d);
        if (x !== (colBits[k]![s] === 1)) flips.push({ layer, from: s, to: d, before: x });
      });
    }
  });
  return {
    ports: before.ports,
    jointOfPod: before.classes.classOfPod,
    podsOf: podsOfClass(before.classes),
    flips,
    before,
  };
}

/** One flipped flow between two Pods (indexes), as the CLI lists it. */
export interface PodFlip {
  from: number;
  to: number;
  layer: number;
  before: boolean;
}

/**
 * The flipped Pod flows of a diff, class pair by class pair. The exemptions that make a cell
 * allowed whatever the policies say (loopback, a hostNetwork Pod to its own node's Pods) never flip.
 */
export function* podFlips(d: ReachDiff): Generator<PodFlip> {
  for (const f of d.flips) {
    const host = hasHostPod(d, f.from);
    for (const a of d.podsOf[f.from]!)
      for (const b of d.podsOf[f.to]!) {
        if (a === b || (host && sameNode(d, a, b))) continue;
        yield { from: a, to: b, layer: f.layer, before: f.before };
      }
  }
}

/** hostNetwork classes hold only hostNetwork Pods (classes.ts keys them apart). */
const hasHostPod = (d: ReachDiff, j: number): boolean => d.before.hostNetwork[d.podsOf[j]![0]!] === 1;

/** A hostNetwork Pod reaches the Pods of its own node whatever the policies say (matrix.ts podAllowed). */
const sameNode = (d: ReachDiff, a: number, b: number): boolean =>
  d.before.nodeOfPod[a] === d.before.nodeOfPod[b];

/** One row of the what-if summary: flipped Pod flows of a namespace pair on one port/protocol. */
export interface FlipSummary {
  fromNamespace: string;
  toNamespace: string;
  port: number;
  protocol: PortProto['protocol'];
  allowedToDenied: number;
  deniedToAllowed: number;
}

/**
 * Flipped flows counted per (source namespace, destination namespace, port/protocol), sorted by
 * namespaces then port. Counted per joint class pair and namespace (Pods × Pods), with the
 * exempt cells of `podFlips` taken out.
 */
export function flipSummary(
  d: ReachDiff,
  index: PolicyIndex,
  ids: NamespaceIds = namespaceIds(index),
): FlipSummary[] {
  const NS = ids.namespaces.length;
  // per joint class: its namespaces and their Pods, flat as [ns, Pods, ns, Pods, …]
  const nsCount = new Map<number, number[]>();
  const countsOf = (j: number): number[] => {
    let flat = nsCount.get(j);
    if (flat) return flat;
    const m = new Map<number, number>();
    for (const i of d.podsOf[j]!) m.set(ids.nsOfPod[i]!, (m.get(ids.nsOfPod[i]!) ?? 0) + 1);
    flat = [];
    for (const [ns, k] of m) flat.push(ns, k);
    nsCount.set(j, flat);
    return flat;
  };
  const acc = new Map<number, [number, number]>(); // (layer * NS + from) * NS + to
  const add = (layer: number, a: number, b: number, before: boolean, k: number): void => {
    const key = (layer * NS + a) * NS + b;
    let v = acc.get(key);
    if (!v) acc.set(key, (v = [0, 0]));
    v[before ? 0 : 1] += k;
  };
  for (const f of d.flips) {
    if (hasHostPod(d, f.from)) {
      for (const a of d.podsOf[f.from]!)
        for (const b of d.podsOf[f.to]!)
          if (a !== b && !sameNode(d, a, b)) add(f.layer, ids.nsOfPod[a]!, ids.nsOfPod[b]!, f.before, 1);
      continue;
    }
    const from = countsOf(f.from);
    const to = countsOf(f.to);
    for (let x = 0; x < from.length; x += 2)
      for (let y = 0; y < to.length; y += 2)
        add(f.layer, from[x]!, to[y]!, f.before, from[x + 1]! * to[y + 1]!);
    // loopback: a Pod to itself never flips
    if (f.from === f.to)
      for (let x = 0; x < from.length; x += 2) add(f.layer, from[x]!, from[x]!, f.before, -from[x + 1]!);
  }
  return [...acc.entries()]
    .sort((x, y) => {
      const [la, fa, ta] = [Math.floor(x[0] / NS / NS), Math.floor(x[0] / NS) % NS, x[0] % NS];
      const [lb, fb, tb] = [Math.floor(y[0] / NS / NS), Math.floor(y[0] / NS) % NS, y[0] % NS];
      return fa - fb || ta - tb || la - lb;
    })
    .map(([key, [ad, da]]) => {
      const pp = d.ports[Math.floor(key / NS / NS)]!;
      return {
        fromNamespace: ids.namespaces[Math.floor(key / NS) % NS]!,
        toNamespace: ids.namespaces[key % NS]!,
        port: pp.port,
        protocol: pp.protocol,
        allowedToDenied: ad,
        deniedToAllowed: da,
      };
    })
    .filter((r) => r.allowedToDenied + r.deniedToAllowed > 0);
}
