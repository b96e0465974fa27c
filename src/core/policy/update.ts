import type { K8sNetworkPolicy } from '../model/k8s';
import { type PodClasses, buildClasses, reatomedClasses } from './classes';
import { type CompiledPolicy, type PolicyIndex, setPolicy } from './compile';
import { type ClassPolicies, type LayerSink, classPolicies, computeLayer, wordsSink } from './layer';
import type { ReachabilityMatrix } from './matrix';

/**
 * One NetworkPolicy edit (create, replace or delete) against a matrix computed before it. A policy
 * only ever decides for the Pods it selects (Kubernetes NetworkPolicy docs, "isolation"): the
 * cells that can change are the rows of classes holding a Pod the old or new version selects for
 * egress and the columns of classes holding one it selects for ingress.
 */

/** Per Pod: 1 = a changed policy selects it for ingress, 2 = for egress. */
export type PolicyScope = Uint8Array;

/** Marks the Pods a compiled policy selects, per direction it isolates (1 ingress, 2 egress). */
export function markScope(index: PolicyIndex, p: CompiledPolicy, into: PolicyScope): void {
  const flag = (p.ingress !== null ? 1 : 0) | (p.egress !== null ? 2 : 0);
  for (const g of index.atoms[p.target]!.groups) for (const pod of index.groups[g]!.pods) into[pod]! |= flag;
}

/** An edit applied to the index, and what it may change in the matrix computed before it. */
export interface AppliedEdit {
  scope: PolicyScope;
  /** Classes after the edit, and the previous class of each (by its representative). */
  classes: PodClasses;
  oldOfNew: Uint32Array;
  /** Every class keeps its number (its representative's previous class is the same number). */
  sameNumbers: boolean;
  /** Besides, every Pod stays in its class: the edit split, merged or moved nothing. */
  sameClasses: boolean;
  /** Classes (after) whose rows / columns may change. */
  rowAffected: Uint8Array;
  cols: number[];
  policies: ClassPolicies;
}

/** Applies `policy` as `key` (null deletes it) to the index; `m` is a matrix of the index before. */
export function applyEdit(
  m: ReachabilityMatrix,
  index: PolicyIndex,
  policy: K8sNetworkPolicy | null,
  key: string,
): AppliedEdit {
  const n = index.pods.length;
  const scope = new Uint8Array(n);
  const old = index.policies.get(key);
  if (old) markScope(index, old, scope);
  setPolicy(index, policy, key);
  const now = index.policies.get(key);
  if (now) markScope(index, now, scope);
  // No atom created or released since `m` and no named port involved: the classes are `m`'s own
  // (classes only follow atoms, ipBlocks and referenced named ports). A copy, so the class policy
  // lists remembered for it (layer.ts) are never taken for `m`'s.
  const kept = m.classes.epoch === index.atomEpoch && !namesPorts(old) && !namesPorts(now);
  const classes = kept ? { ...m.classes } : buildClasses(index);
  const C = classes.count;
  const { rowAffected, cols } = affected(classes, scope);
  const oldOfNew = new Uint32Array(C);
  let sameNumbers = C === m.classes.count;
  for (let c = 0; c < C; c++) {
    oldOfNew[c] = m.classes.classOfPod[classes.rep[c]!]!;
    if (oldOfNew[c] !== c) sameNumbers = false;
  }
  let sameClasses = sameNumbers;
  for (let i = 0; !kept && sameClasses && i < n; i++)
    sameClasses = classes.classOfPod[i] === m.classes.classOfPod[i];
  const policies = classPolicies(index, classes, { classes: m.classes, scope });
  return { scope, classes, oldOfNew, sameNumbers, sameClasses, rowAffected, cols, policies };
}

/**
 * Deletes policy `key` from the index, keeping the class numbers of `m`. Deleting only releases
 * selector atoms, so every class after is a union of classes before: each class of `m` is still
 * one no remaining policy can split, and its cells can be recomputed under the remaining policies
 * with the atoms its Pods hold now (`reatomedClasses`, no new partition). The class policy lists are not remembered as `m`'s:
 * they hold for the index without `key`.
 */
export function applyDeletion(m: ReachabilityMatrix, index: PolicyIndex, key: string): AppliedEdit {
  const scope = new Uint8Array(index.pods.length);
  const old = index.policies.get(key);
  if (old) markScope(index, old, scope);
  setPolicy(index, null, key);
  const classes = reatomedClasses(m.classes, index);
  const { rowAffected, cols } = affected(classes, scope);
  const policies = classPolicies(index, classes, { classes: m.classes, scope }, false);
  const oldOfNew = Uint32Array.from({ length: classes.count }, (_, c) => c);
  return { scope, classes, oldOfNew, sameNumbers: true, sameClasses: true, rowAffected, cols, policies };
}

/** Classes holding a Pod in the egress scope (rows that may change) / ingress scope (columns). */
function affected(classes: PodClasses, scope: PolicyScope): { rowAffected: Uint8Array; cols: number[] } {
  const rowAffected = new Uint8Array(classes.count);
  const colAffected = new Uint8Array(classes.count);
  for (let i = 0; i < scope.length; i++) {
    const f = scope[i]!;
    if (f & 1) colAffected[classes.classOfPod[i]!] = 1;
    if (f & 2) rowAffected[classes.classOfPod[i]!] = 1;
  }
  const cols: number[] = [];
  for (let c = 0; c < classes.count; c++) if (colAffected[c]) cols.push(c);
  return { rowAffected, cols };
}

/** Whether a policy names a container port by name (named ports split classes, classes.ts). */
const namesPorts = (p: CompiledPolicy | undefined): boolean =>
  p !== undefined &&
  [p.ingress, p.egress].some((rules) => rules?.some((r) => r.ports?.some((x) => x.kind === 'named')));

const wordsOf = (layer: Uint8Array): Uint32Array =>
  new Uint32Array(layer.buffer, layer.byteOffset, layer.byteLength >>> 2);

/** The matrix after an applied edit: unaffected cells copied from `m`, the others recomputed. */
export function editedMatrix(
  m: ReachabilityMatrix,
  index: PolicyIndex,
  e: AppliedEdit,
  /** Where layer `i` of the result goes (zeroed, `words` long); default: a new array. */
  buffer: (layer: number, words: number) => Uint32Array = (_, words) => new Uint32Array(words),
): ReachabilityMatrix {
  const { classes, oldOfNew } = e;
  const C = classes.count;
  const W = (C + 31) >>> 5;
  const oldW = m.stride >>> 2;
  const layers = m.ports.map((pp, li) => {
    const old = wordsOf(m.layers[li]!);
    const copyRow = e.sameNumbers
      ? (s: number, out: Uint32Array, at: number): void => out.set(old.subarray(s * W, s * W + W), at)
      : (s: number, out: Uint32Array, at: number): void => {
          // classes were renumbered: read old bit (oldOfNew[s], oldOfNew[d]) straight from the old words
          const ob = oldOfNew[s]! * oldW;
          for (let d = 0; d < C; d++) {
            const od = oldOfNew[d]!;
            if ((old[ob + (od >>> 5)]! >>> (od & 31)) & 1) out[at + (d >>> 5)]! |= 1 << (d & 31);
          }
        };
    const words = buffer(li, C * W);
    const reuse = { rowAffected: e.rowAffected, cols: e.cols };
    computeLayer(index, classes, pp, reuse, e.policies, wordsSink(words, W, copyRow));
    return new Uint8Array(words.buffer, words.byteOffset, C * W * 4);
  });
  // a policy edit leaves the Pods as they are: their node and hostNetwork arrays are shared
  return {
    ports: m.ports,
    classes,
    layers,
    stride: W * 4,
    nodeOfPod: m.nodeOfPod,
    hostNetwork: m.hostNetwork,
  };
}

/**
 * Applies one policy edit (create/replace, or delete when `policy` is null) to the index and the
 * matrix. Only cells whose source class (egress) or destination class (ingress) contains a Pod the
 * old or new policy selects are recomputed; every other cell keeps its previous value.
 */
export function updateMatrix(
  m: ReachabilityMatrix,
  index: PolicyIndex,
  policy: K8sNetworkPolicy | null,
  key: string,
  buffer?: (layer: number, words: number) => Uint32Array,
): ReachabilityMatrix {
  return editedMatrix(m, index, applyEdit(m, index, policy, key), buffer);
}

/**
 * Only the cells an edit that kept the classes can change, per layer: the new words of each
 * affected row, and the new bit of every other row in each affected column. A what-if at scale
 * compares these with the matrix before instead of writing a whole new matrix.
 */
export interface ChangedCells {
  rowAffected: Uint8Array;
  /** Affected columns (classes), ascending. */
  cols: number[];
  /** Per layer: affected row → its words after the edit. */
  rows: Map<number, Uint32Array>[];
  /** Per layer, per affected column (index into `cols`): 1 per class row allowed after the edit. */
  colBits: Uint8Array[][];
}

/** The changed cells of an applied edit whose classes are the matrix's own (`sameClasses`). */
export function changedCells(m: ReachabilityMatrix, index: PolicyIndex, e: AppliedEdit): ChangedCells {
  if (!e.sameClasses) throw new Error('changedCells: the edit changed the classes');
  const C = e.classes.count;
  const rows: Map<number, Uint32Array>[] = [];
  const colBits: Uint8Array[][] = [];
  m.ports.forEach((pp) => {
    const r = new Map<number, Uint32Array>();
    const cb = e.cols.map(() => new Uint8Array(C));
    const sink: LayerSink = {
      row: (s, words) => r.set(s, words.slice()),
      keep: () => {},
      bit: (s, k, _d, on) => {
        cb[k]![s] = on ? 1 : 0;
      },
    };
    computeLayer(index, e.classes, pp, { rowAffected: e.rowAffected, cols: e.cols }, e.policies, sink);
    rows.push(r);
    colBits.push(cb);
  });
  return { rowAffected: e.rowAffected, cols: e.cols, rows, colBits };
}
