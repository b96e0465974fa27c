import type { ClusterNode, ClusterPod } from '../../model/cluster';
import type { ContainerPort, K8sNamespace, K8sNetworkPolicy, Protocol } from '../../model/k8s';
import { ipv4 } from '../../net/ipv4';
import { cidr } from '../../net/cidr';

/**
 * Test fixtures only: the upstream NetworkPolicy e2e model (kubernetes test/e2e/network/netpol
 * model.go) — namespaces x, y, z (labelled `ns=<name>` and `kubernetes.io/metadata.name`), Pods
 * a, b, c in each (labelled `pod=<name>`), every Pod serving 80 and 81 on TCP, UDP and SCTP with
 * container ports named `serve-<port>-<proto>`.
 */
export const NAMESPACES = ['x', 'y', 'z'] as const;
export const POD_NAMES = ['a', 'b', 'c'] as const;
export const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

export function xyzNamespaces(): K8sNamespace[] {
  return NAMESPACES.map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ns: name, 'kubernetes.io/metadata.name': name } },
  }));
}

export function xyzPorts(): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const port of [80, 81])
    for (const protocol of PROTOCOLS)
      out.push({ name: `serve-${port}-${protocol.toLowerCase()}`, containerPort: port, protocol });
  return out;
}

export function testNodes(count: number): ClusterNode[] {
  return Array.from({ length: count }, (_, i) => ({
    index: i,
    name: `node-${i}`,
    ip: ipv4(`192.168.1.${10 + i}`),
    podCidr: cidr(`10.244.${i}.0/24`),
    labels: {},
  }));
}

/** The 9 Pods x/a … z/c, IPs 10.244.<ns>.<pod+10>, spread over 2 nodes. */
export function xyzPods(): ClusterPod[] {
  const pods: ClusterPod[] = [];
  NAMESPACES.forEach((ns, i) =>
    POD_NAMES.forEach((name, j) =>
      pods.push({
        index: pods.length,
        namespace: ns,
        name,
        nodeIndex: (i + j) % 2,
        ip: ipv4(`10.244.${i}.${10 + j}`),
        labels: { pod: name },
        ports: xyzPorts(),
        ready: true,
        hostNetwork: false,
      }),
    ),
  );
  return pods;
}

/** A NetworkPolicy object in `namespace`. */
export function netpol(namespace: string, name: string, spec: K8sNetworkPolicy['spec']): K8sNetworkPolicy {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

/**
 * Expected connectivity written by hand, like upstream's Reachability (reachability.go): start
 * all-true, then apply ExpectPeer/ExpectAllIngress/… edits in order. Keys are `ns/pod`.
 */
export class Reachability {
  readonly pods: string[];
  private readonly cells = new Map<string, boolean>();
  constructor(pods: readonly string[], initial: boolean) {
    this.pods = [...pods];
    for (const f of pods) for (const t of pods) this.cells.set(`${f}>${t}`, initial);
  }
  expect(from: string, to: string, v: boolean): this {
    this.cells.set(`${from}>${to}`, v);
    return this;
  }
  /** Peer filters: `{ ns?, pod? }`, an empty filter matches every Pod. */
  expectPeer(from: { ns?: string; pod?: string }, to: { ns?: string; pod?: string }, v: boolean): this {
    const ok = (p: string, f: { ns?: string; pod?: string }): boolean => {
      const [ns, pod] = p.split('/');
      return (f.ns === undefined || f.ns === ns) && (f.pod === undefined || f.pod === pod);
    };
    for (const a of this.pods) for (const b of this.pods) if (ok(a, from) && ok(b, to)) this.expect(a, b, v);
    return this;
  }
  expectAllIngress(to: string, v: boolean): this {
    for (const a of this.pods) this.expect(a, to, v);
    return this;
  }
  expectAllEgress(from: string, v: boolean): this {
    for (const b of this.pods) this.expect(from, b, v);
    return this;
  }
  get(from: string, to: string): boolean {
    return this.cells.get(`${from}>${to}`)!;
  }
  /** The truth table as upstream prints it (`.` allowed, `X` denied). */
  table(get: (from: string, to: string) => boolean): string {
    const lines = [`-\t${this.pods.join('\t')}`];
    for (const f of this.pods)
      lines.push(`${f}\t${this.pods.map((t) => (get(f, t) ? '.' : 'X')).join('\t')}`);
    return lines.join('\n');
  }
}
