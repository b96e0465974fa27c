import { formatCidr } from '../../net/cidr';
import { formatIpv4 } from '../../net/ipv4';
import type { Netns, Route } from '../types';
import { sortedBy, spaced, toText } from './text';

/**
 * `ip route` lines, attribute by attribute in the order of iproute2 ip/iproute.c `print_route`:
 * type (only when not unicast), destination, `via`, `dev`, `proto` (not when `boot`), `scope`
 * (not when `global`, i.e. RT_SCOPE_UNIVERSE), `src`, `metric` (only when non-zero: the kernel
 * omits RTA_PRIORITY 0), flags (`onlink`), then metrics (`mtu N`).
 */
export function routeTokens(route: Route): string[] {
  const t: string[] = [];
  if (route.type !== 'unicast') t.push(route.type);
  // A host route prints as a bare address (`r->rtm_dst_len == host_len`).
  if (route.dst === null) t.push('default');
  else t.push(route.dst.prefix === 32 ? formatIpv4(route.dst.base) : formatCidr(route.dst));
  if (route.via !== undefined) t.push(`via ${formatIpv4(route.via)}`);
  if (route.dev !== undefined) t.push(`dev ${route.dev}`);
  if (route.proto !== 'boot') t.push(`proto ${route.proto}`);
  if (route.scope !== 'global') t.push(`scope ${route.scope}`);
  if (route.src !== undefined) t.push(`src ${formatIpv4(route.src)}`);
  if (route.metric) t.push(`metric ${route.metric}`);
  if (route.onlink) t.push('onlink');
  if (route.mtu !== undefined) t.push(`mtu ${route.mtu}`);
  return t;
}

/**
 * One route as `ip route` prints it, without the tool's trailing space:
 * `10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink`. The packet tracer shows the deciding route
 * of a hop with this.
 */
export function formatRoute(route: Route): string {
  return routeTokens(route).join(' ');
}

/**
 * FIB dump order of the main table (linux net/ipv4/fib_trie.c): the LC-trie is walked by network address, and for
 * one address the longer prefix comes first; `default` (0.0.0.0/0) therefore leads. Equal
 * prefixes follow metric, then insertion (the sort is stable).
 */
export function compareRouteOrder(a: Route, b: Route): number {
  const ab = a.dst?.base ?? 0;
  const bb = b.dst?.base ?? 0;
  if (ab !== bb) return ab - bb;
  const ap = a.dst?.prefix ?? 0;
  const bp = b.dst?.prefix ?? 0;
  if (ap !== bp) return bp - ap;
  return (a.metric ?? 0) - (b.metric ?? 0);
}

/**
 * `ip route` (= `ip route show table main`). `local` routes belong to the local table, which this
 * command does not list, so they are left out.
 */
export function renderIpRoute(ns: Netns): string {
  const routes = sortedBy(
    ns.routes.entries().filter((r) => r.type !== 'local'),
    compareRouteOrder,
  );
  return toText(routes.map((r) => spaced(routeTokens(r))));
}
