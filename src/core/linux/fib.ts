import { maskOf, type Cidr } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { Route, RouteTable } from './types';

/**
 * The main routing table of a netns, with longest-prefix match as the kernel's fib_lookup does it:
 * one hash map per prefix length, searched from /32 down to /0.
 *
 * At cluster scale every node holds one route per *other* node's Pod CIDR, identical on every node
 * (`10.244.7.0/24 via 192.168.1.17 dev eth0 proto bird`). Instead of copying 5,000 routes into 5,000
 * tables, such routes live once in a `SharedRoutes` layer tagged with the node they lead to; each
 * node's table layers its own routes on top and skips the entries that point at itself. Lookups and
 * listings give exactly what a per-node copy would.
 */

export interface SharedRoute {
  route: Route;
  /** The node this route leads to; the node itself does not carry it. */
  owner: number;
  /** Entries whose `via`/`src` depend on the viewing node (Cilium's `via <router IP> dev cilium_host`). */
  perNode?: (self: number) => Route;
}

class PrefixIndex<T> {
  readonly byPrefix = new Map<number, Map<number, T[]>>();
  prefixes: number[] = [];

  add(dst: Cidr | null, value: T): void {
    const prefix = dst?.prefix ?? 0;
    const base = dst?.base ?? 0;
    let m = this.byPrefix.get(prefix);
    if (!m) {
      m = new Map();
      this.byPrefix.set(prefix, m);
      this.prefixes = [...this.byPrefix.keys()].sort((a, b) => b - a);
    }
    const list = m.get(base);
    if (list) list.push(value);
    else m.set(base, [value]);
  }

  get(prefix: number, ip: number): T[] | undefined {
    return this.byPrefix.get(prefix)?.get((ip & maskOf(prefix)) >>> 0);
  }
}

/** Routes shared by every node of a cluster (see above). Build once per World. */
export class SharedRoutes {
  readonly index = new PrefixIndex<SharedRoute>();
  readonly all: SharedRoute[] = [];

  add(entry: SharedRoute): void {
    this.index.add(entry.route.dst, entry);
    this.all.push(entry);
  }
}

const best = (routes: Route[]): Route => routes.reduce((a, b) => ((b.metric ?? 0) < (a.metric ?? 0) ? b : a));

/** `ip route` order: default first, then by network address, longer prefix first on equal address. */
export function compareRoutes(a: Route, b: Route): number {
  const ab = a.dst?.base ?? -1;
  const bb = b.dst?.base ?? -1;
  if (a.dst === null || b.dst === null) return a.dst === b.dst ? 0 : a.dst === null ? -1 : 1;
  if (ab !== bb) return ab - bb;
  if (a.dst.prefix !== b.dst.prefix) return b.dst.prefix - a.dst.prefix;
  return (a.metric ?? 0) - (b.metric ?? 0);
}

/** A netns FIB: its own routes over an optional shared layer. */
export class LayeredRouteTable implements RouteTable {
  private readonly local = new PrefixIndex<Route>();
  private readonly own: Route[] = [];

  constructor(
    routes: Route[],
    private readonly shared: SharedRoutes | null = null,
    private readonly self = -1,
  ) {
    for (const r of routes) {
      this.local.add(r.dst, r);
      this.own.push(r);
    }
  }

  lookup(ip: Ipv4): Route | null {
    const sharedPrefixes = this.shared?.index.prefixes ?? [];
    const localPrefixes = this.local.prefixes;
    let i = 0;
    let j = 0;
    // Merge the two descending prefix lists so the longest match wins across both layers.
    while (i < localPrefixes.length || j < sharedPrefixes.length) {
      const pl = localPrefixes[i] ?? -1;
      const ps = sharedPrefixes[j] ?? -1;
      const prefix = Math.max(pl, ps);
      if (pl === prefix) {
        const hit = this.local.get(prefix, ip);
        if (hit) return best(hit);
        i++;
      }
      if (ps === prefix) {
        const hit = this.shared!.index.get(prefix, ip)?.filter((e) => e.owner !== this.self);
        if (hit && hit.length > 0) return best(hit.map((e) => this.materialize(e)));
        j++;
      }
    }
    return null;
  }

  entries(): Route[] {
    const out = [...this.own];
    if (this.shared) {
      for (const e of this.shared.all) if (e.owner !== this.self) out.push(this.materialize(e));
    }
    return out.sort(compareRoutes);
  }

  private materialize(e: SharedRoute): Route {
    return e.perNode ? e.perNode(this.self) : e.route;
  }
}
