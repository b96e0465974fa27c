import { formatIpv4 } from '../../net/ipv4';
import type { Neighbor, Netns } from '../types';
import { linksInOrder } from './links';
import { sortedBy, spaced, toText } from './text';

/**
 * `ip neigh` (iproute2 ip/ipneigh.c `print_neigh`): `DST dev DEV lladdr MAC STATE`, every field
 * followed by a space (iproute2 ≥ 5.15). With a `dev` filter the `dev` field is not printed
 * (`!filter.index`), as in `ip neigh show dev flannel.1`.
 */
export function neighborTokens(n: Neighbor, showDev = true): string[] {
  const t = [formatIpv4(n.ip)];
  if (showDev) t.push(`dev ${n.dev}`);
  t.push(`lladdr ${n.lladdr}`, n.state);
  return t;
}

/** One neighbour entry without the trailing space: `10.244.1.0 dev flannel.1 lladdr … PERMANENT`. */
export function formatNeighbor(n: Neighbor, showDev = true): string {
  return neighborTokens(n, showDev).join(' ');
}

/**
 * The whole table. `ip neigh show` hides NOARP entries unless asked (`filter.state = 0xFF &
 * ~NUD_NOARP` in `do_show_or_flush`). The kernel dumps per device, so entries go by device
 * ifindex, then insertion order.
 */
export function renderIpNeigh(ns: Netns, filter: { dev?: string } = {}): string {
  const order = new Map(linksInOrder(ns).map((l, i) => [l.name, i]));
  const rank = (dev: string): number => order.get(dev) ?? Number.MAX_SAFE_INTEGER;
  const entries = sortedBy(
    ns.neighbors
      .entries()
      .filter((n) => n.state !== 'NOARP' && (filter.dev === undefined || n.dev === filter.dev)),
    (a, b) => rank(a.dev) - rank(b.dev),
  );
  return toText(entries.map((n) => spaced(neighborTokens(n, filter.dev === undefined))));
}
