import type { K8sNode, K8sPod, ObjectMeta } from '../../core/model/k8s';
import { readMeta, readPodSpec } from './import-core';
import { generateName, podTemplateHash } from './names';
import { type Obj, type ReadCtx, fail, isDns1123Label, readInt, readObj, readStr } from './reader';
import { readSelector, selectorMatches } from './selector';

/**
 * apps/v1 workload controllers, reduced to what they leave behind on the datapath: Pods. A
 * Workload is read first and expanded once the node list is known (DaemonSets need it).
 */
export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet';

export interface Workload {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  document: number;
  /** `spec.replicas` (default 1); unused for DaemonSets. */
  replicas: number;
  /** StatefulSet `spec.ordinals.start` (default 0). */
  ordinalStart: number;
  /** StatefulSet `spec.serviceName`: the governing headless Service, the Pods' DNS subdomain. */
  serviceName?: string;
  template: { labels: Record<string, string>; annotations?: Record<string, string>; spec: K8sPod['spec'] };
  nodeSelector?: Record<string, string>;
}

const SPEC_FIELDS: Record<WorkloadKind, string[]> = {
  Deployment: [
    'replicas',
    'selector',
    'template',
    'strategy',
    'minReadySeconds',
    'revisionHistoryLimit',
    'progressDeadlineSeconds',
    'paused',
  ],
  ReplicaSet: ['replicas', 'selector', 'template', 'minReadySeconds'],
  StatefulSet: [
    'replicas',
    'selector',
    'template',
    'serviceName',
    'volumeClaimTemplates',
    'podManagementPolicy',
    'updateStrategy',
    'revisionHistoryLimit',
    'minReadySeconds',
    'persistentVolumeClaimRetentionPolicy',
    'ordinals',
  ],
  DaemonSet: ['selector', 'template', 'updateStrategy', 'minReadySeconds', 'revisionHistoryLimit'],
};

/** Reads a Deployment, ReplicaSet, StatefulSet or DaemonSet (apps/v1). */
export function readWorkload(c: ReadCtx, o: Obj, kind: WorkloadKind): Workload | undefined {
  readObj(c, o, [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const meta = readMeta(c, o.metadata, { namespaced: true, rule: 'subdomain' });
  const spec = readObj(c, o.spec, ['spec'], SPEC_FIELDS[kind], true);
  if (!meta || !spec) return undefined;
  const replicas =
    kind === 'DaemonSet' ? 1 : (readInt(c, spec.replicas, ['spec', 'replicas'], 0, 2147483647) ?? 1);
  const selector = readSelector(c, spec.selector, ['spec', 'selector'], true);
  const tpl = readObj(c, spec.template, ['spec', 'template'], ['metadata', 'spec'], true);
  if (!tpl) return undefined;
  const tmeta = readMeta(c, tpl.metadata ?? {}, {
    namespaced: false,
    rule: 'subdomain',
    path: ['spec', 'template', 'metadata'],
    nameOptional: true,
  });
  const podSpec = readPodSpec(c, tpl.spec, ['spec', 'template', 'spec']);
  const labels = tmeta?.labels ?? {};
  if (selector) {
    const empty = !selector.matchLabels && !selector.matchExpressions;
    if (empty) fail(c, ['spec', 'selector'], 'import.field.emptySelector');
    else if (!selectorMatches(selector, labels)) {
      fail(c, ['spec', 'selector'], 'import.field.selectorMismatch');
    }
  }
  if (!podSpec) return undefined;
  const w: Workload = {
    kind,
    namespace: meta.namespace ?? 'default',
    name: meta.name,
    document: c.document,
    replicas,
    ordinalStart: 0,
    template: { labels, spec: podSpec.spec },
  };
  if (tmeta?.annotations) w.template.annotations = tmeta.annotations;
  if (podSpec.nodeSelector) w.nodeSelector = podSpec.nodeSelector;
  if (kind === 'StatefulSet') {
    const serviceName = readStr(c, spec.serviceName, ['spec', 'serviceName']);
    if (serviceName !== undefined && !isDns1123Label(serviceName)) {
      fail(c, ['spec', 'serviceName'], 'import.field.dnsLabel', {
        field: 'serviceName',
        name: JSON.stringify(serviceName),
      });
    } else if (serviceName !== undefined) w.serviceName = serviceName;
    const ordinals = readObj(c, spec.ordinals, ['spec', 'ordinals'], ['start']);
    if (ordinals)
      w.ordinalStart = readInt(c, ordinals.start, ['spec', 'ordinals', 'start'], 0, 2147483647) ?? 0;
  }
  return w;
}

/** How many Pods a workload becomes (DaemonSets: one per matching node). */
export function workloadPodCount(w: Workload, nodes: readonly K8sNode[]): number {
  return w.kind === 'DaemonSet' ? daemonNodes(w, nodes).length : w.replicas;
}

function daemonNodes(w: Workload, nodes: readonly K8sNode[]): K8sNode[] {
  const sel = w.nodeSelector;
  if (!sel) return [...nodes];
  return nodes.filter((n) => Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v));
}

function podFrom(w: Workload, name: string, extraLabels: Record<string, string>): K8sPod {
  const metadata: ObjectMeta = {
    name,
    namespace: w.namespace,
    labels: { ...w.template.labels, ...extraLabels },
  };
  if (w.template.annotations) metadata.annotations = { ...w.template.annotations };
  const spec = JSON.parse(JSON.stringify(w.template.spec)) as K8sPod['spec'];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/**
 * The Pods a controller would create:
 * - Deployment: ReplicaSet `<name>-<pod-template-hash>`, Pods `<rs>-<5 random>`, each labelled
 *   `pod-template-hash` (pkg/controller/deployment/sync.go).
 * - ReplicaSet: Pods `<name>-<5 random>`.
 * - StatefulSet: Pods `<name>-<ordinal>` with hostname = Pod name, subdomain = serviceName and the
 *   `statefulset.kubernetes.io/pod-name` / `apps.kubernetes.io/pod-index` labels
 *   (pkg/controller/statefulset/stateful_set_utils.go).
 * - DaemonSet: one Pod `<name>-<5 random>` per node matching its nodeSelector, bound by nodeName.
 */
export function expandWorkload(
  w: Workload,
  nodes: readonly K8sNode[],
  next: () => number,
  taken: Map<string, Set<string>> = new Map(),
): K8sPod[] {
  const pods: K8sPod[] = [];
  // Pod names are unique per namespace; generated ones join the namespace's set.
  let inNamespace = taken.get(w.namespace);
  if (!inNamespace) taken.set(w.namespace, (inNamespace = new Set()));
  switch (w.kind) {
    case 'Deployment': {
      const hash = podTemplateHash(JSON.stringify({ labels: w.template.labels, spec: w.template.spec }));
      for (let i = 0; i < w.replicas; i++) {
        pods.push(
          podFrom(w, generateName(`${w.name}-${hash}-`, next, inNamespace), { 'pod-template-hash': hash }),
        );
      }
      break;
    }
    case 'ReplicaSet':
      for (let i = 0; i < w.replicas; i++)
        pods.push(podFrom(w, generateName(`${w.name}-`, next, inNamespace), {}));
      break;
    case 'StatefulSet':
      for (let i = 0; i < w.replicas; i++) {
        const ordinal = w.ordinalStart + i;
        const name = `${w.name}-${ordinal}`;
        const pod = podFrom(w, name, {
          'statefulset.kubernetes.io/pod-name': name,
          'apps.kubernetes.io/pod-index': String(ordinal),
        });
        pod.spec.hostname = name;
        if (w.serviceName) pod.spec.subdomain = w.serviceName;
        pods.push(pod);
      }
      break;
    case 'DaemonSet':
      for (const node of daemonNodes(w, nodes)) {
        const pod = podFrom(w, generateName(`${w.name}-`, next, inNamespace), {});
        pod.spec.nodeName = node.metadata.name;
        pods.push(pod);
      }
      break;
  }
  return pods;
}
