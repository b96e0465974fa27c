import type { K8sEndpointSlice, K8sNamespace, K8sNetworkPolicy, K8sNode, K8sPod, K8sService } from './k8s';
import type { L7Objects } from './l7';

/**
 * How Pods on one node are wired to the node: a `cni0` bridge, routed /32s (Calico), eBPF redirects
 * (Cilium), ptp veths with /32 host routes (kind's kindnet), or VPC-native Pods holding secondary
 * IPs of the node's ENI (AWS VPC CNI). The one list every picker, the CLI
 * and the share-link codec read; new ids go at the end.
 */
export const INTRA_DESIGN_IDS = ['bridge', 'routed', 'ebpf', 'ptp', 'vpc'] as const;
export type IntraDesign = (typeof INTRA_DESIGN_IDS)[number];
/** How Pod packets cross between nodes: plain routing on the underlay, or a VXLAN overlay. */
export const INTER_DESIGN_IDS = ['overlay', 'routing'] as const;
export type InterDesign = (typeof INTER_DESIGN_IDS)[number];
/** How Service VIPs are turned into endpoints on every node. */
export const PROXY_MODE_IDS = ['iptables', 'ipvs', 'nftables', 'ebpf'] as const;
export type ProxyMode = (typeof PROXY_MODE_IDS)[number];

export interface Designs {
  intra: IntraDesign;
  inter: InterDesign;
  proxy: ProxyMode;
}

/**
 * Cluster-wide settings: what kubeadm's ClusterConfiguration and kube-controller-manager flags say
 * (`--cluster-cidr`, `--node-cidr-mask-size`, `--service-cluster-ip-range`) plus the underlay.
 */
export interface ClusterSettings {
  /** The node network, e.g. `192.168.1.0/24`; node IPs are allocated from .10 up. */
  underlayCidr: string;
  /** The underlay's default gateway (a router outside the cluster). */
  underlayGateway: string;
  /** `--cluster-cidr`, kubeadm `podSubnet`. */
  podCidr: string;
  /** `--node-cidr-mask-size` (default 24). */
  nodeCidrMaskSize: number;
  /** `--service-cluster-ip-range` (kubeadm default 10.96.0.0/12). */
  serviceCidr: string;
  /** kubelet `clusterDomain` (default cluster.local). */
  clusterDomain: string;
  /** MTU of the nodes' physical NICs. */
  mtu: number;
}

/** The persisted document: settings, designs and Kubernetes objects. Plain JSON. */
export interface Scenario {
  version: 1;
  cluster: ClusterSettings;
  designs: Designs;
  nodes: K8sNode[];
  namespaces: K8sNamespace[];
  pods: K8sPod[];
  services: K8sService[];
  endpointSlices: K8sEndpointSlice[];
  networkPolicies: K8sNetworkPolicy[];
  /** Ingress and Gateway API objects (absent when the scenario has none; core/model/l7.ts). */
  l7?: L7Objects;
}

export const DEFAULT_CLUSTER: ClusterSettings = {
  underlayCidr: '192.168.1.0/24',
  underlayGateway: '192.168.1.1',
  podCidr: '10.244.0.0/16',
  nodeCidrMaskSize: 24,
  serviceCidr: '10.96.0.0/12',
  clusterDomain: 'cluster.local',
  mtu: 1500,
};

export const DEFAULT_DESIGNS: Designs = { intra: 'bridge', inter: 'overlay', proxy: 'iptables' };

/** A scenario with no objects, on the default networks and designs (an import's base). */
export function emptyScenario(): Scenario {
  return {
    version: 1,
    cluster: { ...DEFAULT_CLUSTER },
    designs: { ...DEFAULT_DESIGNS },
    nodes: [],
    namespaces: [],
    pods: [],
    services: [],
    endpointSlices: [],
    networkPolicies: [],
  };
}
