import type { FdbEntry, Link, Neighbor, Route } from '../linux/types';
import { formatFdb, formatNeighbor, formatRoute } from '../linux/render/format';
import { formatIpv4 } from '../net/ipv4';

/** The deciding entry of a hop, printed exactly as the real tool prints that table's line. */
export const ruleOfRoute = (r: Route): string => formatRoute(r);
export const ruleOfNeighbor = (n: Neighbor): string => formatNeighbor(n);
export const ruleOfFdb = (e: FdbEntry): string => formatFdb(e);

/** The key fields of `ip -d link show <vxlan>`, the entry that claims a UDP port for decapsulation. */
export function ruleOfVxlan(l: Link): string {
  const v = l.vxlan!;
  if (v.external) return `${l.name}: vxlan external id 0 srcport 0 0 dstport ${v.port} nolearning`;
  const local = v.local === null ? '' : ` local ${formatIpv4(v.local)}`;
  return `${l.name}: vxlan id ${v.vni}${local} dev ${v.dev} srcport 0 0 dstport ${v.port}${v.learning ? '' : ' nolearning'}`;
}
