import { formatIpv4 } from '../../net/ipv4';
import type { FdbEntry, Netns } from '../types';
import { linksInOrder } from './links';
import { sortedBy, toText } from './text';

/**
 * `bridge fdb show` (iproute2 bridge/fdb.c `print_fdb`): `MAC dev DEV [dst IP] [self] [master BR]`
 * each followed by a space, then the state and a newline. The state is `permanent` for local
 * (the bridge's own port addresses) and user-programmed permanent entries, and empty for learned
 * (NUD_REACHABLE) ones — so a learned line ends in a space, a permanent one does not.
 */
export function fdbLine(e: FdbEntry, showDev = true): string {
  let line = `${e.mac} `;
  if (showDev) line += `dev ${e.dev} `;
  if (e.dst !== undefined) line += `dst ${formatIpv4(e.dst)} `;
  if (e.self) line += 'self ';
  if (e.master !== undefined) line += `master ${e.master} `;
  if (e.permanent || e.local) line += 'permanent';
  return line;
}

/**
 * One FDB entry without trailing space, e.g. `aa:bb:… dev flannel.1 dst 192.168.1.11 self permanent`
 * (the VXLAN entry Flannel programs per remote node, flannel-io/flannel pkg/backend/vxlan/vxlan_network.go) or `… dev veth1a2b3c4d master cni0`.
 */
export function formatFdb(e: FdbEntry, showDev = true): string {
  return fdbLine(e, showDev).trimEnd();
}

/**
 * The table. The kernel's `rtnl_fdb_dump` walks devices in ifindex order (a port's bridge
 * entries, then its own `self` entries), so entries go by device ifindex, then insertion.
 * Filters: `dev` (= `brport`, which also drops the `dev` column) and `br` (entries of one bridge).
 */
export function renderBridgeFdb(ns: Netns, filter: { dev?: string; br?: string } = {}): string {
  const order = new Map(linksInOrder(ns).map((l, i) => [l.name, i]));
  const rank = (dev: string): number => order.get(dev) ?? Number.MAX_SAFE_INTEGER;
  const entries = sortedBy(
    ns.fdb
      .entries()
      .filter(
        (e) =>
          (filter.dev === undefined || e.dev === filter.dev) &&
          (filter.br === undefined || e.master === filter.br),
      ),
    (a, b) => rank(a.dev) - rank(b.dev),
  );
  return toText(entries.map((e) => fdbLine(e, filter.dev === undefined)));
}
