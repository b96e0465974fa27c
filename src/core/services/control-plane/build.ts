import type { Cluster } from '../../model/cluster';
import type { K8sEndpointSlice, K8sPod, K8sService } from '../../model/k8s';
import { type Cidr, parseCidr } from '../../net/cidr';
import { type Ipv4, parseIpv4 } from '../../net/ipv4';
import {
  DEFAULT_AFFINITY_SECONDS,
  type ServicePortState,
  type ServiceRecord,
  type ServiceState,
  type ServiceType,
} from '../types';
import { allocateClusterIPs, serviceKey } from './clusterip';
import {
  type ServiceEndpoints,
  endpointsFromPods,
  endpointsFromSlices,
  portProtocol,
  sortEndpoints,
} from './endpoints';
import { DEFAULT_LB_POOL, allocateLoadBalancerIPs } from './loadbalancer';
import { allocateNodePorts } from './nodeport';
import { indexPods, selectPods } from './selector';

/** kube-apiserver's secure port as kubeadm sets it (`bindPort` 6443): the endpoint of `default/kubernetes`. */
export const APISERVER_PORT = 6443;

export interface ServiceStateOptions {
  /** Pool the simulated LoadBalancer controller hands ingress IPs from. */
  lbPool?: Cidr;
}

/**
 * Runs the control plane for Services over a resolved cluster: ClusterIP, NodePort, health-check
 * port and LoadBalancer IP allocation, then EndpointSlices (from selectors, or from manifests when
 * given). `default/kubernetes` without manifests gets the apiserver on the first node, like a
 * kubeadm control-plane node.
 */
export function buildServiceState(cluster: Cluster, options: ServiceStateOptions = {}): ServiceState {
  const scenario = cluster.scenario;
  const services = scenario.services;
  const ips = allocateClusterIPs(services, cluster.networks.serviceCidr);
  const nodePorts = allocateNodePorts(services);
  const lbIps = allocateLoadBalancerIPs(services, options.lbPool ?? DEFAULT_LB_POOL);
  const podIndex = indexPods(cluster.pods);
  // cluster.pods[i] is scenario.pods[i]: the cluster's key index finds a Pod's spec.
  const podSpec = (k: string): K8sPod | undefined => {
    const i = cluster.podByKey.get(k);
    return i === undefined ? undefined : scenario.pods[i];
  };
  const slicesBySvc = new Map<string, K8sEndpointSlice[]>();
  for (const s of scenario.endpointSlices) {
    const svcName = s.metadata.labels?.['kubernetes.io/service-name'];
    if (!svcName) continue;
    const key = `${s.metadata.namespace ?? 'default'}/${svcName}`;
    const list = slicesBySvc.get(key);
    if (list) list.push(s);
    else slicesBySvc.set(key, [s]);
  }

  const records: ServiceRecord[] = [];
  const sorted = services.map((svc) => ({ svc, key: serviceKey(svc) })).sort((a, b) => cmp(a.key, b.key));
  for (const { svc, key } of sorted) {
    const ns = svc.metadata.namespace ?? 'default';
    const type: ServiceType = svc.spec.type ?? 'ClusterIP';
    const ipRes = ips.get(key) ?? { kind: 'none' };
    const clusterIP = ipRes.kind === 'ip' ? ipRes.ip : null;
    const slices = slicesBySvc.get(key);
    let eps: ServiceEndpoints;
    const manual = slices !== undefined;
    if (type === 'ExternalName') eps = { addresses: [], perPort: (svc.spec.ports ?? []).map(() => []) };
    else if (slices) eps = endpointsFromSlices(svc, cluster, slices);
    else if (svc.spec.selector && Object.keys(svc.spec.selector).length > 0)
      eps = endpointsFromPods(
        svc,
        cluster,
        selectPods(podIndex, cluster.pods, ns, svc.spec.selector),
        podSpec,
      );
    else if (key === 'default/kubernetes') eps = apiserverEndpoints(svc, cluster);
    else eps = { addresses: [], perPort: (svc.spec.ports ?? []).map(() => []) };

    const np = nodePorts.get(key);
    const lb = lbIps.get(key) ?? [];
    const externalIPs = (svc.spec.externalIPs ?? []).map(parseIpv4).filter((x): x is Ipv4 => x !== null);
    const ranges = (svc.spec.loadBalancerSourceRanges ?? [])
      .map((r) => parseCidr(r.trim(), false))
      .filter((c): c is Cidr => c !== null);
    const ports: ServicePortState[] = (svc.spec.ports ?? []).map((sp, i) => ({
      name: sp.name ? `${key}:${sp.name}` : key,
      namespace: ns,
      service: svc.metadata.name,
      portName: sp.name ?? '',
      protocol: portProtocol(sp),
      port: sp.port,
      targetPort: sp.targetPort ?? sp.port,
      clusterIP,
      nodePort: np?.nodePorts[i] ?? 0,
      externalIPs,
      loadBalancerIPs: lb,
      loadBalancerSourceRanges: type === 'LoadBalancer' ? ranges : [],
      healthCheckNodePort: np?.healthCheckNodePort ?? 0,
      externalTrafficPolicy: svc.spec.externalTrafficPolicy ?? 'Cluster',
      internalTrafficPolicy: svc.spec.internalTrafficPolicy ?? 'Cluster',
      sessionAffinity: svc.spec.sessionAffinity ?? 'None',
      affinityTimeoutSeconds:
        svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS,
      endpoints: eps.perPort[i] ?? [],
    }));
    records.push({
      namespace: ns,
      name: svc.metadata.name,
      type,
      clusterIP,
      headless: ipRes.kind === 'headless',
      externalName: type === 'ExternalName' ? (svc.spec.externalName ?? null) : null,
      ports,
      addresses: eps.addresses,
      manualEndpoints: manual,
    });
  }
  const ports = records
    .flatMap((r) => r.ports)
    .filter((p) => p.clusterIP !== null)
    .map((p) => ({ p, k: p.name + '\0' + p.protocol }))
    .sort((a, b) => cmp(a.k, b.k))
    .map(({ p }) => p);
  return {
    serviceCidr: cluster.networks.serviceCidr,
    clusterCidr: cluster.networks.podCidr,
    clusterDomain: cluster.networks.clusterDomain,
    services: records,
    ports,
    nodeNames: cluster.nodes.map((n) => n.name),
    nodeIps: cluster.nodes.map((n) => n.ip),
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function apiserverEndpoints(svc: K8sService, cluster: Cluster): ServiceEndpoints {
  const node = cluster.nodes[0];
  if (!node) return { addresses: [], perPort: (svc.spec.ports ?? []).map(() => []) };
  // The `kubernetes` EndpointSlice lists the apiserver's advertise address and carries no nodeName.
  const addr = {
    ip: node.ip,
    ready: true,
    serving: true,
    terminating: false,
    nodeName: null,
    nodeIndex: node.index,
    podKey: null,
    hostname: null,
  };
  return {
    addresses: [addr],
    perPort: (svc.spec.ports ?? []).map(() => sortEndpoints([{ ...addr, port: APISERVER_PORT }])),
  };
}
