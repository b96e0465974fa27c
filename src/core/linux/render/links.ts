import type { Link, Netns, NetnsId } from '../types';
import { sortedBy, spaced } from './text';

/**
 * The per-link header that `ip addr` and `ip link` share (iproute2 ip/ipaddress.c `print_linkinfo`):
 *
 *   `5: veth1a2b3c4d@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP group default qlen 1000`
 *   `    link/ether 0a:58:0a:f4:00:01 brd ff:ff:ff:ff:ff:ff link-netnsid 0`
 */

/** Options for the renderers that print links. */
export interface RenderOptions {
  /**
   * Name under /var/run/netns of a peer netns (containerd pins Pod netns as `cni-<uuid>`). When it
   * returns a name, `ip` prints `link-netns NAME`; otherwise the numeric `link-netnsid N`.
   */
  netnsName?: (id: NetnsId) => string | undefined;
}

/** Links in ifindex order, as the kernel dumps them (RTM_GETLINK walks the ifindex hash in order). */
export function linksInOrder(ns: Netns): Link[] {
  return sortedBy(ns.links, (a, b) => a.ifindex - b.ifindex);
}

/**
 * The netnsids this netns has assigned to the other namespaces its veths point into. The kernel
 * allocates ids on first use from 0 upwards (net/core/net_namespace.c `peernet2id_alloc`), so a
 * Pod sees its host as 0 and a node numbers its Pods roughly in veth creation (= ifindex) order.
 */
export function peerNetnsIds(ns: Netns): Map<NetnsId, number> {
  const ids = new Map<NetnsId, number>();
  for (const link of linksInOrder(ns)) {
    const peer = link.peer;
    if (peer && peer.netns !== ns.id && !ids.has(peer.netns)) ids.set(peer.netns, ids.size);
  }
  return ids;
}

/** Link kinds beyond the core model that the renderers still print faithfully (Calico's tunl0). */
type KindName = Link['kind'] | 'ipip';
const kindOf = (link: Link): KindName => link.kind as KindName;

/**
 * `name@peer` as iproute2 builds it from IFLA_LINK: `@ifN` when the peer lives in another netns
 * (IFLA_LINK_NETNSID present), `@peername` in the same netns (`cilium_host@cilium_net`), `@NONE`
 * for a tunnel bound to no device (`tunl0@NONE`). iproute2 lib/utils.c `print_name_and_link`.
 */
export function linkDisplayName(ns: Netns, link: Link): string {
  if (kindOf(link) === 'ipip') return `${link.name}@NONE`;
  const peer = link.peer;
  if (!peer) return link.name;
  return peer.netns === ns.id ? `${link.name}@${peer.name}` : `${link.name}@if${peer.ifindex}`;
}

/** IFF_* flag order of iproute2's `print_link_flags` (ip/ipaddress.c). */
const FLAG_ORDER = [
  'NO-CARRIER',
  'LOOPBACK',
  'BROADCAST',
  'POINTOPOINT',
  'MULTICAST',
  'NOARP',
  'ALLMULTI',
  'PROMISC',
  'MASTER',
  'SLAVE',
  'DEBUG',
  'DYNAMIC',
  'AUTOMEDIA',
  'PORTSEL',
  'NOTRAILERS',
  'UP',
  'LOWER_UP',
  'DORMANT',
  'ECHO',
];

/**
 * `<BROADCAST,MULTICAST,UP,LOWER_UP>` in the kernel's bit order whatever order the model lists
 * them in, plus `,M-DOWN` when a same-netns peer (`name@peer`) is down.
 */
export function formatFlags(ns: Netns, link: Link): string {
  const known = FLAG_ORDER.filter((f) => link.flags.includes(f));
  const unknown = link.flags.filter((f) => !FLAG_ORDER.includes(f));
  let text = [...known, ...unknown].join(',');
  const peer = link.peer;
  if (peer && peer.netns === ns.id) {
    const other = ns.links.find((l) => l.ifindex === peer.ifindex);
    if (other && !other.flags.includes('UP')) text += ',M-DOWN';
  }
  return `<${text}>`;
}

/**
 * Queueing discipline and txqueuelen as real clusters show them. A device that was never brought
 * up keeps `noop`. Software devices use `noqueue` (IFF_NO_QUEUE); a VM NIC gets systemd's default
 * `fq_codel`. `qlen` is omitted when 0 (`print_queuelen` prints only non-zero): flannel.1 and
 * kube-ipvs0 are created through vishvananda/netlink with a zero-valued LinkAttrs, i.e. TxQLen 0
 * (flannel pkg/backend/vxlan/device.go), while CNI veths and bridges ask for the kernel default
 * 1000 (CNI pkg/ip/link_linux.go `netlink.NewLinkAttrs()`; plugins/main/bridge `TxQLen: -1`).
 */
export function linkQueue(link: Link): { qdisc: string; qlen: number } {
  const up = link.flags.includes('UP');
  switch (kindOf(link)) {
    case 'loopback':
      return { qdisc: up ? 'noqueue' : 'noop', qlen: 1000 };
    case 'physical':
      return { qdisc: up ? 'fq_codel' : 'noop', qlen: 1000 };
    case 'vxlan':
    case 'dummy':
      return { qdisc: up ? 'noqueue' : 'noop', qlen: 0 };
    default:
      return { qdisc: up ? 'noqueue' : 'noop', qlen: 1000 };
  }
}

/**
 * The first line of a link. `ip link` adds `mode DEFAULT` (printed only when `do_link`); `ip addr`
 * does not. `group %s ` keeps its trailing space when no qlen follows, as the real tool does.
 */
export function linkHeaderLine(ns: Netns, link: Link, forIpLink: boolean): string {
  const { qdisc, qlen } = linkQueue(link);
  const tokens = [`mtu ${link.mtu}`, `qdisc ${qdisc}`];
  if (link.master) tokens.push(`master ${link.master}`);
  tokens.push(`state ${link.state}`);
  if (forIpLink) tokens.push('mode DEFAULT');
  tokens.push('group default');
  const head = `${link.ifindex}: ${linkDisplayName(ns, link)}: ${formatFlags(ns, link)} ${spaced(tokens)}`;
  return qlen > 0 ? `${head}qlen ${qlen}` : head;
}

/**
 * The `link/…` line: hardware type, address and broadcast (`ll_type_n2a`), then where a veth's
 * peer lives. The loopback prints zero MACs; an IPIP tunnel prints IPv4 "addresses".
 */
export function linkLayerLine(
  ns: Netns,
  link: Link,
  netnsIds: Map<NetnsId, number>,
  options: RenderOptions = {},
): string {
  let line: string;
  const kind = kindOf(link);
  if (kind === 'loopback') line = '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  else if (kind === 'ipip') line = '    link/ipip 0.0.0.0 brd 0.0.0.0';
  else line = `    link/ether ${link.mac} brd ff:ff:ff:ff:ff:ff`;
  const peer = link.peer;
  if (peer && peer.netns !== ns.id) {
    const name = options.netnsName?.(peer.netns);
    line += name ? ` link-netns ${name}` : ` link-netnsid ${netnsIds.get(peer.netns) ?? 0}`;
  }
  return line;
}
