import type { SharedRoutes } from '../linux/fib';
import { LayeredRouteTable } from '../linux/fib';
import { LayeredFdbTable, LayeredNeighborTable, type SharedEntries } from '../linux/tables';
import type { Address, BpfMap, FdbEntry, Link, Neighbor, Netns, NetnsId, Route } from '../linux/types';

/** Cluster-wide entries every node carries (one per remote node), stored once. */
export interface SharedState {
  routes: SharedRoutes;
  neighbors: SharedEntries<Neighbor>;
  fdb: SharedEntries<FdbEntry>;
  /** Node-agnostic eBPF maps (Cilium's ipcache is the same on every node). */
  bpfMaps: BpfMap[];
}

/** Accumulates what a CNI ADD (or an agent like flanneld/Felix/cilium-agent) programs into a netns. */
export class NetnsBuilder {
  readonly links: Link[] = [];
  readonly addresses: Address[] = [];
  readonly routes: Route[] = [];
  readonly neighbors: Neighbor[] = [];
  readonly fdb: FdbEntry[] = [];
  readonly bpfMaps: BpfMap[] = [];
  forwarding = false;

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
    return {
      id: this.id,
      kind: this.kind,
      nodeIndex: this.nodeIndex,
      links,
      addresses: this.addresses,
      routes: new LayeredRouteTable(this.routes, shared?.routes ?? null, self),
      neighbors: new LayeredNeighborTable(this.neighbors, shared?.neighbors ?? null, self),
      fdb: new LayeredFdbTable(this.fdb, shared?.fdb ?? null, self),
      forwarding: this.forwarding,
      bpfMaps: [...this.bpfMaps, ...(shared?.bpfMaps ?? [])],
    };
  }
}

/** `ip` link flags of an UP Ethernet-like device. */
export const UP_FLAGS = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'];
