import type { ContainerPort, K8sPod, Protocol } from '../../core/model/k8s';
import type { ClusterSettings, Scenario } from '../../core/model/scenario';
import { makeNamespace, makeNode, makePod } from '../../scenario/presets/small';

/**
 * The editor's operations: pure Scenario → Scenario functions. They only rewrite the document; the
 * worker validates the result (IPAM, overlaps, duplicates) before the store applies it.
 */
export type Edit = (s: Scenario) => Scenario;

const nsOf = (o: { metadata: { namespace?: string } }) => o.metadata.namespace ?? 'default';

export const setCluster =
  (patch: Partial<ClusterSettings>): Edit =>
  (s) => ({ ...s, cluster: { ...s.cluster, ...patch } });

export const addNode =
  (name: string): Edit =>
  (s) => ({ ...s, nodes: [...s.nodes, makeNode(name)] });

/** Renames a node and moves its Pods' `spec.nodeName` with it. */
export const renameNode =
  (from: string, to: string): Edit =>
  (s) => ({
    ...s,
    nodes: s.nodes.map((n) =>
      n.metadata.name === from
        ? {
            ...n,
            metadata: {
              ...n.metadata,
              name: to,
              // The kubelet sets this label to the node's hostname.
              labels: { ...n.metadata.labels, 'kubernetes.io/hostname': to },
            },
          }
        : n,
    ),
    pods: s.pods.map((p) => (p.spec.nodeName === from ? { ...p, spec: { ...p.spec, nodeName: to } } : p)),
  });

/**
 * Removes a node and the Pods bound to it, as the Pod garbage collector does for Pods whose node no
 * longer exists (kube-controller-manager podgc, gcOrphaned).
 */
export const removeNode =
  (name: string): Edit =>
  (s) => ({
    ...s,
    nodes: s.nodes.filter((n) => n.metadata.name !== name),
    pods: s.pods.filter((p) => p.spec.nodeName !== name),
  });

export const addNamespace =
  (name: string): Edit =>
  (s) => ({ ...s, namespaces: [...s.namespaces, makeNamespace(name)] });

const moveNs = <T extends { metadata: { namespace?: string } }>(list: T[], from: string, to: string): T[] =>
  list.map((o) => (nsOf(o) === from ? { ...o, metadata: { ...o.metadata, namespace: to } } : o));

/** Renames a namespace and moves every object in it (the editor's shortcut for re-creating them). */
export const renameNamespace =
  (from: string, to: string): Edit =>
  (s) => ({
    ...s,
    namespaces: s.namespaces.map((n) =>
      n.metadata.name === from
        ? {
            ...n,
            metadata: {
              ...n.metadata,
              name: to,
              labels: { ...n.metadata.labels, 'kubernetes.io/metadata.name': to },
            },
          }
        : n,
    ),
    pods: moveNs(s.pods, from, to),
    services: moveNs(s.services, from, to),
    endpointSlices: moveNs(s.endpointSlices, from, to),
    networkPolicies: moveNs(s.networkPolicies, from, to),
  });

/** Deleting a namespace deletes everything in it (the namespace controller's finalizer). */
export const removeNamespace =
  (name: string): Edit =>
  (s) => {
    const keep = <T extends { metadata: { namespace?: string } }>(l: T[]) =>
      l.filter((o) => nsOf(o) !== name);
    return {
      ...s,
      namespaces: s.namespaces.filter((n) => n.metadata.name !== name),
      pods: keep(s.pods),
      services: keep(s.services),
      endpointSlices: keep(s.endpointSlices),
      networkPolicies: keep(s.networkPolicies),
    };
  };

/** What the Pod form edits. */
export interface PodFields {
  namespace: string;
  name: string;
  node: string;
  labels: Record<string, string>;
  ports: ContainerPort[];
}

export const podFields = (p: K8sPod): PodFields => ({
  namespace: nsOf(p),
  name: p.metadata.name,
  node: p.spec.nodeName ?? '',
  labels: { ...p.metadata.labels },
  ports: p.spec.containers.flatMap((c) => c.ports ?? []),
});

export const addPod =
  (f: PodFields): Edit =>
  (s) => ({ ...s, pods: [...s.pods, makePod(f.namespace, f.name, f.node, f.labels, f.ports)] });

const samePod = (p: K8sPod, ns: string, name: string) => nsOf(p) === ns && p.metadata.name === name;

/**
 * Rewrites a Pod's identity, labels, ports and node. A moved or renamed Pod loses a fixed
 * `status.podIP` (a new Pod gets a new IP from its node's range); ports go on the first container.
 */
export const updatePod =
  (ns: string, name: string, f: PodFields): Edit =>
  (s) => ({
    ...s,
    pods: s.pods.map((p) => {
      if (!samePod(p, ns, name)) return p;
      const moved = f.node !== (p.spec.nodeName ?? '') || f.name !== name || f.namespace !== ns;
      const [first, ...rest] = p.spec.containers;
      const containers = [
        { ...(first ?? { name: 'main' }), ports: f.ports },
        ...rest.map((c) => ({ ...c, ports: [] })),
      ];
      const next: K8sPod = {
        ...p,
        metadata: { ...p.metadata, name: f.name, namespace: f.namespace, labels: f.labels },
        spec: { ...p.spec, nodeName: f.node, containers },
      };
      if (moved && p.status) {
        const { podIP: _ip, podIPs: _ips, ...status } = p.status;
        next.status = status;
      }
      return next;
    }),
  });

export const removePod =
  (ns: string, name: string): Edit =>
  (s) => ({ ...s, pods: s.pods.filter((p) => !samePod(p, ns, name)) });

// --- text forms of labels and ports (what the inputs hold) ---

/** `app=web, tier=api` → { app: 'web', tier: 'api' }; null when a part is not `key=value`. */
export function parseLabels(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    if (!part) continue;
    const m = /^([A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?)=([-A-Za-z0-9_.]*)$/.exec(part);
    if (!m) return null;
    out[m[1]!] = m[3]!;
  }
  return out;
}

export const formatLabels = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** `http:8080/TCP, 53/UDP` → container ports (name and protocol optional, TCP by default). */
export function parsePorts(text: string): ContainerPort[] | null {
  const out: ContainerPort[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (!part) continue;
    const m = /^(?:([a-z0-9]([-a-z0-9]*[a-z0-9])?):)?(\d{1,5})(?:\/(TCP|UDP|SCTP))?$/i.exec(part);
    if (!m) return null;
    const port = Number(m[3]);
    if (port < 1 || port > 65535) return null;
    const p: ContainerPort = { containerPort: port, protocol: (m[4]?.toUpperCase() ?? 'TCP') as Protocol };
    if (m[1]) p.name = m[1].toLowerCase();
    out.push(p);
  }
  return out;
}

export const formatPorts = (ports: ContainerPort[]): string =>
  ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');

/**
 * RFC 1123 label, the rule Kubernetes applies to namespace names (and, in practice, to node and Pod
 * names): lowercase alphanumerics and '-', at most 63 characters (apimachinery IsDNS1123Label).
 */
export const isDnsLabel = (name: string): boolean =>
  name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);

/** RFC 1123 subdomain, the rule for Pod and Node names (apimachinery IsDNS1123Subdomain, ≤ 253). */
export const isDnsSubdomain = (name: string): boolean =>
  name.length <= 253 && name.split('.').every((part) => part.length > 0 && isDnsLabel(part));
