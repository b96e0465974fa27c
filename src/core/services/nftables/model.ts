import type { Cidr } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';

/**
 * kube-proxy's nftables table `ip kube-proxy` (K8S pkg/proxy/nftables/proxier.go and proxier_test
 * `baseRules`, kubernetes pkg/proxy/nftables/proxier_test.go): sets and verdict maps give O(1) dispatch, per-service chains hold the
 * masquerade rule and a `numgen random mod N vmap`, per-endpoint chains DNAT.
 */

export type NftOp =
  | { k: 'masq'; daddr: Ipv4; notSaddr: Cidr | null }
  | { k: 'affinity'; set: string; goto: string }
  /** `endpoints[i]` is the `ip:port` behind `targets[i]` (lets a caller force the choice). */
  | { k: 'numgen'; targets: string[]; endpoints: string[] }
  | { k: 'podShort'; saddr: Cidr; goto: string }
  | { k: 'localMasq' }
  | { k: 'localShort'; goto: string }
  | { k: 'mark' }
  | { k: 'goto'; chain: string }
  | { k: 'hairpin'; ip: Ipv4 }
  | { k: 'affinityUpdate'; set: string }
  | { k: 'dnat'; ip: Ipv4; port: number; proto: string }
  | { k: 'fwDrop'; ranges: Cidr[] };

export interface NftRule {
  chain: string;
  /** The rule body as `nft` prints it after `add rule ip kube-proxy <chain>`. */
  text: string;
  op: NftOp;
}

export type NftVerdict = { goto: string } | 'drop' | { rejectChain: true };

export interface NftElement<V> {
  key: string;
  value: V;
  comment?: string;
}

/** The verdict maps and sets kube-proxy fills, by nft name. */
export type NftMapName =
  'service-ips' | 'service-nodeports' | 'firewall-ips' | 'no-endpoint-services' | 'no-endpoint-nodeports';

/**
 * Per-node nftables state. Keys: `ip . proto . port` (as nft prints them) or `proto . port`. Maps of
 * node-independent ports are shared by every node; per-service chains and the transaction text are
 * built on first use (a packet walk reads one map entry and a few chains).
 */
export interface NftRules {
  mode: 'nftables';
  nodeIndex: number;
  clusterCidr: Cidr;
  serviceCidr: Cidr;
  clusterIps: Set<number>;
  nodeportIps: Ipv4[];
  serviceIps: Map<string, NftElement<string>>;
  serviceNodeports: Map<string, NftElement<string>>;
  firewallIps: Map<string, NftElement<string>>;
  noEndpointServices: Map<string, NftElement<'drop' | 'goto reject-chain'>>;
  noEndpointNodeports: Map<string, NftElement<'drop' | 'goto reject-chain'>>;
  /** One chain's rules (builds the owning service port's chains on first use). */
  chain(name: string): NftRule[] | undefined;
  /** Per-service chains in kube-proxy's transaction order, grouped by service port (all, built on access). */
  readonly chains: Map<string, NftRule[]>;
  /** Affinity sets (name → timeout seconds). */
  readonly affinitySets: Map<string, number>;
  /** Transaction blocks per service port (for the `nft -f` style dump), in port order. */
  readonly blocks: string[][];
}
