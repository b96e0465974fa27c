import type { Cidr } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';

/**
 * An iptables rule as kube-proxy writes it, kept structured so that one value can be printed two
 * ways (kube-proxy's iptables-restore input, and `iptables-save`'s normalised form, as in kubernetes pkg/proxy/iptables/proxier_test.go) and
 * interpreted like netfilter would. `parts` keep kube-proxy's argument order.
 */

export type L4 = 'tcp' | 'udp' | 'sctp';

export type Part =
  | { t: 'comment'; text: string }
  /** `-m tcp -p tcp`: protocol plus the protocol match module that carries `--dport`. */
  | { t: 'l4'; proto: L4 }
  | { t: 'src' | 'dst'; cidr: Cidr; neg: boolean }
  | { t: 'dport'; port: number }
  | { t: 'addrtype'; dir: 'src' | 'dst'; neg?: boolean }
  /** `-p tcp` without the protocol match module (IPVS mode's KUBE-NODE-PORT rules). */
  | { t: 'proto'; proto: L4 }
  /** `-m set --match-set NAME dst,dst` (IPVS mode; K8S pkg/proxy/ipvs/proxier.go `writeIptablesRules`). */
  | { t: 'set'; name: string; flags: string }
  /** `-m physdev ! --physdev-is-in`: the packet did (not) enter through a bridge port. */
  | { t: 'physdev'; neg: boolean }
  /** `-m ipvs --vaddr IP --vproto P --vport N`: the connection belongs to this IPVS virtual server. */
  | { t: 'ipvs'; vaddr: Ipv4; vproto: L4; vport: number }
  /** `-m statistic --mode random --probability P`; `p` is kube-proxy's `%0.10f` text. */
  | { t: 'statistic'; p: string }
  | { t: 'recent'; op: 'set' | 'rcheck'; name: string; seconds: number }
  | { t: 'mark'; neg: boolean; value: number }
  | { t: 'ctstate'; neg: boolean; states: string };

export type Target =
  /** `endpoint` (`ip:port`) is set on SVC/SVL → SEP jumps so a caller can force an endpoint choice. */
  | { t: 'jump'; chain: string; endpoint?: string }
  | { t: 'RETURN' | 'ACCEPT' | 'DROP' | 'REJECT' }
  | { t: 'DNAT'; ip: Ipv4; port: number }
  | { t: 'MARK'; op: 'or' | 'xor'; value: number }
  | { t: 'MASQUERADE'; randomFully: boolean }
  /** A rule with no `-j` (the trailing comment rule of a KUBE-FW chain). */
  | { t: 'none' };

export interface IptRule {
  chain: string;
  parts: Part[];
  target: Target;
}

export type TableName = 'nat' | 'filter';

/** Built-in chains of each table, in the order iptables-save lists them. */
export const BUILTIN_CHAINS: Record<TableName, string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/**
 * One table on one node: chain name → rules. Node-independent chains are shared by every node (built
 * once); chains that differ per node (Local policies, KUBE-SERVICES when it does) are the node's own.
 * Per-service chains (KUBE-SVC/SVL/EXT/FW/SEP) are built only when first looked up or listed: a
 * packet walk touches a handful of the 100,000+ chains of a large cluster.
 */
export interface IptTable {
  name: TableName;
  /** The chain's rules (building the owning service port's chains on first use). */
  chain(name: string): IptRule[] | undefined;
  /** Chains in kube-proxy's write order (restore input order); lists every chain. */
  readonly order: string[];
  /** This node's own chains (all of them, built on access). */
  readonly local: Map<string, IptRule[]>;
  /** Chains shared with every node (all of them, built on access). */
  readonly shared: Map<string, IptRule[]>;
}

export function chainRules(table: IptTable, chain: string): IptRule[] | undefined {
  return table.chain(chain);
}

/** Everything kube-proxy (iptables mode) programs on one node. */
export interface IptablesRules {
  mode: 'iptables';
  nodeIndex: number;
  nat: IptTable;
  filter: IptTable;
  /**
   * ipset membership for `-m set` matches: does the set hold the packet's tuple for these flags
   * (`dst,dst` = destination IP and port, `dst,dst,src` adds the source IP, `dst` = one field)?
   */
  inSet?: (
    name: string,
    flags: string,
    pkt: { src: Ipv4; dst: Ipv4; protocol: string; dstPort: number },
  ) => boolean;
  /** iptables mode watches KUBE-PROXY-CANARY (proxier.go `ipt.Monitor`); IPVS mode does not. */
  canary?: boolean;
}

export const rule = (chain: string, parts: Part[], target: Target): IptRule => ({ chain, parts, target });
export const jump = (chain: string): Target => ({ t: 'jump', chain });
