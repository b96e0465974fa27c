import type { K8sNetworkPolicy } from '../model/k8s';
import { type PodClasses, buildClasses } from './classes';
import { type CompiledPolicy, type CompiledRule, type PolicyIndex, setPolicy } from './compile';
import { selectingPolicies } from './evaluate';
import { portMatches } from './ports';
import type { PortProto } from './types';

/**
 * The reachability matrix (Pods × Pods per port/protocol), computed class × class (see classes.ts)
 * as bitmaps and expanded to Pods only on demand: never a Pod × Pod object matrix.
 *
 * Layer layout: row = source class, column = destination class; bit (s, d) is bit `d & 7` of byte
 * `s * stride + (d >> 3)`, `stride = 4 * ceil(C / 32)` bytes (rows are whole 32-bit words, read
 * little-endian as every JS engine in practice is).
 */
export interface ReachabilityMatrix {
  ports: PortProto[];
  classes: PodClasses;
  /** One C × C bitmap per port/protocol, in `ports` order. */
  layers: Uint8Array[];
  /** Bytes per row of a layer. */
  stride: number;
  /** Node index per Pod, and whether the Pod is hostNetwork (for the own-node ingress exemption). */
  nodeOfPod: Uint32Array;
  hostNetwork: Uint8Array;
}

type Bits = Uint32Array | null; // null = every class

/** What an incremental update may keep: rows not affected are copied, then `cols` recomputed. */
interface Reuse {
  rowAffected: Uint8Array;
  cols: number[];
  copyRow: (s: number, out: Uint32Array, at: number) => void;
}

/** The policies isolating each class's representative, per direction (shared by every layer). */
interface ClassPolicies {
  ingress: CompiledPolicy[][];
  egress: CompiledPolicy[][];
  /** Per class: the egress policy keys joined (classes with the same list share an egress row). */
  egressKey: string[];
  /** Class bitmaps of peer atoms and of whole rules' peers (port-independent, so shared by layers). */
  atomBits: Map<number, Bits>;
  ruleBits: Map<CompiledRule, Bits>;
}

/**
 * The policies of the classes computed last, per classes object: a policy edit changes the selecting
 * policies only of the Pods the old or new version of the edited policy selects, so the next
 * update takes every other class's lists from here.
 */
const policiesOfClasses = new WeakMap<PodClasses, ClassPolicies>();

/** What `classPolicies` may reuse: the lists of `classes`, valid for every Pod not in `scope`. */
interface PreviousPolicies {
  classes: PodClasses;
  scope: Uint8Array;
}

function classPolicies(
  index: PolicyIndex,
  cl: PodClasses,
  prev: PreviousPolicies | null = null,
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
  const cp = { ingress, egress, egressKey, atomBits: new Map(), ruleBits: new Map() };
  policiesOfClasses.set(cl, cp);
  return cp;
}

/** Computes one layer's bitmap; `reuse(s, d)` may return a known bit (0/1) or -1 to compute. */
function computeLayer(
  index: PolicyIndex,
  cl: PodClasses,
  pp: PortProto,
  reuse: Reuse | null,
  cp: ClassPolicies,
  out: Uint32Array,
): void {
  const C = cl.count;
  const W = (C + 31) >>> 5;
  const atomBits = cp.atomBits;
  const bitsOfAtom = (a: number): Bits => {
    let b = atomBits.get(a);
    if (b !== undefined) return b;
    if (cl.universalAtoms.has(a)) b = null;
    else {
      b = new Uint32Array(W);
      for (const c of cl.atomClasses.get(a) ?? []) b[c >>> 5]! |= 1 << (c & 31);
    }
    atomBits.set(a, b);
    return b;
  };
  const peersBits = (r: CompiledRule): Bits => {
    if (r.peers === null) return null;
    let out = cp.ruleBits.get(r);
    if (out !== undefined) return out;
    out = new Uint32Array(W);
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
    b = new Uint32Array(W);
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
    const acc = new Uint32Array(W);
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
              const into: Uint32Array = portBits ?? new Uint32Array(W);
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
    const base = s * W;
    if (reuse !== null && !reuse.rowAffected[s]) {
      // unaffected row: previous words, then the affected columns, bit by bit as the full row below
      // would compute them: (open, or a peer atom of s admitted) and egress-allowed
      reuse.copyRow(s, out, base);
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
        out[base + w] = bit ? out[base + w]! | m : out[base + w]! & ~m;
      });
      continue;
    }
    row.set(openCols);
    for (const a of cl.atoms[s]!) {
      const cols = colsOf.get(a);
      if (!cols) continue;
      if (cols.length * 4 < W) {
        for (const d of cols) row[d >>> 5]! |= 1 << (d & 31);
        continue;
      }
      let bits = colBits.get(a);
      if (!bits) {
        colBits.set(a, (bits = new Uint32Array(W)));
        for (const d of cols) setCol(bits, d);
      }
      for (let w = 0; w < W; w++) row[w]! |= bits[w]!;
    }
    const E = egressOf(s);
    if (E !== null) for (let w = 0; w < W; w++) row[w]! &= E[w]!;
    row[W - 1]! &= tail;
    out.set(row, base);
  }
}

/**
 * Computes the reachability matrix for the given port/protocols over the current policies.
 * Cost ~ Pods + classes² / 32 per layer.
 */
export function computeMatrix(index: PolicyIndex, ports: readonly PortProto[]): ReachabilityMatrix {
  const classes = buildClasses(index);
  const W = (classes.count + 31) >>> 5;
  const cp = classPolicies(index, classes);
  // one buffer for every layer: a large ArrayBuffer per layer would make V8 run a full GC for each
  const size = classes.count * W;
  const buf = new Uint32Array(size * ports.length);
  const layers = ports.map((pp, i) => {
    computeLayer(index, classes, pp, null, cp, buf.subarray(i * size, (i + 1) * size));
    return new Uint8Array(buf.buffer, i * size * 4, size * 4);
  });
  return { ports: [...ports], classes, layers, stride: W * 4, ...podMeta(index) };
}

/**
 * The matrix one port/protocol at a time, each yielded as a one-layer matrix that shares a single
 * buffer with the next (read it before asking for the next one). For scans over many ports of a
 * large cluster (summaries, compact rows) that never need two layers at once.
 */
export function* eachLayer(index: PolicyIndex, ports: readonly PortProto[]): Generator<ReachabilityMatrix> {
  const classes = buildClasses(index);
  const W = (classes.count + 31) >>> 5;
  const cp = classPolicies(index, classes);
  const buf = new Uint32Array(classes.count * W);
  const meta = podMeta(index);
  for (const pp of ports) {
    computeLayer(index, classes, pp, null, cp, buf);
    yield { ports: [pp], classes, layers: [new Uint8Array(buf.buffer)], stride: W * 4, ...meta };
  }
}

function podMeta(index: PolicyIndex): { nodeOfPod: Uint32Array; hostNetwork: Uint8Array } {
  const n = index.pods.length;
  const nodeOfPod = new Uint32Array(n);
  const hostNetwork = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    nodeOfPod[i] = index.pods[i]!.nodeIndex;
    hostNetwork[i] = index.pods[i]!.hostNetwork ? 1 : 0;
  }
  return { nodeOfPod, hostNetwork };
}

/** Bit (s, d) of a class layer. */
export function classAllowed(m: ReachabilityMatrix, layer: number, s: number, d: number): boolean {
  return ((m.layers[layer]![s * m.stride + (d >>> 3)]! >>> (d & 7)) & 1) === 1;
}

/**
 * Whether Pod `src` may open a connection to Pod `dst` on layer `layer`. A hostNetwork Pod on the
 * destination's own node always passes ingress ("connections from the Pod's node" are allowed), and
 * its own egress is never isolated.
 */
export function podAllowed(m: ReachabilityMatrix, layer: number, src: number, dst: number): boolean {
  // A Pod reaching its own IP never leaves its netns (the kernel routes it over lo): no CNI enforces
  // policy there, and upstream's netpol e2e expects it allowed (`Reachability.AllowLoopback()`).
  if (src === dst) return true;
  if (m.hostNetwork[src] === 1 && m.nodeOfPod[src] === m.nodeOfPod[dst]) return true;
  return classAllowed(m, layer, m.classes.classOfPod[src]!, m.classes.classOfPod[dst]!);
}

/** Expands the Pods `rows` × `cols` of one layer into a bitmap (row-major, `cols.length` bits per row). */
export function expandBlock(
  m: ReachabilityMatrix,
  layer: number,
  rows: readonly number[],
  cols: readonly number[],
): Uint8Array {
  const out = new Uint8Array(Math.ceil((rows.length * cols.length) / 8));
  let bit = 0;
  for (const r of rows)
    for (const c of cols) {
      if (podAllowed(m, layer, r, c)) out[bit >>> 3]! |= 1 << (bit & 7);
      bit++;
    }
  return out;
}

/** Pods whose selection by policy `key` puts them in its ingress (bit 1) / egress (bit 2) scope. */
function policyScope(index: PolicyIndex, key: string, into: Uint8Array): void {
  const p = index.policies.get(key);
  if (!p) return;
  const flag = (p.ingress !== null ? 1 : 0) | (p.egress !== null ? 2 : 0);
  for (const g of index.atoms[p.target]!.groups) for (const pod of index.groups[g]!.pods) into[pod]! |= flag;
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
  /** Where layer `i` of the result goes (zeroed, `words` long); default: a new array. */
  buffer: (layer: number, words: number) => Uint32Array = (_, words) => new Uint32Array(words),
): ReachabilityMatrix {
  const n = index.pods.length;
  const scope = new Uint8Array(n);
  policyScope(index, key, scope);
  setPolicy(index, policy, key);
  policyScope(index, key, scope);
  const classes = buildClasses(index);
  const C = classes.count;
  const rowAff = new Uint8Array(C);
  const colAff = new Uint8Array(C);
  for (let i = 0; i < n; i++) {
    const f = scope[i]!;
    if (f & 1) colAff[classes.classOfPod[i]!] = 1;
    if (f & 2) rowAff[classes.classOfPod[i]!] = 1;
  }
  const oldOfNew = new Uint32Array(C);
  let identity = C === m.classes.count;
  for (let c = 0; c < C; c++) {
    oldOfNew[c] = m.classes.classOfPod[classes.rep[c]!]!;
    if (oldOfNew[c] !== c) identity = false;
  }
  const cols: number[] = [];
  for (let c = 0; c < C; c++) if (colAff[c]) cols.push(c);
  const W = (C + 31) >>> 5;
  const oldW = m.stride >>> 2;
  const cp = classPolicies(index, classes, { classes: m.classes, scope });
  const layers = m.ports.map((pp, li) => {
    const old = new Uint32Array(
      m.layers[li]!.buffer,
      m.layers[li]!.byteOffset,
      m.layers[li]!.byteLength >>> 2,
    );
    const copyRow = identity
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
    computeLayer(index, classes, pp, { rowAffected: rowAff, cols, copyRow }, cp, words);
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
