import { formatIpv4 } from '../../net/ipv4';
import type { Link, Netns } from '../types';
import { type RenderOptions, linkHeaderLine, linkLayerLine, linksInOrder, peerNetnsIds } from './links';
import { spaced, toText } from './text';

/**
 * `ip -d link show`, the essentials: the header (with `mode DEFAULT`), the link-layer line, then
 * the kind line that `print_linktype` adds (`    vxlan id 1 …`) and, for a bridge port, the
 * `    bridge_slave …` line. Left out: `promiscuity/minmtu/maxmtu` on the link-layer line and the
 * `addrgenmode … numtxqueues … gso_max_size …` tail, which depend on the NIC driver.
 */

/**
 * VXLAN options in iproute2 ip/iplink_vxlan.c `vxlan_print_opt` order. Kernel defaults: source
 * port range `0 0` (kernel picks), ttl 0 printed `auto`, FDB ageing 300 s. A flow-based device
 * (Cilium's cilium_vxlan, COLLECT_METADATA) prints `external` and carries VNI 0, no local/dev.
 */
export function vxlanTokens(link: Link): string[] {
  const v = link.vxlan;
  if (!v) return ['vxlan'];
  const t = ['vxlan'];
  if (v.external) t.push('external');
  t.push(`id ${v.external ? 0 : v.vni}`);
  if (v.local !== null) t.push(`local ${formatIpv4(v.local)}`);
  if (!v.external && v.dev) t.push(`dev ${v.dev}`);
  t.push('srcport 0 0', `dstport ${v.port}`);
  if (!v.learning) t.push('nolearning');
  t.push('ttl auto', 'ageing 300');
  return t;
}

/**
 * Kernel bridge defaults in centiseconds as `iplink_bridge.c` prints them: forward_delay 15 s,
 * hello 2 s, max_age 20 s, ageing 300 s; STP off (CNI bridge does not enable it); no VLAN filtering.
 */
const BRIDGE_TOKENS = [
  'bridge',
  'forward_delay 1500',
  'hello_time 200',
  'max_age 2000',
  'ageing_time 30000',
  'stp_state 0',
  'priority 32768',
  'vlan_filtering 0',
  'vlan_protocol 802.1Q',
];

/**
 * Port options in `iplink_bridge_slave.c` order, up to `flood`. `hairpin on` is what the CNI bridge
 * plugin's `hairpinMode: true` sets (Flannel's delegate config, flannel-io/cni-plugin flannel_linux.go); cost 2 is the STP
 * cost of a 10 Gb/s port, the speed a veth reports.
 */
export function bridgeSlaveTokens(link: Link): string[] {
  return [
    'bridge_slave',
    'state forwarding',
    'priority 32',
    'cost 2',
    `hairpin ${link.hairpin ? 'on' : 'off'}`,
    'guard off',
    'root_block off',
    'fastleave off',
    'learning on',
    'flood on',
  ];
}

/** The kind line(s) for one link; none for a NIC or the loopback (no IFLA_LINKINFO). */
function detailLines(link: Link): string[] {
  const lines: string[] = [];
  const kind = link.kind as Link['kind'] | 'ipip';
  switch (kind) {
    case 'vxlan':
      lines.push(`    ${spaced(vxlanTokens(link))}`);
      break;
    case 'bridge':
      lines.push(`    ${spaced(BRIDGE_TOKENS)}`);
      break;
    case 'veth':
      lines.push('    veth ');
      break;
    case 'dummy':
      lines.push('    dummy ');
      break;
    case 'ipip':
      // The kernel's fallback tunnel (tunl0) bound to nothing: iproute2 ip/link_iptnl.c.
      lines.push('    ipip ipip remote any local any ttl inherit nopmtudisc ');
      break;
    default:
      break;
  }
  if (link.master !== undefined) lines.push(`    ${spaced(bridgeSlaveTokens(link))}`);
  return lines;
}

/** `ip -d link`: every link in ifindex order with its kind-specific details. */
export function renderIpLink(ns: Netns, options: RenderOptions = {}): string {
  const ids = peerNetnsIds(ns);
  const lines: string[] = [];
  for (const link of linksInOrder(ns)) {
    lines.push(linkHeaderLine(ns, link, true), linkLayerLine(ns, link, ids, options), ...detailLines(link));
  }
  return toText(lines);
}
