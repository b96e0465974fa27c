import type { Cluster, ClusterPod } from '../../model/cluster';
import type { K8sEndpointSlice, K8sPod, K8sService, Protocol, ServicePort } from '../../model/k8s';
import { type Ipv4, formatIpv4, parseIpv4 } from '../../net/ipv4';
import type { EndpointAddress, EndpointState } from '../types';

/**
 * What the EndpointSlice controller (K8S pkg/controller/endpointslice) publishes for a Service, or,
 * for selector-less Services and whenever the scenario carries EndpointSlice manifests, what those
 * manifests say. Readiness follows the Pod's Ready condition; `publishNotReadyAddresses` marks every
 * address ready. Named targetPorts resolve per Pod against its container ports (a Pod without the
 * name is left out of that port).
 */
export interface ServiceEndpoints {
  addresses: EndpointAddress[];
  /** Endpoints per entry of `spec.ports`, sorted by `ip:port` text (kube-proxy's order). */
  perPort: EndpointState[][];
}

export const portProtocol = (p: { protocol?: Protocol }): Protocol => p.protocol ?? 'TCP';

/** kube-proxy sorts endpoints by their `ip:port` string (pkg/proxy endpointslicecache). */
export function sortEndpoints(list: EndpointState[]): EndpointState[] {
  if (list.length < 2) return list;
  const keyed = list.map((e) => ({ e, t: `${formatIpv4(e.ip)}:${e.port}` }));
  keyed.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  for (let i = 0; i < list.length; i++) list[i] = keyed[i]!.e;
  return list;
}

/** The container port a Pod exposes for a service port's targetPort (number, name, or default = port). */
export function resolveTargetPort(sp: ServicePort, pod: ClusterPod): number | null {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  const found = pod.ports.find((c) => c.name === t && portProtocol(c) === portProtocol(sp));
  return found ? found.containerPort : null;
}

/** Endpoints derived from selected Pods. */
export function endpointsFromPods(
  svc: K8sService,
  cluster: Cluster,
  podIndexes: number[],
  podSpec: (key: string) => K8sPod | undefined,
): ServiceEndpoints {
  const ports = svc.spec.ports ?? [];
  const perPort: EndpointState[][] = ports.map(() => []);
  const addresses: EndpointAddress[] = [];
  const publishAll = svc.spec.publishNotReadyAddresses === true;
  for (const i of podIndexes) {
    const pod = cluster.pods[i]!;
    const key = `${pod.namespace}/${pod.name}`;
    const spec = podSpec(key);
    const phase = spec?.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const node = cluster.nodes[pod.nodeIndex];
    const hostname =
      spec?.spec.hostname && spec.spec.subdomain === svc.metadata.name ? spec.spec.hostname : null;
    const addr: EndpointAddress = {
      ip: pod.ip,
      ready: publishAll || pod.ready,
      serving: publishAll || pod.ready,
      terminating: false,
      nodeName: node ? node.name : null,
      nodeIndex: pod.nodeIndex,
      podKey: key,
      hostname,
    };
    addresses.push(addr);
    for (let pi = 0; pi < ports.length; pi++) {
      const port = resolveTargetPort(ports[pi]!, pod);
      if (port !== null) perPort[pi]!.push({ ...addr, port });
    }
  }
  return { addresses, perPort: perPort.map(sortEndpoints) };
}

/** Endpoints copied from EndpointSlice manifests labelled `kubernetes.io/service-name: <svc>`. */
export function endpointsFromSlices(
  svc: K8sService,
  cluster: Cluster,
  slices: K8sEndpointSlice[],
): ServiceEndpoints {
  const ports = svc.spec.ports ?? [];
  const perPort: EndpointState[][] = ports.map(() => []);
  const addresses: EndpointAddress[] = [];
  const seen = new Set<number>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    for (const ep of slice.endpoints) {
      const ip = ep.addresses[0] ? parseIpv4(ep.addresses[0]) : null;
      if (ip === null) continue;
      const ready = ep.conditions?.ready ?? true;
      const nodeName = ep.nodeName ?? null;
      const addr: EndpointAddress = {
        ip,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
        nodeName,
        nodeIndex: nodeIndexOf(cluster, nodeName, ip),
        podKey: ep.targetRef
          ? `${ep.targetRef.namespace ?? slice.metadata.namespace ?? 'default'}/${ep.targetRef.name}`
          : null,
        hostname: ep.hostname ?? null,
      };
      if (!seen.has(ip)) {
        seen.add(ip);
        addresses.push(addr);
      }
      ports.forEach((sp, pi) => {
        const match = (slice.ports ?? []).find(
          (p) => (p.name ?? '') === (sp.name ?? '') && portProtocol(p) === portProtocol(sp),
        );
        if (match?.port) perPort[pi]!.push({ ...addr, port: match.port });
      });
    }
  }
  return { addresses, perPort: perPort.map(sortEndpoints) };
}

function nodeIndexOf(cluster: Cluster, nodeName: string | null, ip: Ipv4): number | null {
  if (nodeName !== null) {
    const n = cluster.nodeByName.get(nodeName);
    if (n !== undefined) return n;
  }
  const pod = cluster.podByIp.get(ip);
  if (pod !== undefined) return cluster.pods[pod]!.nodeIndex;
  return cluster.nodeByIp.get(ip) ?? null;
}
