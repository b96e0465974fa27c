import type { Cidr } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';

/**
 * kube-proxy's nftables table `ip kube-proxy` (K8S pkg/proxy/nftables/proxier.go and proxier_test
 * `baseRules`; facts §2): sets and verdict maps give O(1) dispatch, per-service chains hold the
 * masquerade rule and a `numgen random mod N vmap`, per-endpoint chains DNAT.
 */

export type NftOp =
  | { k: 'masq'; daddr: Ipv4; notSaddr: Cidr | null }
  | { k: 'affinity'; set: string; goto: string }
  | { k: 'numgen'; targets: string[] }
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

/** Per-node nftables state. Keys: `ip . proto . port` (as nft prints them) or `proto . port`. */
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
  /** Per-service chains in kube-proxy's transaction order, grouped by service port. */
  chains: Map<string, NftRule[]>;
  /** Affinity sets (name → timeout seconds). */
  affinitySets: Map<string, number>;
  /** Transaction blocks per service port (for the `nft -f` style dump), in port order. */
  blocks: string[][];
  endpointOf: Map<string, string>;
}
