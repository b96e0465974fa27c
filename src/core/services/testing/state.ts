import { cidr } from '../../net/cidr';
import { type Ipv4, ipv4 } from '../../net/ipv4';
import type { EndpointState, ServicePortState, ServiceState } from '../types';

/** Test helper: an endpoint `ip:port`, optionally on a named node. */
export function ep(text: string, nodeName: string | null = null, ready = true): EndpointState {
  const [ip, port] = text.split(':');
  return {
    ip: ipv4(ip!),
    port: Number(port),
    ready,
    serving: ready,
    terminating: false,
    nodeName,
    nodeIndex: nodeName === null ? null : Number(nodeName.replace(/\D/g, '')) - 1,
    podKey: null,
    hostname: null,
  };
}

/** Test helper: a service port in kube-proxy's view (defaults: TCP, Cluster policies, no affinity). */
export function port(
  name: string,
  clusterIP: string,
  p: number,
  endpoints: EndpointState[],
  extra: Partial<ServicePortState> = {},
): ServicePortState {
  const [nsName, portName = ''] = name.split(':');
  const [namespace, service] = nsName!.split('/');
  return {
    name,
    namespace: namespace!,
    service: service!,
    portName,
    protocol: 'TCP',
    port: p,
    targetPort: p,
    clusterIP: ipv4(clusterIP),
    nodePort: 0,
    externalIPs: [],
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    healthCheckNodePort: 0,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    affinityTimeoutSeconds: 10800,
    endpoints,
    ...extra,
  };
}

/** Test helper: a ServiceState holding just `ports`, on nodes node1 (192.168.1.10) and node2 (.11). */
export function stateOf(ports: ServicePortState[], clusterCidr = '10.0.0.0/8'): ServiceState {
  const nodeIps: Ipv4[] = [ipv4('192.168.1.10'), ipv4('192.168.1.11')];
  return {
    serviceCidr: cidr('172.30.0.0/16'),
    clusterCidr: cidr(clusterCidr),
    clusterDomain: 'cluster.local',
    services: [],
    ports,
    nodeNames: ['node1', 'node2'],
    nodeIps,
  };
}
