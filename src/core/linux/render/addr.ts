import { maskOf } from '../../net/cidr';
import { formatIpv4 } from '../../net/ipv4';
import type { Address, Link, Netns } from '../types';
import {
  type RenderOptions,
  linkDisplayName,
  linkHeaderLine,
  linkLayerLine,
  linksInOrder,
  peerNetnsIds,
} from './links';
import { padEnd, toText } from './text';

/**
 * `ip addr` and `ip -br addr` (iproute2 ip/ipaddress.c `print_linkinfo`, `print_addrinfo`,
 * `print_linkinfo_brief`). IPv4 only: the model has no IPv6, so the `inet6 fe80::…` link-local
 * lines a real kernel adds are not printed.
 */

/** Addresses of one device in the order they were added (the kernel keeps that order). */
function addressesOf(ns: Netns, link: Link): Address[] {
  return ns.addresses.filter((a) => a.dev === link.name);
}

/**
 * The kernel marks an address `secondary` when an earlier one on the same device already covers
 * its subnet with the same prefix (net/ipv4/devinet.c `__inet_insert_ifa`).
 */
function isSecondary(list: readonly Address[], index: number): boolean {
  const a = list[index]!;
  for (let i = 0; i < index; i++) {
    const b = list[i]!;
    const mask = maskOf(a.prefix);
    if (b.prefix === a.prefix && (b.ip & mask) === (a.ip & mask)) return true;
  }
  return false;
}

/**
 * One `inet` line plus its lifetime line:
 * `    inet 10.244.0.2/24 brd 10.244.0.255 scope global eth0` /
 * `       valid_lft forever preferred_lft forever`. Addresses set by CNI plugins are permanent
 * (no `dynamic`), so both lifetimes are `forever`. The label is the device name.
 */
export function formatInetLines(a: Address, secondary = false): string[] {
  let line = `    inet ${formatIpv4(a.ip)}/${a.prefix} `;
  if (a.broadcast !== undefined) line += `brd ${formatIpv4(a.broadcast)} `;
  line += `scope ${a.scope} `;
  if (secondary) line += 'secondary ';
  line += a.dev;
  return [line, '       valid_lft forever preferred_lft forever'];
}

/** `ip addr`: every link in ifindex order with its IPv4 addresses. */
export function renderIpAddr(ns: Netns, options: RenderOptions = {}): string {
  const ids = peerNetnsIds(ns);
  const lines: string[] = [];
  for (const link of linksInOrder(ns)) {
    lines.push(linkHeaderLine(ns, link, false), linkLayerLine(ns, link, ids, options));
    const addrs = addressesOf(ns, link);
    addrs.forEach((a, i) => lines.push(...formatInetLines(a, isSecondary(addrs, i))));
  }
  return toText(lines);
}

/**
 * `ip -br addr`: `%-16s ` name (with `@peer`), `%-14s ` operstate, then `addr/prefix ` for each
 * address; devices without addresses still get their line.
 */
export function renderIpBrAddr(ns: Netns): string {
  const lines = linksInOrder(ns).map((link) => {
    let line = `${padEnd(linkDisplayName(ns, link), 16)} ${padEnd(link.state, 14)} `;
    for (const a of addressesOf(ns, link)) line += `${formatIpv4(a.ip)}/${a.prefix} `;
    return line;
  });
  return toText(lines);
}
