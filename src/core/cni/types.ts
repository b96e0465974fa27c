import type { Cluster, ClusterNode, ClusterPod } from '../model/cluster';
import type { InterDesign, IntraDesign } from '../model/scenario';
import type { PodAddressing } from '../ipam/resolve';
import type { Mac } from '../net/mac';
import type { NetnsBuilder, SharedState } from './builder';

/** What a design needs to know while programming one node or Pod. */
export interface DesignContext {
  cluster: Cluster;
  intra: IntraDesign;
  inter: InterDesign;
  /** MTU of Pod interfaces (node MTU minus tunnel overhead when the design encapsulates). */
  podMtu: number;
}

export interface PodPlacement {
  pod: ClusterPod;
  node: ClusterNode;
  /** ifindex of the host end of the Pod's veth in the node netns. */
  hostIfindex: number;
  /** ifindex of `eth0` inside the Pod. */
  podIfindex: number;
  hostVethName: string;
  hostVethMac: Mac;
  podMac: Mac;
}

/**
 * A way of wiring Pods to their node (bridge, routed, eBPF): what the CNI plugin does at ADD time
 * inside the Pod netns and on the node, plus the node-level devices it needs.
 */
export interface IntraDesignModule {
  id: IntraDesign;
  addressing: PodAddressing;
  hostVethName(pod: ClusterPod): string;
  hostVethMac(pod: ClusterPod): Mac;
  /** Node devices, routes and tables for the Pods on this node. */
  buildNode(b: NetnsBuilder, ctx: DesignContext, node: ClusterNode, pods: PodPlacement[]): void;
  /** Entries the same on every node or held by the fabric itself (the VPC's ENI addresses). */
  buildShared?(shared: SharedState, ctx: DesignContext): void;
  /** The Pod's netns: eth0, address, routes, neighbour entries. */
  buildPod(b: NetnsBuilder, ctx: DesignContext, p: PodPlacement): void;
  /** Devices this design shows on a node, with their roles (for the canvas). */
  roles: Record<string, string>;
  /**
   * Who enforces NetworkPolicy beside this plugin when it does not itself, as the policy hop labels
   * it (Flannel's bridge needs Calico alongside: Canal).
   */
  policyNote?: string;
}

/**
 * A way of carrying Pod packets between nodes (routing or overlay). Its per-remote-node entries
 * are programmed once in the shared layer; `buildNode` adds the node's own devices.
 */
export interface InterDesignModule {
  id: InterDesign;
  /** Bytes of encapsulation overhead (VXLAN: 50 = outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14). */
  overhead: number;
  buildShared(shared: SharedState, ctx: DesignContext): void;
  buildNode(b: NetnsBuilder, ctx: DesignContext, node: ClusterNode): void;
  roles: Record<string, string>;
}

/** The first ifindex for Pod veths on a node: 1 lo, 2 eth0, 3–9 design devices. */
export const FIRST_VETH_IFINDEX = 10;
