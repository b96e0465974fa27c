import type { Cidr } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { Protocol } from '../model/k8s';

/**
 * The control plane's view of Services after the apiserver allocated addresses and the
 * EndpointSlice controller listed endpoints: what every kube-proxy (and CoreDNS) consumes.
 * Plain JSON (addresses are uint32s).
 */

/** One address of an EndpointSlice endpoint (discovery.k8s.io/v1 `Endpoint` + its conditions). */
export interface EndpointAddress {
  ip: Ipv4;
  /** `conditions.ready` (nil means ready, as kube-proxy reads it). */
  ready: boolean;
  /** `conditions.serving` (defaults to ready). */
  serving: boolean;
  /** `conditions.terminating` (defaults to false). */
  terminating: boolean;
  /** `nodeName` of the endpoint: what kube-proxy compares with its own node for Local policies. */
  nodeName: string | null;
  /** Node the address lives on, if known (from nodeName, or the Pod / node owning the IP). */
  nodeIndex: number | null;
  /** `targetRef` Pod as `NS/NAME`. */
  podKey: string | null;
  /** `hostname` (StatefulSet-style Pods with `subdomain` = the Service name) for DNS. */
  hostname: string | null;
}

/** An endpoint of one service port: address plus the resolved target port. */
export interface EndpointState extends EndpointAddress {
  port: number;
}

/** One service port as kube-proxy's `ServicePort` sees it (pkg/proxy/serviceport.go). */
export interface ServicePortState {
  /** kube-proxy's ServicePortName string: `ns/name:port`, or `ns/name` for an unnamed port. */
  name: string;
  namespace: string;
  service: string;
  /** Port name ('' when unnamed). */
  portName: string;
  protocol: Protocol;
  port: number;
  targetPort: number | string;
  /** null for headless and ExternalName services, which kube-proxy skips entirely. */
  clusterIP: Ipv4 | null;
  /** 0 when the service has no NodePort. */
  nodePort: number;
  externalIPs: Ipv4[];
  /** `status.loadBalancer.ingress[].ip` (given or allocated by the simulated LB controller). */
  loadBalancerIPs: Ipv4[];
  loadBalancerSourceRanges: Cidr[];
  /** 0 unless type LoadBalancer with externalTrafficPolicy Local. */
  healthCheckNodePort: number;
  externalTrafficPolicy: 'Cluster' | 'Local';
  internalTrafficPolicy: 'Cluster' | 'Local';
  sessionAffinity: 'None' | 'ClientIP';
  /** `sessionAffinityConfig.clientIP.timeoutSeconds` (default 10800). */
  affinityTimeoutSeconds: number;
  /** All endpoints of the port, sorted by `ip:port` text as kube-proxy sorts them. */
  endpoints: EndpointState[];
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** A Service with its allocated addresses and endpoints. */
export interface ServiceRecord {
  namespace: string;
  name: string;
  type: ServiceType;
  clusterIP: Ipv4 | null;
  headless: boolean;
  externalName: string | null;
  ports: ServicePortState[];
  /** Endpoint addresses regardless of port (headless DNS answers from these). */
  addresses: EndpointAddress[];
  /** True when endpoints were copied from EndpointSlice manifests rather than derived from a selector. */
  manualEndpoints: boolean;
}

/** The whole control-plane output for Services. */
export interface ServiceState {
  serviceCidr: Cidr;
  /** `--cluster-cidr`: kube-proxy's local-traffic detector (`! -s <clusterCIDR>`). */
  clusterCidr: Cidr;
  clusterDomain: string;
  /** Every Service, sorted by `ns/name`. */
  services: ServiceRecord[];
  /** Every proxied service port (clusterIP set), sorted by ServicePortName string. */
  ports: ServicePortState[];
  /** Node names by node index (kube-proxy's `--hostname-override`). */
  nodeNames: string[];
  /** Node IPs by node index. */
  nodeIps: Ipv4[];
}

/** Default ClientIP affinity timeout, 3 h. Source: K8S pkg/apis/core/types.go DefaultClientIPServiceAffinitySeconds. */
export const DEFAULT_AFFINITY_SECONDS = 10800;

/** kube-proxy's masquerade mark: 1 << --iptables-masquerade-bit (default 14). Facts §1.1. */
export const MASQ_MARK = 0x4000;
