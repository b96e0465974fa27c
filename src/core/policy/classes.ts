import type { Protocol } from '../model/k8s';
import { type PolicyIndex, ipInBlock } from './compile';

/**
 * Equivalence classes of Pods for reachability: two Pods share a class when no policy can tell
 * them apart — they match the same selector atoms (same namespace labels + Pod labels as far as
 * any selector looks), fall in the same ipBlocks, resolve every referenced named port to the same
 * number, and agree on hostNetwork. The matrix is computed class × class and expanded lazily.
 */
export interface PodClasses {
  count: number;
  classOfPod: Uint32Array;
  /** A representative Pod per class. */
  rep: Uint32Array;
  /** Per class: matched atoms (selector atoms and ipBlocks matching some but not all Pods), sorted. */
  atoms: number[][];
  /** ipBlock atoms that match every Pod. */
  universalAtoms: Set<number>;
  /** Per class: `name/PROTO` → port number, for every named port some policy references. */
  namedPorts: Map<string, number>[];
  hostNetwork: Uint8Array;
  /** CSR of atom → classes. */
  atomClasses: Map<number, number[]>;
  /** The index's atom epoch when these classes were built (compile.ts `atomEpoch`). */
  epoch: number;
}

/** Named ports (`name/PROTO`) referenced by any compiled policy. */
function referencedNamedPorts(index: PolicyIndex): Set<string> {
  const out = new Set<string>();
  for (const p of index.policies.values())
    for (const rules of [p.ingress, p.egress])
      for (const r of rules ?? [])
        for (const pp of r.ports ?? []) if (pp.kind === 'named') out.add(`${pp.name}/${pp.protocol}`);
  return out;
}

/**
 * The ipBlock atoms (matching some but not all Pods) each Pod falls in, as an interned signature:
 * `sigOfPod[i]` indexes `sigAtoms` (0 = none). Members are found by binary search over Pod IPs
 * sorted once; signatures are grown atom by atom through a transition table (no per-Pod lists).
 */
function ipMemberships(index: PolicyIndex): {
  sigOfPod: Uint32Array | null;
  sigAtoms: number[][];
  universal: Set<number>;
} {
  const universal = new Set<number>();
  const n = index.pods.length;
  const ipAtoms = index.atoms.filter((a) => a.refs > 0 && a.spec.kind === 'ip');
  if (ipAtoms.length === 0) return { sigOfPod: null, sigAtoms: [[]], universal };
  // Pod IPs never change for an index: sort once and keep it
  const { order, sorted } = (index.ipOrder ??= sortByIp(index));
  const lower = (x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const sigOfPod = new Uint32Array(n);
  const sigAtoms: number[][] = [[]];
  const next = new Map<number, number>(); // sig * ipAtoms.length + k → sig
  const A = ipAtoms.length;
  ipAtoms.forEach((atom, k) => {
    if (atom.spec.kind !== 'ip') return;
    const spec = atom.spec;
    const lo = lower(spec.base);
    const size = spec.mask === 0 ? 2 ** 32 : (~spec.mask >>> 0) + 1;
    const hi = lower(spec.base + size);
    const members: number[] = [];
    for (let i = lo; i < hi; i++) if (ipInBlock(spec, sorted[i]!)) members.push(order[i]!);
    if (members.length === n) {
      universal.add(atom.id);
      return;
    }
    for (const p of members) {
      const from = sigOfPod[p]!;
      let to = next.get(from * A + k);
      if (to === undefined) {
        to = sigAtoms.length;
        sigAtoms.push([...sigAtoms[from]!, atom.id]);
        next.set(from * A + k, to);
      }
      sigOfPod[p] = to;
    }
  });
  return { sigOfPod, sigAtoms, universal };
}

const NO_NAMED_PORTS: Map<string, number> = new Map();

function sortByIp(index: PolicyIndex): { order: Uint32Array; sorted: Float64Array } {
  const n = index.pods.length;
  const ips = new Float64Array(n);
  for (let i = 0; i < n; i++) ips[i] = index.pods[i]!.ip;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => ips[a]! - ips[b]!);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = ips[order[i]!]!;
  return { order, sorted };
}

/** Distinct container-port lists of the Pods (by content), computed once per Pod list. */
const portSigCache = new WeakMap<
  object,
  { sigOfPod: Uint32Array; sigPorts: PolicyIndex['pods'][number]['ports'][] }
>();

function portSignatures(index: PolicyIndex): {
  sigOfPod: Uint32Array;
  sigPorts: PolicyIndex['pods'][number]['ports'][];
} {
  let hit = portSigCache.get(index.pods);
  if (hit) return hit;
  const n = index.pods.length;
  const sigOfPod = new Uint32Array(n);
  const sigPorts: PolicyIndex['pods'][number]['ports'][] = [];
  const byText = new Map<string, number>();
  const byRef = new Map<object, number>();
  for (let i = 0; i < n; i++) {
    const ports = index.pods[i]!.ports;
    let id = byRef.get(ports);
    if (id === undefined) {
      const text = ports.map((p) => `${p.name ?? ''}/${p.protocol ?? 'TCP'}=${p.containerPort}`).join(',');
      id = byText.get(text);
      if (id === undefined) {
        id = sigPorts.length;
        byText.set(text, id);
        sigPorts.push(ports);
      }
      byRef.set(ports, id);
    }
    sigOfPod[i] = id;
  }
  hit = { sigOfPod, sigPorts };
  portSigCache.set(index.pods, hit);
  return hit;
}

/**
 * Pods that no policy edit can ever tell apart: same label group (namespace, labels, hostNetwork)
 * and same container-port list. Fixed for a policy index (its Pods never change), so computed once
 * and cached; numbered in order of their first Pod, which keeps class numbering the same as a walk
 * over every Pod would give.
 */
interface SubGroups {
  count: number;
  ofPod: Uint32Array;
  group: Uint32Array;
  portSig: Uint32Array;
  firstPod: Uint32Array;
}

const subGroupCache = new WeakMap<Uint32Array, SubGroups>();

function subGroups(index: PolicyIndex, portSigOfPod: Uint32Array, portSigCount: number): SubGroups {
  let hit = subGroupCache.get(index.groupOfPod);
  if (hit) return hit;
  const n = index.pods.length;
  const ofPod = new Uint32Array(n);
  const byKey = new Map<number, number>();
  const group: number[] = [];
  const portSig: number[] = [];
  const firstPod: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = index.groupOfPod[i]!;
    const k = g * portSigCount + portSigOfPod[i]!;
    let s = byKey.get(k);
    if (s === undefined) {
      s = firstPod.length;
      byKey.set(k, s);
      group.push(g);
      portSig.push(portSigOfPod[i]!);
      firstPod.push(i);
    }
    ofPod[i] = s;
  }
  hit = {
    count: firstPod.length,
    ofPod,
    group: Uint32Array.from(group),
    portSig: Uint32Array.from(portSig),
    firstPod: Uint32Array.from(firstPod),
  };
  subGroupCache.set(index.groupOfPod, hit);
  return hit;
}

/**
 * Partitions the Pods into classes under the current policies. O(sub-groups) without ipBlocks
 * (every Pod of a sub-group shares a class), O(Pods + memberships) with them.
 */
export function buildClasses(index: PolicyIndex): PodClasses {
  const n = index.pods.length;
  const named = referencedNamedPorts(index);
  const { sigOfPod: ipSigOfPod, sigAtoms: ipSigAtoms, universal } = ipMemberships(index);
  const groupSig = new Map<string, number>();
  const sigOfGroup = index.groups.map((g) => {
    const k = `${g.hostNetwork ? 'h' : ''}${g.atoms.join(',')}`;
    let id = groupSig.get(k);
    if (id === undefined) groupSig.set(k, (id = groupSig.size));
    return id;
  });
  const classByKey = new Map<number, number>();
  const classOfPod = new Uint32Array(n);
  const reps: number[] = [];
  const atoms: number[][] = [];
  const namedPorts: Map<string, number>[] = [];
  const hostNet: number[] = [];
  // Pods with the same container ports resolve every named port alike: the `name/PROTO=port` text
  // is computed once per distinct ports list (there are a handful), not once per Pod.
  const { sigOfPod, sigPorts } = portSignatures(index);
  const npOfSig: string[] = sigPorts.map((ports) => {
    let np = '';
    if (named.size > 0)
      for (const cp of ports) {
        if (cp.name === undefined) continue;
        const k = `${cp.name}/${cp.protocol ?? 'TCP'}`;
        if (named.has(k)) np += `${k}=${cp.containerPort},`;
      }
    return np;
  });
  const npId = new Map<string, number>();
  const npIdOfSig = npOfSig.map((np) => npId.get(np) ?? (npId.set(np, npId.size), npId.size - 1));
  const stride = npId.size;
  const sub = subGroups(index, sigOfPod, sigPorts.length);
  const resolvedOfSig: (Map<string, number> | undefined)[] = [];
  /** The class of Pod `i` in sub-group `s` with ipBlock signature `ipSig`, created on first sight. */
  const classOf = (i: number, s: number, ipSig: number): number => {
    const g = sub.group[s]!;
    const sig = sub.portSig[s]!;
    // group signature × ipBlock signature × named-port variant, as one number
    const key = (sigOfGroup[g]! * ipSigAtoms.length + ipSig) * stride + npIdOfSig[sig]!;
    let c = classByKey.get(key);
    if (c === undefined) {
      c = reps.length;
      classByKey.set(key, c);
      reps.push(i);
      const pod = index.pods[i]!;
      atoms.push(atomsOf(index.groups[g]!.atoms, ipSigAtoms[ipSig]!));
      // one resolution per distinct ports list, shared by its classes (read only)
      let resolved = resolvedOfSig[sig];
      if (!resolved) {
        resolvedOfSig[sig] = resolved = npOfSig[sig] ? new Map<string, number>() : NO_NAMED_PORTS;
        // first container port of a name wins, as in the named-port lookup of ports.ts
        if (resolved !== NO_NAMED_PORTS)
          for (const cp of pod.ports) {
            const k = `${cp.name}/${cp.protocol ?? 'TCP'}`;
            if (cp.name !== undefined && named.has(k) && !resolved.has(k)) resolved.set(k, cp.containerPort);
          }
      }
      namedPorts.push(resolved);
      hostNet.push(pod.hostNetwork ? 1 : 0);
    }
    return c;
  };
  if (ipSigOfPod) for (let i = 0; i < n; i++) classOfPod[i] = classOf(i, sub.ofPod[i]!, ipSigOfPod[i]!);
  else {
    // sub-groups in order of their first Pod: classes are created in the same order as Pod by Pod
    const classOfSub = new Uint32Array(sub.count);
    for (let s = 0; s < sub.count; s++) classOfSub[s] = classOf(sub.firstPod[s]!, s, 0);
    for (let i = 0; i < n; i++) classOfPod[i] = classOfSub[sub.ofPod[i]!]!;
  }
  return {
    count: reps.length,
    classOfPod,
    rep: Uint32Array.from(reps),
    atoms,
    universalAtoms: universal,
    namedPorts,
    hostNetwork: Uint8Array.from(hostNet),
    atomClasses: atomClassesOf(atoms),
    epoch: index.atomEpoch,
  };
}

/** A class's atoms: its label group's selector atoms and the ipBlocks holding its IP, sorted. */
function atomsOf(groupAtoms: readonly number[], ipAtoms: readonly number[]): number[] {
  return ipAtoms.length ? [...groupAtoms, ...ipAtoms].sort((a, b) => a - b) : groupAtoms.slice();
}

/** Atom → the classes whose atom lists hold it, in class order (counted first, then filled). */
function atomClassesOf(atoms: readonly number[][]): Map<number, number[]> {
  let top = -1;
  for (const list of atoms) for (const a of list) if (a > top) top = a;
  const count = new Uint32Array(top + 1);
  for (const list of atoms) for (const a of list) count[a]!++;
  const lists: number[][] = [];
  const out = new Map<number, number[]>();
  for (let a = 0; a <= top; a++)
    if (count[a]! > 0) {
      const l: number[] = new Array<number>(count[a]!);
      lists[a] = l;
      out.set(a, l);
      count[a] = 0;
    }
  atoms.forEach((list, c) => {
    for (const a of list) lists[a]![count[a]!++] = c;
  });
  return out;
}

/** The port number a class's Pods resolve `name/protocol` to, or undefined. */
export function classNamedPort(
  classes: PodClasses,
  c: number,
  name: string,
  protocol: Protocol,
): number | undefined {
  return classes.namedPorts[c]!.get(`${name}/${protocol}`);
}

/**
 * `fine`'s classes (numbers, representatives, Pods) with the atoms each holds under the index's
 * current atoms. Valid when no current selector or ipBlock can split a class of `fine`, as after a
 * policy is deleted (deleting only releases atoms): every Pod of a class then shares its
 * representative's atoms. Named ports stay `fine`'s: the remaining policies name a subset of them,
 * resolved alike. Lets cells be recomputed in `fine`'s numbering (atom ids can change when a
 * what-if puts a policy back) without partitioning every Pod again.
 */
export function reatomedClasses(fine: PodClasses, index: PolicyIndex): PodClasses {
  const { sigOfPod: ipSigOfPod, sigAtoms: ipSigAtoms, universal } = ipMemberships(index);
  const atoms = Array.from(fine.rep, (r) =>
    atomsOf(index.groups[index.groupOfPod[r]!]!.atoms, ipSigAtoms[ipSigOfPod ? ipSigOfPod[r]! : 0]!),
  );
  return {
    count: fine.count,
    classOfPod: fine.classOfPod,
    rep: fine.rep,
    atoms,
    universalAtoms: universal,
    namedPorts: fine.namedPorts,
    hostNetwork: fine.hostNetwork,
    atomClasses: atomClassesOf(atoms),
    epoch: index.atomEpoch,
  };
}
