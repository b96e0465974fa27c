import type { Cidr } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { Mac } from '../net/mac';

/**
 * The Linux networking state of one network namespace, as `ip`, `bridge` and friends see it.
 * Every field mirrors a kernel object: links (`ip link`), addresses (`ip addr`), the FIB
 * (`ip route`), the neighbour table (`ip neigh`), forwarding databases (`bridge fdb`) and attached
 * eBPF programs (`bpftool net`).
 */

/** Netns identity as traces print it: `node/NAME` for a node's host netns, `NS/POD` for a Pod. */
export type NetnsId = string;

export type LinkKind = 'loopback' | 'physical' | 'veth' | 'bridge' | 'vxlan' | 'dummy';

/** VXLAN device parameters (`ip -d link show flannel.1`). */
export interface VxlanInfo {
  vni: number;
  /** UDP destination port: 8472 (Linux default, Flannel/Cilium) or 4789 (IANA, Calico). */
  port: number;
  /** Source address of outer packets; null for Cilium's flow-based (external) device. */
  local: Ipv4 | null;
  /** Underlay device. */
  dev: string;
  learning: boolean;
  /** Flow-based ("collect metadata") device whose remote is chosen per packet by eBPF. */
  external: boolean;
}

/** An eBPF program attached to a hook, as `bpftool net` / `tc filter show` would list it. */
export interface BpfAttachment {
  hook: 'tc-ingress' | 'tc-egress' | 'xdp' | 'cgroup-connect4';
  /** Program (ELF section) name, e.g. `cil_from_container`. */
  program: string;
  /** Object it comes from, e.g. `bpf_lxc.o`. */
  object: string;
}

export interface Link {
  ifindex: number;
  name: string;
  kind: LinkKind;
  mac: Mac;
  mtu: number;
  /** Operational state as `ip link` prints it. */
  state: 'UP' | 'DOWN' | 'UNKNOWN';
  /** Flags inside `<…>`, e.g. ['BROADCAST','MULTICAST','UP','LOWER_UP']. */
  flags: string[];
  /** Bridge this link is enslaved to (`master cni0`). */
  master?: string;
  /** The other end of a veth pair. */
  peer?: { netns: NetnsId; ifindex: number; name: string };
  vxlan?: VxlanInfo;
  bpf?: BpfAttachment[];
  /** `net.ipv4.conf.<dev>.proxy_arp = 1`: answers ARP for any address it can route (Calico). */
  proxyArp?: boolean;
  /** Bridge port hairpin mode (`bridge link … hairpin on`). */
  hairpin?: boolean;
}

export interface Address {
  dev: string;
  ip: Ipv4;
  prefix: number;
  scope: 'host' | 'link' | 'global';
  broadcast?: Ipv4;
}

/** Route origin as `ip route` prints it after `proto` (`boot` is not printed). */
export type RouteProto = 'kernel' | 'boot' | 'static' | 'bird' | 'dhcp' | '80';

/** One FIB entry (`ip route` line). */
export interface Route {
  /** null = `default` (0.0.0.0/0). */
  dst: Cidr | null;
  type: 'unicast' | 'blackhole' | 'local';
  via?: Ipv4;
  dev?: string;
  proto: RouteProto;
  scope: 'global' | 'link' | 'host';
  src?: Ipv4;
  onlink?: boolean;
  mtu?: number;
  metric?: number;
}

/** A neighbour (ARP) entry (`ip neigh` line). */
export interface Neighbor {
  ip: Ipv4;
  dev: string;
  lladdr: Mac;
  state: 'PERMANENT' | 'REACHABLE' | 'STALE' | 'NOARP';
}

/**
 * A forwarding database entry (`bridge fdb` line): on a bridge, which port a MAC lives behind
 * (`master cni0`); on a VXLAN device, which remote VTEP a MAC lives behind (`dst 192.168.1.11 self`).
 */
export interface FdbEntry {
  mac: Mac;
  dev: string;
  master?: string;
  dst?: Ipv4;
  self: boolean;
  permanent: boolean;
  /** The bridge's own address on a port (`permanent` local entries). */
  local?: boolean;
}

/** Longest-prefix-match FIB. Implementations may share entries between nodes (see fib.ts). */
export interface RouteTable {
  /** The kernel's `fib_lookup`: the most specific route containing `ip` (lowest metric on ties). */
  lookup(ip: Ipv4): Route | null;
  /** All entries, in the order `ip route` prints them. */
  entries(): Route[];
}

/** Neighbour table; like RouteTable it may layer shared entries under local ones. */
export interface NeighborTable {
  lookup(ip: Ipv4, dev: string): Neighbor | null;
  entries(): Neighbor[];
}

export interface FdbTable {
  /** Entry for `mac` on device (or bridge) `dev`. */
  lookup(mac: Mac, dev: string): FdbEntry | null;
  entries(): FdbEntry[];
}

/** An eBPF map as `bpftool map dump` / `cilium bpf … list` shows it: named rows of key → value. */
export interface BpfMap {
  name: string;
  /** Human-readable columns for the dump. */
  keyHeader: string;
  valueHeader: string;
  rows(): { key: string; value: string }[];
}

export interface Netns {
  id: NetnsId;
  kind: 'node' | 'pod';
  /** Owning node index (for a Pod, the node it runs on). */
  nodeIndex: number;
  links: Link[];
  addresses: Address[];
  routes: RouteTable;
  neighbors: NeighborTable;
  fdb: FdbTable;
  /** `net.ipv4.ip_forward`. */
  forwarding: boolean;
  /** The netns's own addresses as a set (the local table), when the builder computed it. */
  ownIps?: ReadonlySet<number>;
  /**
   * The netns's own addresses without the shared ones (`addresses` lists both): reading them does
   * not build a node's copy of 10,000 kube-ipvs0 VIPs at XL.
   */
  ownAddresses: readonly Address[];
  /** Local addresses shared by every node (kube-ipvs0's VIPs), also listed in `addresses`. */
  sharedIps?: ReadonlySet<number>;
  bpfMaps: BpfMap[];
  /**
   * Programs on the cgroup-v2 root the netns's sockets belong to (`bpftool cgroup tree`): Cilium's
   * socket load balancer (`cil_sock4_connect`, cgroup/connect4) rewrites connect() for every
   * process of the node, host and Pods alike.
   */
  cgroup?: BpfAttachment[];
}
