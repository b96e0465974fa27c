import type { Ipv4 } from '../net/ipv4';
import type { Protocol } from '../model/k8s';
import type { ServicePortState, ServiceRecord, ServiceState } from './types';
import { perState } from './per-state';

/*
 * Lookups over a Service state, built once per state and kept beside it (a state never changes
 * after it is built): a trace at XL (10,000 Services, 6,671 proxied ports) looks things up instead
 * of scanning them. Where two entries share a key the first in the state's order wins, as a scan
 * in order would.
 */

function setFirst<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

const vipKey = (protocol: Protocol, ip: Ipv4, port: number) => `${protocol} ${ip} ${port}`;
const nodePortKey = (protocol: Protocol, port: number) => `${protocol} ${port}`;

/**
 * Service ports by what a packet can address, as positions in `state.ports`: a VIP (ClusterIP,
 * external IP, load-balancer IP) with the port, or a NodePort. kube-proxy finds them the same way:
 * one KUBE-SERVICES rule or `service-ips` map element per VIP and port, and KUBE-NODEPORTS by port
 * (kubernetes/kubernetes pkg/proxy/iptables/proxier.go).
 */
const portIndex = perState((state) => {
  const byVip = new Map<string, number>();
  const byNodePort = new Map<string, number>();
  state.ports.forEach((p, i) => {
    if (p.clusterIP !== null) setFirst(byVip, vipKey(p.protocol, p.clusterIP, p.port), i);
    for (const ip of [...p.loadBalancerIPs, ...p.externalIPs])
      setFirst(byVip, vipKey(p.protocol, ip, p.port), i);
    if (p.nodePort > 0) setFirst(byNodePort, nodePortKey(p.protocol, p.nodePort), i);
  });
  return { byVip, byNodePort };
});

/**
 * The first Service port (in `state.ports` order) that a packet to `dst:dstPort` addresses: by a
 * VIP, or by its NodePort when `dst` is one of the node's own addresses (`isLocal`, asked only when a
 * NodePort matches).
 */
export function addressedPort(
  state: ServiceState,
  protocol: Protocol,
  dst: Ipv4,
  dstPort: number,
  isLocal: (ip: Ipv4) => boolean,
): ServicePortState | undefined {
  const { byVip, byNodePort } = portIndex(state);
  const viaVip = byVip.get(vipKey(protocol, dst, dstPort));
  const viaNodePort = byNodePort.get(nodePortKey(protocol, dstPort));
  const at = Math.min(viaVip ?? Infinity, viaNodePort !== undefined && isLocal(dst) ? viaNodePort : Infinity);
  return at === Infinity ? undefined : state.ports[at];
}

/** Services by `ns/name`, by every address they own, and by ClusterIP alone. */
const serviceIndex = perState((state) => {
  const byKey = new Map<string, ServiceRecord>();
  const byAddress = new Map<Ipv4, ServiceRecord>();
  const byClusterIP = new Map<Ipv4, ServiceRecord>();
  for (const s of state.services) {
    setFirst(byKey, `${s.namespace}/${s.name}`, s);
    if (s.clusterIP !== null) {
      setFirst(byAddress, s.clusterIP, s);
      setFirst(byClusterIP, s.clusterIP, s);
    }
    for (const p of s.ports)
      for (const ip of [...p.loadBalancerIPs, ...p.externalIPs]) setFirst(byAddress, ip, s);
  }
  return { byKey, byAddress, byClusterIP };
});

/** The Service named `namespace/name`, as the API server finds it by key. */
export function serviceNamed(
  state: ServiceState,
  namespace: string,
  name: string,
): ServiceRecord | undefined {
  return serviceIndex(state).byKey.get(`${namespace}/${name}`);
}

/** The first Service (in `state.services` order) owning `ip` as its ClusterIP, an external or LB IP. */
export function serviceOwning(state: ServiceState, ip: Ipv4): ServiceRecord | undefined {
  return serviceIndex(state).byAddress.get(ip);
}

/** The first Service (in `state.services` order) whose ClusterIP is `ip` (a PTR answer's name). */
export function serviceWithClusterIP(state: ServiceState, ip: Ipv4): ServiceRecord | undefined {
  return serviceIndex(state).byClusterIP.get(ip);
}
