import type { PodClasses } from './classes';
import type { CompiledPolicy, CompiledRule, PolicyIndex } from './compile';
import { selectingPolicies } from './evaluate';
import { portMatches } from './ports';
import type { PortProto } from './types';
import { RowSlab } from './row-slab';

/**
 * One layer (one port/protocol) of the class reachability matrix: which classes' representatives
 * may open a connection to which, as Kubernetes NetworkPolicy decides it — a flow is allowed when
 * the source's egress policies (if any select it) admit the destination and port, and the
 * destination's ingress policies (if any) admit the source (Kubernetes NetworkPolicy docs,
 * "isolation"; policies are additive, a union of their rules).
 */

type Bits = Uint32Array | null; // null = every class

/**
 * What an incremental update may keep: rows not affected keep their previous words except in the
 * affected columns `cols`, which are recomputed bit by bit.
 */
export interface Reuse {
  rowAffected: Uint8Array;
  cols: number[];
}

/**
 * Where a layer's cells go: whole computed rows, and for an update the unaffected rows (`keep`)
 * and their recomputed bits in the affected columns (`bit`, `k` = index into `Reuse.cols`).
 */
export interface LayerSink {
  /** When set, whole rows are computed straight into these words at `s * W` (`row` is not called). */
  words?: Uint32Array;
  row(s: number, words: Uint32Array): void;
  keep(s: number): void;
  bit(s: number, k: number, d: number, on: boolean): void;
}

/** A sink writing a whole layer into `out` (C × W words); `copyRow` gives unaffected rows. */
export function wordsSink(
  out: Uint32Array,
  W: number,
  copyRow: (s: number, out: Uint32Array, at: number) => void = () => {},
): LayerSink {
  return {
    words: out,
    row: (s, words) => out.set(words, s * W),
    keep: (s) => copyRow(s, out, s * W),
    bit: (s, _k, d, on) => {
      const at = s * W + (d >>> 5);
      const m = 1 << (d & 31);
      out[at] = on ? out[at]! | m : out[at]! & ~m;
    },
  };
}

/** The policies isolating each class's representative, per direction (shared by every layer). */
export interface ClassPolicies {
  ingress: CompiledPolicy[][];
  egress: CompiledPolicy[][];
  /** Per class: the egress policy keys joined (classes with the same list share an egress row). */
  egressKey: string[];
  /** Class bitmaps of peer atoms and of whole rules' peers (port-independent, so shared by layers). */
  atomBits: Map<number, Bits>;
  ruleBits: Map<CompiledRule, Bits>;
  /** Where those bitmaps live (kept across layers), and one layer's scratch bitmaps (reset per layer). */
  rows: RowSlab;
  scratch: RowSlab;
}

/**
 * The policies of the classes computed last, per classes object: a policy edit changes the selecting
 * policies only of the Pods the old or new version of the edited policy selects, so the next
 * update takes every other class's lists from here.
 */
const policiesOfClasses = new WeakMap<PodClasses, ClassPolicies>();

/** What `classPolicies` may reuse: the lists of `classes`, valid for every Pod not in `scope`. */
export interface PreviousPolicies {
  classes: PodClasses;
  scope: Uint8Array;
}

export function classPolicies(
  index: PolicyIndex,
  cl: PodClasses,
  prev: PreviousPolicies | null = null,
  /** Remember the lists as those of `cl` (false for lists of a passing edit on classes kept). */
  remember = true,
): ClassPolicies {
  const ingress: CompiledPolicy[][] = [];
  const egress: CompiledPolicy[][] = [];
  const egressKey: string[] = [];
  const old = prev && policiesOfClasses.get(prev.classes);
  // a list is reused only while every policy in it is still the index's current object (a what-if
  // puts edited policies back as new objects; their classes are then looked up again)
  const current = (list: CompiledPolicy[]): boolean => list.every((p) => index.policies.get(p.key) === p);
  for (let c = 0; c < cl.count; c++) {
    const r = cl.rep[c]!;
    if (old && prev.scope[r] === 0) {
      const oc = prev.classes.classOfPod[r]!;
      const i = old.ingress[oc]!;
      const e = old.egress[oc]!;
      if (current(i) && current(e)) {
        ingress.push(i);
        egress.push(e);
        egressKey.push(old.egressKey[oc]!);
        continue;
      }
    }
    const rep = index.pods[r]!;
    ingress.push(selectingPolicies(index, rep, 'ingress'));
    const e = selectingPolicies(index, rep, 'egress');
    egress.push(e);
    egressKey.push(e.map((p) => p.key).join('\u0000'));
  }
  const W = (cl.count + 31) >>> 5;
  const cp: ClassPolicies = {
    ingress,
    egress,
    egressKey,
    atomBits: new Map(),
    ruleBits: new Map(),
    rows: new RowSlab(W),
    scratch: new RowSlab(W),
  };
  if (remember) policiesOfClasses.set(cl, cp);
  return cp;
}

/**
 * Computes one layer's bitmap into `sink`: every row, or with `reuse` only the affected rows whole
 * and the affected columns of the other rows.
 */
export function computeLayer(
  index: PolicyIndex,
  cl: PodClasses,
  pp: PortProto,
  reuse: Reuse | null,
  cp: ClassPolicies,
  sink: LayerSink,
): void {
  const C = cl.count;
  const W = (C + 31) >>> 5;
  const atomBits = cp.atomBits;
  const scratch = cp.scratch;
  scratch.reset();
  const bitsOfAtom = (a: number): Bits => {
    let b = atomBits.get(a);
    if (b !== undefined) return b;
    if (cl.universalAtoms.has(a)) b = null;
    else {
      b = cp.rows.alloc();
      for (const c of cl.atomClasses.get(a) ?? []) b[c >>> 5]! |= 1 << (c & 31);
    }
    atomBits.set(a, b);
    return b;
  };
  const peersBits = (r: CompiledRule): Bits => {
    if (r.peers === null) return null;
    let out = cp.ruleBits.get(r);
    if (out !== undefined) return out;
    out = cp.rows.alloc();
    for (const a of r.peers) {
      const b = bitsOfAtom(a);
      if (b === null) {
        out = null;
        break;
      }
      for (let w = 0; w < W; w++) out[w]! |= b[w]!;
    }
    cp.ruleBits.set(r, out);
    return out;
  };
  // --- ingress, transposed: colsOf(a) = destination classes whose matching ingress rules name
  // peer atom a; openCols = destinations open to every source (not isolated, or an all-peers rule) ---
  const openCols = new Uint32Array(W);
  // kept as column lists; a long list becomes a bitmap on first use (the OR is then per word)
  const colsOf = new Map<number, number[]>();
  const colBits = new Map<number, Uint32Array>();
  const setCol = (bits: Uint32Array, d: number): void => {
    bits[d >>> 5]! |= 1 << (d & 31);
  };
  for (let d = 0; d < C; d++) {
    const rep = index.pods[cl.rep[d]!]!;
    const pols = cp.ingress[d]!;
    if (pols.length === 0) {
      setCol(openCols, d);
      continue;
    }
    rules: for (const p of pols)
      for (const r of p.ingress!) {
        if (r.ports !== null && !r.ports.some((x) => portMatches(x, pp.port, pp.protocol, rep.ports)))
          continue;
        if (r.peers === null || r.peers.some((a) => cl.universalAtoms.has(a))) {
          setCol(openCols, d);
          break rules;
        }
        for (const a of r.peers) {
          const cols = colsOf.get(a);
          if (!cols) colsOf.set(a, [d]);
          else if (cols[cols.length - 1] !== d) cols.push(d);
        }
      }
  }
  // --- egress: E[s] = destinations s may send to (null = all) ---
  const namedBits = new Map<string, Uint32Array>();
  const bitsOfNamed = (name: string): Uint32Array => {
    let b = namedBits.get(name);
    if (b) return b;
    b = scratch.alloc();
    const key = `${name}/${pp.protocol}`;
    for (let c = 0; c < C; c++) if (cl.namedPorts[c]!.get(key) === pp.port) b[c >>> 5]! |= 1 << (c & 31);
    namedBits.set(name, b);
    return b;
  };
  const egressCache = new Map<string, Bits>();
  const egressOf = (s: number): Bits => {
    const pols = cp.egress[s]!;
    if (pols.length === 0) return null;
    const key = cp.egressKey[s]!;
    let bits = egressCache.get(key);
    if (bits !== undefined) return bits;
    const acc = scratch.alloc();
    let all = false;
    outer: for (const p of pols)
      for (const r of p.egress!) {
        // undefined = the rule admits no port of this layer (skipped), null = every destination
        let portBits: Bits | undefined;
        if (r.ports === null) portBits = null;
        else
          for (const x of r.ports) {
            if (x.protocol !== pp.protocol) continue;
            if (x.kind === 'named') {
              const nb = bitsOfNamed(x.name);
              const into: Uint32Array = portBits ?? scratch.alloc();
              for (let w = 0; w < W; w++) into[w]! |= nb[w]!;
              portBits = into;
            } else if (x.kind === 'any' || (pp.port >= x.from && pp.port <= x.to)) {
              portBits = null;
              break;
            }
          }
        if (portBits === undefined) continue;
        const pb = peersBits(r);
        if (pb === null && portBits === null) {
          all = true;
          break outer;
        }
        if (pb === null) for (let w = 0; w < W; w++) acc[w]! |= portBits![w]!;
        else if (portBits === null) for (let w = 0; w < W; w++) acc[w]! |= pb[w]!;
        else for (let w = 0; w < W; w++) acc[w]! |= pb[w]! & portBits[w]!;
      }
    bits = all ? null : acc;
    egressCache.set(key, bits);
    return bits;
  };
  // --- combine: M[s][d] = E[s][d] & (d open, or some peer atom of s admitted into d) ---
  const tail = C & 31 ? (1 << (C & 31)) - 1 : -1;
  const target = sink.words;
  const row = new Uint32Array(W);
  // for an update: per affected column, the peer atoms admitted into it (so an unaffected row
  // recomputes only its bits in those columns, not the whole row)
  const atomsInto: Set<number>[] = [];
  if (reuse !== null && reuse.cols.length > 0) {
    const at = new Map<number, Set<number>>();
    for (const d of reuse.cols) at.set(d, new Set());
    for (const [a, list] of colsOf) for (const d of list) at.get(d)?.add(a);
    for (const d of reuse.cols) atomsInto.push(at.get(d)!);
  }
  for (let s = 0; s < C; s++) {
    if (reuse !== null && !reuse.rowAffected[s]) {
      // unaffected row: previous words, then the affected columns, bit by bit as the full row below
      // would compute them: (open, or a peer atom of s admitted) and egress-allowed
      sink.keep(s);
      if (reuse.cols.length === 0) continue;
      const E = egressOf(s);
      const mine = cl.atoms[s]!;
      reuse.cols.forEach((d, k) => {
        const w = d >>> 5;
        const m = 1 << (d & 31);
        let bit = (openCols[w]! & m) !== 0;
        if (!bit) {
          const into = atomsInto[k]!;
          if (into.size > 0) bit = mine.some((a) => into.has(a));
        }
        if (bit && E !== null) bit = (E[w]! & m) !== 0;
        sink.bit(s, k, d, bit);
      });
      continue;
    }
    // the row's words: straight in the sink's layer when it has one, else in `row` and handed over
    const out = target ?? row;
    const at = target ? s * W : 0;
    out.set(openCols, at);
    for (const a of cl.atoms[s]!) {
      const cols = colsOf.get(a);
      if (!cols) continue;
      if (cols.length * 4 < W) {
        for (const d of cols) out[at + (d >>> 5)]! |= 1 << (d & 31);
        continue;
      }
      let bits = colBits.get(a);
      if (!bits) {
        colBits.set(a, (bits = scratch.alloc()));
        for (const d of cols) setCol(bits, d);
      }
      for (let w = 0; w < W; w++) out[at + w]! |= bits[w]!;
    }
    const E = egressOf(s);
    if (E !== null) for (let w = 0; w < W; w++) out[at + w]! &= E[w]!;
    out[at + W - 1]! &= tail;
    if (!target) sink.row(s, row);
  }
}
