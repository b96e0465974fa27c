import type { LinkKind } from '../linux/types';
import type { Designs } from '../model/scenario';

/**
 * What the canvas draws, computed in the worker: nodes as containers holding their devices and
 * Pods, and the underlay between them. Plain JSON; device ids match trace hops (`netns` + `device`).
 */

export interface TopologyDevice {
  /** `${netns}|${name}`: the key a trace hop maps to. */
  id: string;
  netns: string;
  name: string;
  kind: LinkKind;
  addresses: string[];
  /** Short role for the label, e.g. `bridge (gateway)`, `VXLAN VTEP`, `host end of veth`. */
  role: string;
  /** eBPF programs attached, as `program@hook`. */
  bpf: string[];
}

export interface TopologyPod {
  /** `NS/POD` (also its netns id). */
  key: string;
  namespace: string;
  name: string;
  ip: string;
  labels: Record<string, string>;
  /** The Pod's own `eth0`. */
  eth0: TopologyDevice;
  /** The host end of its veth pair, in the node netns. */
  hostVeth: TopologyDevice;
}

export interface TopologyNode {
  name: string;
  /** `node/NAME`. */
  netns: string;
  ip: string;
  podCidr: string;
  devices: TopologyDevice[];
  pods: TopologyPod[];
  /** Total Pods on the node (pods[] may be truncated in aggregated views). */
  podCount: number;
}

/**
 * A Service as the canvas shows it: not a box on the wire but a VIP and ports, linked to the Pods
 * its EndpointSlices list. kube-proxy turns it into rules on every node.
 */
export interface TopologyService {
  /** `NS/NAME`. */
  key: string;
  namespace: string;
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  /** null for headless (`clusterIP: None`) and ExternalName Services. */
  clusterIP: string | null;
  headless: boolean;
  externalName: string | null;
  ports: {
    name: string;
    protocol: string;
    port: number;
    targetPort: string;
    nodePort: number | null;
    /** This port's endpoints as `IP:port` (named targetPorts resolved per Pod), what a trace can be forced to. */
    endpoints?: string[];
  }[];
  loadBalancerIPs: string[];
  externalIPs: string[];
  externalTrafficPolicy: 'Cluster' | 'Local';
  /** Endpoint Pods (`NS/POD`) with their readiness. */
  endpoints: { pod: string | null; ip: string; ready: boolean }[];
}

/** The real CNI a design combination resembles. */
export interface Resemblance {
  cni: string;
  detail: string;
}

export interface Topology {
  designs: Designs;
  resembles: Resemblance;
  underlay: { cidr: string; gateway: string };
  podCidr: string;
  serviceCidr: string;
  nodes: TopologyNode[];
  /** Services (capped in aggregated views; see totals). */
  services: TopologyService[];
  /** True when the cluster is too large to draw every device (an overview instead). */
  aggregated: boolean;
  totals: { nodes: number; pods: number; services: number };
  /** Nodes drawn in detail in an aggregated view (the ones the user drilled into). */
  focus: string[];
}
