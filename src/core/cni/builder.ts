import type { SharedRoutes } from '../linux/fib';
import { LayeredRouteTable } from '../linux/fib';
import { LayeredFdbTable, LayeredNeighborTable, type SharedEntries } from '../linux/tables';
import type {
  Address,
  BpfAttachment,
  BpfMap,
  FdbEntry,
  Link,
  Neighbor,
  Netns,
  NetnsId,
  Route,
} from '../linux/types';

/** Cluster-wide entries every node carries (one per remote node), stored once. */
export interface SharedState {
  routes: SharedRoutes;
  neighbors: SharedEntries<Neighbor>;
  fdb: SharedEntries<FdbEntry>;
  /** Node-agnostic eBPF maps (Cilium's ipcache is the same on every node). */
  bpfMaps: BpfMap[];
  /**
   * Addresses the underlay itself delivers to a node besides its Node IP, by node index: the
   * secondary private IPs of each node's ENI in a VPC (EC2 AssignPrivateIpAddresses).
   */
  fabric: Map<number, number>;
}

/** Accumulates what a CNI ADD (or an agent like flanneld/Felix/cilium-agent) programs into a netns. */
export class NetnsBuilder {
  readonly links: Link[] = [];
  readonly addresses: Address[] = [];
  readonly routes: Route[] = [];
  readonly neighbors: Neighbor[] = [];
  readonly fdb: FdbEntry[] = [];
  readonly bpfMaps: BpfMap[] = [];
  /** Programs attached to the node's cgroup-v2 root (socket-level load balancing). */
  readonly cgroup: BpfAttachment[] = [];
  forwarding = false;
  /** Addresses every node carries (kube-ipvs0's VIPs): one list and one set shared by all. */
  shared: { addresses: readonly Address[]; ips: ReadonlySet<number> } | null = null;

  constructor(
    readonly id: NetnsId,
    readonly kind: 'node' | 'pod',
    readonly nodeIndex: number,
  ) {}

  link(l: Link): Link {
    this.links.push(l);
    return l;
  }

  address(a: Address): void {
    this.addresses.push(a);
  }

  route(r: Route): void {
    this.routes.push(r);
  }

  build(shared: SharedState | null): Netns {
    const self = this.kind === 'node' ? this.nodeIndex : -1;
    const links = [...this.links].sort((a, b) => a.ifindex - b.ifindex);
    const own = this.addresses;
    const common = this.shared;
    let all: Address[] | null = common ? null : own;
    return {
      id: this.id,
      kind: this.kind,
      nodeIndex: this.nodeIndex,
      links,
      // Shared addresses (10,000 VIPs on kube-ipvs0 at XL) are appended only when someone lists them.
      get addresses(): Address[] {
        return (all ??= [...own, ...common!.addresses]);
      },
      ownIps: new Set(this.addresses.map((a) => a.ip)),
      ownAddresses: own,
      ...(this.shared ? { sharedIps: this.shared.ips } : {}),
      routes: new LayeredRouteTable(this.routes, shared?.routes ?? null, self),
      neighbors: new LayeredNeighborTable(this.neighbors, shared?.neighbors ?? null, self),
      fdb: new LayeredFdbTable(this.fdb, shared?.fdb ?? null, self),
      forwarding: this.forwarding,
      bpfMaps: [...this.bpfMaps, ...(shared?.bpfMaps ?? [])],
      ...(this.cgroup.length ? { cgroup: [...this.cgroup] } : {}),
    };
  }
}

/** `ip` link flags of an UP Ethernet-like device. */
export const UP_FLAGS = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'];
