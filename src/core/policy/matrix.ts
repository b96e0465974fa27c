import { type PodClasses, buildClasses } from './classes';
import type { PolicyIndex } from './compile';
import { classPolicies, computeLayer, wordsSink } from './layer';
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
    computeLayer(index, classes, pp, null, cp, wordsSink(buf.subarray(i * size, (i + 1) * size), W));
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
    computeLayer(index, classes, pp, null, cp, wordsSink(buf, W));
    yield { ports: [pp], classes, layers: [new Uint8Array(buf.buffer)], stride: W * 4, ...meta };
  }
}

export function podMeta(index: PolicyIndex): { nodeOfPod: Uint32Array; hostNetwork: Uint8Array } {
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
