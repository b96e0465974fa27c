import type { Mac } from '../net/mac';
import type { Ipv4 } from '../net/ipv4';
import type { FdbEntry, FdbTable, Neighbor, NeighborTable } from './types';

/**
 * Neighbour and forwarding tables of a netns. Like the FIB (fib.ts) they may sit on a cluster-wide
 * shared layer: Flannel and Calico program one PERMANENT neighbour and one FDB entry per remote
 * node's VTEP on every node, identical everywhere but for the node's own entry.
 */

export interface Owned<T> {
  entry: T;
  owner: number;
}

export class SharedEntries<T> {
  readonly all: Owned<T>[] = [];
  readonly byKey = new Map<string, Owned<T>>();
  constructor(private readonly keyOf: (e: T) => string) {}
  add(entry: T, owner: number): void {
    const o = { entry, owner };
    this.all.push(o);
    this.byKey.set(this.keyOf(entry), o);
  }
  get(key: string, self: number): T | null {
    const o = this.byKey.get(key);
    return o && o.owner !== self ? o.entry : null;
  }
  list(self: number): T[] {
    const out: T[] = [];
    for (const o of this.all) if (o.owner !== self) out.push(o.entry);
    return out;
  }
}

export const neighborKey = (ip: Ipv4, dev: string): string => `${dev}|${ip}`;
export const fdbKey = (mac: Mac, dev: string): string => `${dev}|${mac}`;

export function sharedNeighbors(): SharedEntries<Neighbor> {
  return new SharedEntries((n) => neighborKey(n.ip, n.dev));
}

export function sharedFdb(): SharedEntries<FdbEntry> {
  return new SharedEntries((e) => fdbKey(e.mac, e.master ?? e.dev));
}

export class LayeredNeighborTable implements NeighborTable {
  private readonly map = new Map<string, Neighbor>();
  constructor(
    private readonly own: Neighbor[],
    private readonly shared: SharedEntries<Neighbor> | null = null,
    private readonly self = -1,
  ) {
    for (const n of own) this.map.set(neighborKey(n.ip, n.dev), n);
  }
  lookup(ip: Ipv4, dev: string): Neighbor | null {
    const key = neighborKey(ip, dev);
    return this.map.get(key) ?? this.shared?.get(key, this.self) ?? null;
  }
  entries(): Neighbor[] {
    return this.shared ? [...this.own, ...this.shared.list(this.self)] : [...this.own];
  }
}

/** Bridge FDB entries are keyed by bridge (`master`) and MAC; VXLAN entries by device and MAC. */
export class LayeredFdbTable implements FdbTable {
  private readonly map = new Map<string, FdbEntry>();
  constructor(
    private readonly own: FdbEntry[],
    private readonly shared: SharedEntries<FdbEntry> | null = null,
    private readonly self = -1,
  ) {
    // The first entry for a key wins: learned/permanent port entries before the bridge's own.
    for (const e of own) {
      const key = fdbKey(e.mac, e.master ?? e.dev);
      if (!this.map.has(key)) this.map.set(key, e);
    }
  }
  lookup(mac: Mac, dev: string): FdbEntry | null {
    const key = fdbKey(mac, dev);
    return this.map.get(key) ?? this.shared?.get(key, this.self) ?? null;
  }
  entries(): FdbEntry[] {
    return this.shared ? [...this.own, ...this.shared.list(this.self)] : [...this.own];
  }
}
