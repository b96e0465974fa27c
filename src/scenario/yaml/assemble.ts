import type {
  K8sEndpointSlice,
  K8sNamespace,
  K8sNetworkPolicy,
  K8sNode,
  K8sPod,
  K8sService,
} from '../../core/model/k8s';
import { type L7Objects, emptyL7 } from '../../core/model/l7';
import type { Designs, Scenario } from '../../core/model/scenario';
import type { Say } from '../../core/trace/types';
import { makeNamespace } from '../presets/small';
import { assembleL7 } from './assemble-l7';
import { type Workload, expandWorkload, workloadPodCount } from './import-workloads';
import { blocksFromPods, createNamedNodes, ensureNodes, placeByPodIp, spreadRoundRobin } from './infer';
import { listNames, say, sayText } from './messages';
import { type DomainSource, type StatedPlan, inferPlan } from './plan';
import type { PodFlag } from './plan-evidence';
import { fnv1a32, seededRandom } from './names';
import { IMPORT_LIMITS, type ImportIssue, type ImportOptions, type ImportResult } from './types';

/**
 * The second half of an import: the objects read from YAML are merged into the base scenario,
 * workloads are expanded to Pods, nodes and placements are inferred, and namespaces that objects
 * use but nobody declared are created.
 */

export interface Collected {
  /** Settings a kubeadm ClusterConfiguration or the explorer's settings document states. */
  stated: StatedPlan;
  designs: Partial<Designs>;
  /** Control-plane flags in static Pods' command lines. */
  podFlags: PodFlag[];
  /** Objects naming the cluster domain (CoreDNS's Corefile; kubeadm's is moved here from `stated`). */
  domains: DomainSource[];
  namespaces: K8sNamespace[];
  nodes: K8sNode[];
  pods: K8sPod[];
  services: K8sService[];
  endpointSlices: K8sEndpointSlice[];
  networkPolicies: K8sNetworkPolicy[];
  workloads: Workload[];
  /** Ingress and Gateway API objects (assemble-l7.ts). */
  l7?: L7Objects;
}

export type Named = { metadata: { name: string; namespace?: string } };
const keyOf = (o: Named): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
export const refOf = (o: Named): string =>
  o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;

/** Name index per list, so replacing by name stays O(1) at 200k Pods. */
const indexes = new WeakMap<readonly Named[], Map<string, number>>();

/** Later objects replace earlier ones of the same kind, namespace and name (as `kubectl apply`). */
export function upsert<T extends Named>(
  list: T[],
  item: T,
  kind: string,
  notices: ImportIssue[],
  doc: number,
): void {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((o, j) => [keyOf(o), j]));
    indexes.set(list, index);
  }
  const key = keyOf(item);
  const i = index.get(key);
  if (i === undefined) {
    index.set(key, list.length);
    list.push(item);
    return;
  }
  list[i] = item;
  notices.push({
    document: doc,
    line: null,
    path: '',
    message: `${kind} ${refOf(item)} appears more than once; the later one replaces the earlier`,
    say: say('import.notice.duplicate', { kind, name: refOf(item) }),
    kind,
    name: refOf(item),
  });
}

function dedupe<T extends Named>(items: readonly T[], kind: string, notices: ImportIssue[]): T[] {
  const out: T[] = [];
  for (const item of items) upsert(out, item, kind, notices, 0);
  return out;
}

const errorOnly = (message: string): ImportIssue => ({ document: 0, line: null, path: '', message });
const tooManyPods = (count: number): ImportIssue => {
  const s = say('import.error.tooManyPods', { count, max: IMPORT_LIMITS.maxPods });
  return { ...errorOnly(sayText(s)), say: s };
};

export function assemble(
  base: Scenario,
  into: Collected,
  options: ImportOptions,
  out: Omit<ImportResult, 'scenario'>,
): ImportResult {
  const { errors, notices, inferred } = out;
  const merge = options.mode === 'merge';
  const pick = <T extends Named>(from: readonly T[], add: readonly T[], kind: string): T[] =>
    merge ? dedupe([...from, ...add], kind, notices) : [...add];
  const scenario: Scenario = {
    version: 1,
    cluster: { ...base.cluster },
    designs: { ...base.designs, ...into.designs },
    nodes: pick(base.nodes, into.nodes, 'Node'),
    namespaces: pick(base.namespaces, into.namespaces, 'Namespace'),
    pods: pick(base.pods, into.pods, 'Pod'),
    services: pick(base.services, into.services, 'Service'),
    endpointSlices: pick(base.endpointSlices, into.endpointSlices, 'EndpointSlice'),
    networkPolicies: pick(base.networkPolicies, into.networkPolicies, 'NetworkPolicy'),
  };
  if (into.l7 || base.l7) assembleL7(scenario, base, into.l7 ?? emptyL7(), merge, into.workloads, out);
  // The address plan first: placement cuts per-node blocks out of it.
  // kubeadm's dnsDomain is evidence like CoreDNS's Corefile (they must agree); a flag wins over both.
  const { clusterDomain: kubeadmDomain, ...objectsStated } = into.stated;
  const domains: DomainSource[] = [
    ...(kubeadmDomain ? [{ ...kubeadmDomain, kind: 'kubeadm' as const }] : []),
    ...into.domains,
  ];
  const plan = inferPlan({
    base: base.cluster,
    stated: { ...objectsStated, ...options.stated },
    domains,
    nodes: scenario.nodes,
    pods: scenario.pods,
    services: scenario.services,
    podFlags: into.podFlags,
    keepFitting: merge,
  });
  if (plan.errors.length > 0) {
    errors.push(...plan.errors.map(errorOnly));
    return { scenario: null, errors, notices, inferred };
  }
  scenario.cluster = plan.cluster;
  // VPC-native Pods imply the design, unless the file's ExplorerSettings names one.
  if (plan.designs && !into.designs.intra) scenario.designs = { ...scenario.designs, ...plan.designs };
  const vpc = scenario.designs.intra === 'vpc';
  inferred.push(...plan.inferred);
  const next = seededRandom(fnv1a32(`import:${options.seed ?? 1}`));
  const placement = { nodes: scenario.nodes, inferred, cluster: scenario.cluster };

  // Pods from ReplicaSet-like controllers need no node; DaemonSets are expanded once nodes are known.
  const counted = into.workloads.filter((w) => w.kind !== 'DaemonSet');
  const total = scenario.pods.length + counted.reduce((n, w) => n + w.replicas, 0);
  if (total > IMPORT_LIMITS.maxPods) {
    errors.push(tooManyPods(total));
    return { scenario: null, errors, notices, inferred };
  }
  const generated: K8sPod[] = [];
  const taken = new Map<string, Set<string>>();
  for (const p of scenario.pods) {
    const ns = p.metadata.namespace ?? 'default';
    if (!taken.has(ns)) taken.set(ns, new Set());
    taken.get(ns)!.add(p.metadata.name);
  }
  for (const w of counted) {
    const pods = expandWorkload(w, [], next, taken);
    for (const pod of pods) generated.push(pod);
    inferred.push(expansionSentence(w, pods));
  }
  const all = [...scenario.pods, ...generated];
  // Per-node Pod CIDR blocks mean nothing when Pods hold addresses of the node network.
  if (!vpc) blocksFromPods(all, placement);
  createNamedNodes(all, placement);
  if (!vpc) placeByPodIp(all, placement);
  const daemonSets = into.workloads.filter((w) => w.kind === 'DaemonSet');
  if (daemonSets.length > 0)
    ensureNodes(
      placement,
      say('import.nodes.defaultForDaemonSets', {
        names: listNames(daemonSets.map((w) => `${w.namespace}/${w.name}`)),
      }),
    );
  const dsPods = daemonSets.reduce((n, w) => n + workloadPodCount(w, scenario.nodes), 0);
  if (all.length + dsPods > IMPORT_LIMITS.maxPods) {
    errors.push(tooManyPods(all.length + dsPods));
    return { scenario: null, errors, notices, inferred };
  }
  for (const w of daemonSets) {
    const pods = expandWorkload(w, scenario.nodes, next, taken);
    for (const pod of pods) all.push(pod);
    inferred.push(expansionSentence(w, pods));
  }
  spreadRoundRobin(all, placement);
  scenario.pods = dedupe(all, 'Pod', notices);
  addMissingNamespaces(scenario, inferred);
  return { scenario, errors, notices, inferred };
}

function expansionSentence(w: Workload, pods: readonly K8sPod[]): Say {
  const name = `${w.namespace}/${w.name}`;
  const names = listNames(pods.map((p) => p.metadata.name));
  if (w.kind === 'DaemonSet')
    return say('import.expand.daemonSet', { name, count: pods.length, pods: names });
  if (pods.length === 0) return say('import.expand.none', { kind: w.kind, name, replicas: w.replicas });
  if (pods.length === 1) return say('import.expand.replica', { kind: w.kind, name, pods: names });
  return say('import.expand.replicas', {
    kind: w.kind,
    name,
    count: pods.length,
    replicas: w.replicas,
    pods: names,
  });
}

/** Namespaces that objects live in but nobody declared are created, as if by `kubectl create namespace`. */
function addMissingNamespaces(s: Scenario, inferred: Say[]): void {
  const declared = new Set(s.namespaces.map((n) => n.metadata.name));
  const users = new Map<string, number>();
  for (const list of [s.pods, s.services, s.endpointSlices, s.networkPolicies] as Named[][]) {
    for (const o of list) {
      const ns = o.metadata.namespace ?? 'default';
      if (!declared.has(ns)) users.set(ns, (users.get(ns) ?? 0) + 1);
    }
  }
  for (const [ns, count] of users) {
    s.namespaces.push(makeNamespace(ns));
    inferred.push(say('import.namespace.created', { ns, count }));
  }
}
