import type { Cidr } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';
import type { Protocol } from '../../model/k8s';
import type { EndpointState, ServicePortState, ServiceState } from '../types';
import type { IptablesRules } from '../iptables/model';

/** The IPVS proxy mode's data: virtual servers, real servers and what one node holds. */

export interface RealServer {
  ip: Ipv4;
  port: number;
}

export interface VirtualServer {
  protocol: Protocol;
  vip: Ipv4;
  port: number;
  /** 0 = no persistence; else `persistent <timeout>`. */
  persistent: number;
  reals: RealServer[];
  /** ServicePortName it belongs to, and what kind of address this is. */
  service: string;
  kind: 'cluster' | 'external' | 'loadbalancer' | 'nodeport';
  /** externalTrafficPolicy Local on an external address: only local reals, client IP kept. */
  localPolicy: boolean;
}

export interface IpvsRules {
  mode: 'ipvs';
  nodeIndex: number;
  clusterCidr: ServiceState['clusterCidr'];
  /** Addresses on kube-ipvs0 (`ip addr show kube-ipvs0`), for the Netns builder. */
  vips: Ipv4[];
  /** The local addresses that carry NodePort virtual servers. */
  nodePortAddresses(): Ipv4[];
  /** The virtual server for `proto VIP:port` on this node, if any. */
  lookup(protocol: Protocol, ip: Ipv4, port: number): VirtualServer | undefined;
  /** Every virtual server of the node (built on access). */
  readonly virtual: Map<string, VirtualServer>;
  /** Membership test of one of kube-proxy's sets, as `-m set` asks it. */
  inSet(name: string, pkt: { src: Ipv4; dst: Ipv4; protocol: string; dstPort: number }): boolean;
  /** kube-proxy's ipsets, set name → members (built on access). */
  readonly ipsets: Map<string, string[]>;
  /** The nat and filter rules kube-proxy writes next to IPVS (built on first use). */
  readonly netfilter: IptablesRules;
}

/** An LB ingress IP:port with one of its `loadBalancerSourceRanges`. */
export interface SourceRange {
  ip: Ipv4;
  proto: 'tcp' | 'udp' | 'sctp';
  port: number;
  net: Cidr;
}

export const vkey = (proto: string, ip: number, port: number) => `${proto}|${ip}|${port}`;

/** A port's virtual servers except its NodePort one (whose address is the node's). */
export interface IpvsPort {
  sp: ServicePortState;
  servers: VirtualServer[];
  /** Template of the NodePort virtual server (vip filled in per node), or null. */
  nodePort: VirtualServer | null;
  /** Endpoints that get a KUBE-LOOP-BACK entry on the node they run on. */
  reachable: EndpointState[];
}

/** Node-independent part, built once per ServiceState. */
export interface SharedIpvs {
  ports: (IpvsPort | null)[];
  virtual: Map<string, VirtualServer>;
  /** NodePort server templates of node-independent ports, keyed with address 0. */
  nodePorts: Map<string, VirtualServer>;
  vips: Ipv4[];
  vipSet: Set<number>;
  healthChecks: Set<number>;
  sourceRanges: SourceRange[];
}
