import type { Cluster } from '../../model/cluster';
import type { Protocol } from '../../model/k8s';
import type { ProxyMode } from '../../model/scenario';
import type { Ipv4 } from '../../net/ipv4';
import type { ServiceState } from '../types';
import type { ClusterNode } from '../../model/cluster';
import type { NetnsBuilder } from '../../cni/builder';

/**
 * The contract every Service proxy mode implements (kube-proxy iptables / nftables / ipvs, and the
 * eBPF replacement): program one node's state from the control plane's ServiceState, translate a
 * packet the way that node's kernel would, and print the state the way the real tool does.
 */

/** The 5-tuple of the first packet of a connection, as it reaches the node's hook. */
export interface ProxyPacket {
  src: Ipv4;
  dst: Ipv4;
  protocol: Protocol;
  srcPort: number;
  dstPort: number;
}

/**
 * Where the packet meets the proxy: `PREROUTING` for packets arriving from a Pod or from outside,
 * `OUTPUT` for packets from the node's own processes (hostNetwork), `connect` for a Pod's socket
 * call (eBPF socket LB; other modes treat it like PREROUTING).
 */
export type ProxyHook = 'PREROUTING' | 'OUTPUT' | 'connect';

/** Client-IP affinity memory (`recent` lists, nft affinity sets, IPVS persistence): name → client → endpoint. */
export type AffinityState = Map<string, Map<number, string>>;

export interface ProxyContext {
  hook: ProxyHook;
  /** `-m addrtype --dst-type LOCAL` / `fib daddr type local`: is this address local to the node? */
  isLocal: (ip: Ipv4) => boolean;
  /** Seeded generator in [0, 1) for random endpoint choice. */
  rng: () => number;
  /** Force this endpoint when it is one of the candidates (the caller's "pick endpoint" control). */
  forceEndpoint?: { ip: Ipv4; port: number };
  /** Persistent affinity state across calls; without it every call is a fresh client. */
  affinity?: AffinityState;
}

/** A rule or map entry that decided something, printed as the real tool prints it. */
export interface MatchedRule {
  /** `nat`, `filter` (iptables), `ip kube-proxy` (nft), `ipvs`, `ipset`, or a BPF map name. */
  table: string;
  rule: string;
}

export interface Translation {
  action: 'dnat' | 'none' | 'reject' | 'drop';
  endpoint?: { ip: Ipv4; port: number };
  /** The packet was marked for SNAT: POSTROUTING will masquerade it to the egress address. */
  masquerade: boolean;
  /** Rules that matched, in evaluation order. */
  matched: MatchedRule[];
  /** The rules that will match in nat POSTROUTING (the masquerade step) for this packet. */
  postrouting: MatchedRule[];
  /** How many rules/lookups were evaluated (linear chains vs. O(1) maps). */
  evaluated: number;
  /** Where the translation happened: netfilter nat, IPVS, an eBPF socket hook or an eBPF tc/XDP program. */
  stage: 'netfilter' | 'ipvs' | 'bpf-sock' | 'bpf-tc' | null;
}

export type RenderWhat =
  | 'iptables-save'
  | 'iptables-restore'
  | 'nft'
  | 'nft-transaction'
  | 'ipvsadm'
  | 'ipset'
  | 'bpf-lb'
  | 'kube-ipvs0';

/** The node's local addresses as the Linux model lists them (`ip -4 addr`). */
export interface NodeHost {
  /**
   * The node's local addresses. The VIPs every node shares on kube-ipvs0 may be left out: the one
   * caller (IPVS NodePort addresses) skips kube-ipvs0's addresses anyway.
   */
  addresses(): readonly { dev: string; ip: Ipv4 }[];
}

/** One proxy mode. `R` is the node's programmed state (kept in the worker, never sent to the page). */
export interface ProxyModule<R = unknown> {
  mode: ProxyMode;
  /** Views this mode can print. */
  renders: readonly RenderWhat[];
  program(state: ServiceState, cluster: Cluster | null, nodeIndex: number, host?: NodeHost): R;
  /**
   * What the mode puts into a node's netns besides rules (IPVS: the kube-ipvs0 dummy device and its
   * VIPs; the eBPF replacement: its socket programs on the cgroup root). The walker reads that state.
   */
  buildNode?(b: NetnsBuilder, node: ClusterNode, state: () => ServiceState): void;
  translate(rules: R, packet: ProxyPacket, ctx: ProxyContext): Translation;
  render(rules: R, what: RenderWhat): string;
}

/** The empty result: nothing matched. */
export const untouched = (evaluated = 0): Translation => ({
  action: 'none',
  masquerade: false,
  matched: [],
  postrouting: [],
  evaluated,
  stage: null,
});
