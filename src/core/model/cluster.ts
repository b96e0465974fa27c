import type { Say } from '../trace/types';
import type { Cidr } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { ContainerPort } from './k8s';
import type { Designs, Scenario } from './scenario';

/** A node after IPAM: its Node IP on the underlay and the Pod CIDR nodeipam gave it. */
export interface ClusterNode {
  index: number;
  name: string;
  ip: Ipv4;
  podCidr: Cidr;
  labels: Record<string, string>;
}

/** A Pod after IPAM: placed on a node, with one IP (the Pod-IP invariant). */
export interface ClusterPod {
  index: number;
  namespace: string;
  name: string;
  nodeIndex: number;
  ip: Ipv4;
  labels: Record<string, string>;
  ports: ContainerPort[];
  ready: boolean;
  hostNetwork: boolean;
}

/** Parsed cluster settings. */
export interface ClusterNetworks {
  underlay: Cidr;
  underlayGateway: Ipv4;
  podCidr: Cidr;
  nodeCidrMaskSize: number;
  serviceCidr: Cidr;
  clusterDomain: string;
  mtu: number;
}

/**
 * The resolved cluster the engine works on: every node and Pod has its addresses, with indexes for
 * O(1) lookups by IP, name and Pod CIDR. Built once per scenario; never crosses to the page.
 */
export interface Cluster {
  scenario: Scenario;
  designs: Designs;
  networks: ClusterNetworks;
  nodes: ClusterNode[];
  pods: ClusterPod[];
  nodeByName: Map<string, number>;
  nodeByIp: Map<number, number>;
  /** Node index by the network address of its Pod CIDR (all nodes share one mask size). */
  nodeByPodCidrBase: Map<number, number>;
  podByKey: Map<string, number>;
  podByIp: Map<number, number>;
  /** Pod indexes per node, in allocation order. */
  podsOnNode: number[][];
}

/** A problem found in a scenario, with the JSON path of the offending field. */
export interface Problem {
  code:
    | 'INVALID_CIDR'
    | 'INVALID_IP'
    | 'CIDR_OVERLAP'
    | 'POD_IP_OUTSIDE_NODE_RANGE'
    | 'DUPLICATE_NAME'
    | 'DUPLICATE_IP'
    | 'RANGE_EXHAUSTED'
    | 'UNKNOWN_NODE'
    | 'INVALID_VALUE';
  path: string;
  /** One English sentence (the CLI prints it; the page translates `say`). */
  message: string;
  /** The sentence as a key with arguments (core/model/problem-messages.ts), like a hop's `say`. */
  say?: Say;
  /** On a summary entry: how many more problems of this code were found and not listed. */
  more?: number;
}

export const podKey = (namespace: string, name: string): string => `${namespace}/${name}`;
