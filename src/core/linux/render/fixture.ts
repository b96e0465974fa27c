import { parseCidr } from '../../net/cidr';
import { ipv4 } from '../../net/ipv4';
import type { Address, BpfMap, FdbEntry, Link, Neighbor, Netns, Route } from '../types';

/**
 * Test support for the renderers: a Netns built by hand with tiny list-backed tables (entries in
 * insertion order, linear lookups). Not a model of anything; the real tables live in fib.ts and
 * tables.ts.
 */

export interface NetnsSpec {
  id: string;
  kind?: 'node' | 'pod';
  links: Link[];
  addresses?: Address[];
  routes?: Route[];
  neighbors?: Neighbor[];
  fdb?: FdbEntry[];
  bpfMaps?: BpfMap[];
}

export function makeNetns(spec: NetnsSpec): Netns {
  const routes = spec.routes ?? [];
  const neighbors = spec.neighbors ?? [];
  const fdb = spec.fdb ?? [];
  return {
    id: spec.id,
    kind: spec.kind ?? 'node',
    nodeIndex: 0,
    links: spec.links,
    addresses: spec.addresses ?? [],
    ownAddresses: spec.addresses ?? [],
    routes: { entries: () => [...routes], lookup: () => null },
    neighbors: {
      entries: () => [...neighbors],
      lookup: (ip, dev) => neighbors.find((n) => n.ip === ip && n.dev === dev) ?? null,
    },
    fdb: {
      entries: () => [...fdb],
      lookup: (mac, dev) => fdb.find((e) => e.mac === mac && (e.master ?? e.dev) === dev) ?? null,
    },
    forwarding: spec.kind !== 'pod',
    bpfMaps: spec.bpfMaps ?? [],
  };
}

const UP = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'];

/** A link with the usual defaults of an up Ethernet-like device; override what matters. */
export function link(ifindex: number, name: string, kind: Link['kind'], over: Partial<Link> = {}): Link {
  return { ifindex, name, kind, mac: '02:00:00:00:00:00', mtu: 1500, state: 'UP', flags: [...UP], ...over };
}

export const loopback = (): Link =>
  link(1, 'lo', 'loopback', {
    mac: '00:00:00:00:00:00',
    mtu: 65536,
    state: 'UNKNOWN',
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
  });

/** `a.b.c.d/n` on `dev`; a broadcast is set when given, as netlink's AddrAdd computes it. */
export function addr(dev: string, cidrText: string, scope: Address['scope'], brd?: string): Address {
  const [ip, prefix] = cidrText.split('/');
  const a: Address = { dev, ip: ipv4(ip!), prefix: Number(prefix), scope };
  if (brd !== undefined) a.broadcast = ipv4(brd);
  return a;
}

/** A route from its essentials; `dst` null is `default`, a bare address is a /32. */
export function route(
  dst: string | null,
  over: Partial<Omit<Route, 'dst' | 'via' | 'src'>> & {
    via?: string;
    src?: string;
  } = {},
): Route {
  const { via, src, ...rest } = over;
  const r: Route = {
    dst: dst === null ? null : parseCidr(dst.includes('/') ? dst : `${dst}/32`),
    type: 'unicast',
    proto: 'boot',
    scope: 'global',
    ...rest,
  };
  if (via !== undefined) r.via = ipv4(via);
  if (src !== undefined) r.src = ipv4(src);
  return r;
}

/** `a + '\n' + b + '\n' …`: a golden tool output written line by line (trailing spaces visible). */
export const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;
