import type { Cluster, ClusterPod, Problem } from '../model/cluster';
import type { K8sNamespace, K8sNetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../model/k8s';
import type { Ipv4 } from '../net/ipv4';
import { problem as keyedProblem } from '../model/problem-messages';
import { type CompiledPort, compilePort } from './ports';
import { type CompiledSelector, compileSelector, selectorMatches } from './selector';
import { type ProblemFn, peerAtom, podsAtom } from './peers';
import { lowerBound } from './lookup';

export { groupHasAtom, ipInBlock, lowerBound } from './lookup';

/**
 * NetworkPolicies compiled into an index so that evaluating a flow costs a few array lookups.
 *
 * Pods are grouped by (namespace, label set, hostNetwork): label selectors cannot tell the Pods of
 * one group apart. Every distinct selector use (a policy's `podSelector`, a peer) becomes an
 * "atom" whose matching groups are computed once; an ipBlock is an atom matched by address.
 */

/** The policy's own namespace + a podSelector (targets, and peers with only `podSelector`). */
export interface PodsAtom {
  kind: 'pods';
  namespace: string;
  pod: CompiledSelector;
}
/** A peer with `namespaceSelector` (and optionally `podSelector`, ANDed). */
export interface NsPodsAtom {
  kind: 'nsPods';
  ns: CompiledSelector;
  pod: CompiledSelector | null;
}
/** A peer `ipBlock`: `cidr` minus every `except`, matched against any address, Pod IPs included. */
export interface IpAtom {
  kind: 'ip';
  text: string;
  base: number;
  mask: number;
  except: { base: number; mask: number }[];
}
/** A peer the API server would reject (no selector and no ipBlock, or ipBlock with selectors): matches nothing. */
export interface NoneAtom {
  kind: 'none';
}

export type AtomSpec = PodsAtom | NsPodsAtom | IpAtom | NoneAtom;

export interface Atom {
  id: number;
  key: string;
  spec: AtomSpec;
  /** How many policy references hold this atom; 0 = dead (kept so ids stay stable). */
  refs: number;
  /** Matching groups (selector atoms), sorted. */
  groups: number[];
}

/** Pods no label selector can tell apart. hostNetwork Pods are never matched by selectors. */
export interface Group {
  id: number;
  namespace: string;
  labels: Record<string, string>;
  hostNetwork: boolean;
  pods: number[];
  /** Selector atoms matching this group, sorted ascending. */
  atoms: number[];
}

export interface CompiledRule {
  index: number;
  /** Peer atoms; null = `from`/`to` empty or absent = every peer. */
  peers: number[] | null;
  /** null = `ports` empty or absent = every port and protocol. */
  ports: CompiledPort[] | null;
}

export interface CompiledPolicy {
  key: string;
  namespace: string;
  name: string;
  target: number;
  /** Rules per direction; null when the (defaulted) policyTypes do not list the direction. */
  ingress: CompiledRule[] | null;
  egress: CompiledRule[] | null;
  source: K8sNetworkPolicy;
}

/** The compiled policy set of a cluster; updated in place by `setPolicy`. */
export interface PolicyIndex {
  pods: readonly ClusterPod[];
  nodeIps: readonly Ipv4[];
  podByIp: Map<number, number>;
  nsLabels: Map<string, Record<string, string>>;
  groups: Group[];
  groupOfPod: Uint32Array;
  groupsByNs: Map<string, number[]>;
  /** `k=v` → groups having that label; `k` → groups having the key. */
  postings: Map<string, number[]>;
  keyPostings: Map<string, number[]>;
  atoms: Atom[];
  atomByKey: Map<string, number>;
  /** Bumped whenever an atom is created or released: Pod classes built at another epoch are stale. */
  atomEpoch: number;
  policies: Map<string, CompiledPolicy>;
  /** Target atom → keys of the policies selecting with it. */
  policiesByTarget: Map<number, string[]>;
  /** Pod indexes sorted by IP (built on first use by the class builder). */
  ipOrder?: { order: Uint32Array; sorted: Float64Array };
  /** Validation problems per policy key (what the API server would reject). */
  problemsByPolicy: Map<string, Problem[]>;
}

/** The API server's automatic, immutable namespace label (since Kubernetes 1.21). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** `ns/name` of a policy; a policy without namespace lives in `default` (as `kubectl apply` puts it). */
export function policyKey(p: K8sNetworkPolicy): string {
  return `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;
}

/**
 * Compiles every NetworkPolicy of a cluster. Namespaces not listed still exist for their Pods,
 * with only the automatic `kubernetes.io/metadata.name` label.
 */
export function compilePolicies(
  /** With the cluster's `podByIp` (non-hostNetwork Pods by IP), the index shares it. */
  cluster: Pick<Cluster, 'pods' | 'nodes'> & Partial<Pick<Cluster, 'podByIp'>>,
  namespaces: readonly K8sNamespace[],
  policies: readonly K8sNetworkPolicy[],
): PolicyIndex {
  const nsLabels = new Map<string, Record<string, string>>();
  for (const ns of namespaces)
    nsLabels.set(ns.metadata.name, {
      ...(ns.metadata.labels ?? {}),
      [NAMESPACE_NAME_LABEL]: ns.metadata.name,
    });
  const index: PolicyIndex = {
    pods: cluster.pods,
    nodeIps: cluster.nodes.map((n) => n.ip),
    podByIp: cluster.podByIp ?? new Map(),
    nsLabels,
    groups: [],
    groupOfPod: new Uint32Array(cluster.pods.length),
    groupsByNs: new Map(),
    postings: new Map(),
    keyPostings: new Map(),
    atoms: [],
    atomByKey: new Map(),
    atomEpoch: 0,
    policies: new Map(),
    policiesByTarget: new Map(),
    problemsByPolicy: new Map(),
  };
  buildGroups(index, cluster.podByIp === undefined);
  policies.forEach((p, i) => addPolicy(index, p, `networkPolicies[${i}]`));
  return index;
}

function buildGroups(index: PolicyIndex, indexIps: boolean): void {
  const byKey = new Map<string, number>();
  // Pods of one template share their labels object: sort and spell each label set once, and
  // remember the group its last Pod went to (the next Pod of that template goes there too)
  const labelText = new Map<
    Record<string, string>,
    { keys: string[]; text: string; namespace: string; hostNetwork: boolean; group: number }
  >();
  const { pods } = index;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i]!;
    // hostNetwork Pods carry the node's IP: that address stays the node's, not the Pod's
    if (indexIps && !pod.hostNetwork) index.podByIp.set(pod.ip, i);
    let lt = labelText.get(pod.labels);
    if (lt && lt.namespace === pod.namespace && lt.hostNetwork === pod.hostNetwork) {
      index.groups[lt.group]!.pods.push(i);
      index.groupOfPod[i] = lt.group;
      continue;
    }
    if (!index.nsLabels.has(pod.namespace))
      index.nsLabels.set(pod.namespace, { [NAMESPACE_NAME_LABEL]: pod.namespace });
    if (!lt) {
      const sorted = Object.keys(pod.labels).sort();
      let text = '';
      for (const k of sorted) text += `\u0000${k}\u0001${pod.labels[k]}`;
      lt = { keys: sorted, text, namespace: '', hostNetwork: false, group: -1 };
      labelText.set(pod.labels, lt);
    }
    const keys = lt.keys;
    const key = `${pod.namespace}\u0000${pod.hostNetwork ? 1 : 0}${lt.text}`;
    let g = byKey.get(key);
    lt.namespace = pod.namespace;
    lt.hostNetwork = pod.hostNetwork;
    if (g === undefined) {
      g = index.groups.length;
      byKey.set(key, g);
      index.groups.push({
        id: g,
        namespace: pod.namespace,
        labels: pod.labels,
        hostNetwork: pod.hostNetwork,
        pods: [],
        atoms: [],
      });
      push(index.groupsByNs, pod.namespace, g);
      if (!pod.hostNetwork)
        for (const k of keys) {
          push(index.postings, `${k}=${pod.labels[k]}`, g);
          push(index.keyPostings, k, g);
        }
    }
    lt.group = g;
    index.groups[g]!.pods.push(i);
    index.groupOfPod[i] = g;
  }
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/**
 * Adds or replaces one policy (by `ns/name`), or removes it when `policy` is null. Only the atoms
 * of that policy are (re)computed. Returns the key.
 */
export function setPolicy(index: PolicyIndex, policy: K8sNetworkPolicy | null, key?: string): string {
  const k = key ?? (policy ? policyKey(policy) : '');
  const old = index.policies.get(k);
  if (old) removePolicy(index, old);
  index.problemsByPolicy.delete(k);
  if (policy) addPolicy(index, policy, `networkPolicies[${k}]`);
  return k;
}

function removePolicy(index: PolicyIndex, p: CompiledPolicy): void {
  index.policies.delete(p.key);
  const list = index.policiesByTarget.get(p.target);
  if (list) {
    const rest = list.filter((x) => x !== p.key);
    if (rest.length) index.policiesByTarget.set(p.target, rest);
    else index.policiesByTarget.delete(p.target);
  }
  release(index, p.target);
  for (const rules of [p.ingress, p.egress])
    for (const r of rules ?? []) for (const a of r.peers ?? []) release(index, a);
}

function release(index: PolicyIndex, id: number): void {
  const atom = index.atoms[id]!;
  atom.refs--;
  if (atom.refs > 0) return;
  index.atomEpoch++;
  index.atomByKey.delete(atom.key);
  for (const g of atom.groups) {
    const atoms = index.groups[g]!.atoms;
    const at = lowerBound(atoms, id);
    if (atoms[at] === id) atoms.splice(at, 1);
  }
  atom.groups = [];
}

function addPolicy(index: PolicyIndex, policy: K8sNetworkPolicy, path: string): void {
  const namespace = policy.metadata.namespace ?? 'default';
  const key = `${namespace}/${policy.metadata.name}`;
  // a second object with the same namespace/name replaces the first (as a re-apply would)
  const existing = index.policies.get(key);
  if (existing) removePolicy(index, existing);
  const problems: Problem[] = [];
  const problem: ProblemFn = (where, message) => {
    problems.push(
      keyedProblem('INVALID_VALUE', `${path}.${where}`, message.key, { policy: key, ...message.args }),
    );
  };
  const spec = policy.spec ?? { podSelector: {} };
  const target = acquire(
    index,
    podsAtom(namespace, compileSelector(spec.podSelector), problem, 'spec.podSelector'),
  );
  // API server defaulting (pkg/apis/networking/v1 SetDefaults_NetworkPolicy): an empty policyTypes
  // becomes [Ingress] plus Egress when egress rules exist; an explicit list wins.
  const declared = spec.policyTypes ?? [];
  const types =
    declared.length > 0
      ? declared
      : (['Ingress', ...((spec.egress ?? []).length > 0 ? ['Egress'] : [])] as const);
  const compileRules = (
    rules: { from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[],
    dir: 'ingress' | 'egress',
  ): CompiledRule[] =>
    rules.map((rule, i) => {
      const where = `spec.${dir}[${i}]`;
      const peerList = (dir === 'ingress' ? rule.from : rule.to) ?? [];
      const peers =
        peerList.length === 0
          ? null
          : peerList.map((peer, j) =>
              acquire(
                index,
                peerAtom(namespace, peer, problem, `${where}.${dir === 'ingress' ? 'from' : 'to'}[${j}]`),
              ),
            );
      const portList = rule.ports ?? [];
      const ports =
        portList.length === 0
          ? null
          : portList.map((pp, j) => {
              const { port, problems } = compilePort(pp);
              for (const m of problems) problem(`${where}.ports[${j}]`, m);
              return port;
            });
      return { index: i, peers, ports };
    });
  const compiled: CompiledPolicy = {
    key,
    namespace,
    name: policy.metadata.name,
    target,
    ingress: types.includes('Ingress') ? compileRules(spec.ingress ?? [], 'ingress') : null,
    egress: types.includes('Egress') ? compileRules(spec.egress ?? [], 'egress') : null,
    source: policy,
  };
  index.policies.set(key, compiled);
  const list = index.policiesByTarget.get(target);
  if (list) list.push(key);
  else index.policiesByTarget.set(target, [key]);
  if (problems.length) index.problemsByPolicy.set(key, problems);
}

function atomKey(spec: AtomSpec): string {
  switch (spec.kind) {
    case 'pods':
      return `pods|${spec.namespace}|${spec.pod.key}`;
    case 'nsPods':
      return `nsPods|${spec.ns.key}|${spec.pod ? spec.pod.key : '-'}`;
    case 'ip':
      return `ip|${spec.base}/${spec.mask}|${spec.except.map((e) => `${e.base}/${e.mask}`).join(',')}`;
    case 'none':
      return 'none';
  }
}

function acquire(index: PolicyIndex, spec: AtomSpec): number {
  const key = atomKey(spec);
  const found = index.atomByKey.get(key);
  if (found !== undefined) {
    index.atoms[found]!.refs++;
    return found;
  }
  const id = index.atoms.length;
  index.atomEpoch++;
  const groups = spec.kind === 'pods' || spec.kind === 'nsPods' ? matchGroups(index, spec) : [];
  index.atoms.push({ id, key, spec, refs: 1, groups });
  index.atomByKey.set(key, id);
  // ids grow monotonically, so pushing keeps every group's atom list sorted
  for (const g of groups) index.groups[g]!.atoms.push(id);
  return id;
}

/** Groups a selector atom matches; hostNetwork groups never match (they share the node's identity). */
function matchGroups(index: PolicyIndex, spec: PodsAtom | NsPodsAtom): number[] {
  let nsOk: (ns: string) => boolean;
  let nsList: string[];
  if (spec.kind === 'pods') {
    nsList = [spec.namespace];
    nsOk = (ns) => ns === spec.namespace;
  } else {
    nsList = [];
    for (const [ns, labels] of index.nsLabels) if (selectorMatches(spec.ns, labels)) nsList.push(ns);
    const set = new Set(nsList);
    nsOk = (ns) => set.has(ns);
  }
  const sel = spec.pod;
  let candidates: number[] | null = null;
  if (sel && !sel.matchesAll) {
    for (const [k, v] of sel.equals) {
      const p = index.postings.get(`${k}=${v}`) ?? [];
      if (candidates === null || p.length < candidates.length) candidates = p;
    }
    for (const r of sel.requirements) {
      let p: number[] | null = null;
      if (r.operator === 'In') p = (r.values ?? []).flatMap((v) => index.postings.get(`${r.key}=${v}`) ?? []);
      else if (r.operator === 'Exists') p = index.keyPostings.get(r.key) ?? [];
      if (p && (candidates === null || p.length < candidates.length)) candidates = p;
    }
  }
  let nsTotal = 0;
  for (const ns of nsList) nsTotal += index.groupsByNs.get(ns)?.length ?? 0;
  if (candidates === null || nsTotal < candidates.length)
    candidates = nsList.flatMap((ns) => index.groupsByNs.get(ns) ?? []);
  const out: number[] = [];
  for (const g of candidates) {
    const group = index.groups[g]!;
    if (group.hostNetwork || !nsOk(group.namespace)) continue;
    if (sel && !selectorMatches(sel, group.labels)) continue;
    out.push(g);
  }
  return out.sort((a, b) => a - b);
}

/** Every validation problem of the compiled policies, with the JSON path of the offending field. */
export function policyProblems(index: PolicyIndex): Problem[] {
  return [...index.problemsByPolicy.values()].flat();
}
