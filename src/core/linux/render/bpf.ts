import type { BpfAttachment, BpfMap, Link, Netns } from '../types';
import { linksInOrder } from './links';
import { padEnd, toText } from './text';

/**
 * The eBPF view of a netns, in three blocks:
 * 1. `bpftool net` (bpftool net.c / netlink_dumper.c): `xdp:`, `tc:`, `flow_dissector:`,
 *    `netfilter:` sections; tc lines `DEV(IFINDEX) clsact/ingress PROG id N`, xdp lines
 *    `DEV(IFINDEX) driver|generic id N`; each section closed by a blank line.
 * 2. `bpftool cgroup tree` for socket-LB programs on the cgroup-v2 root (Cilium's `bpf_sock`,
 *    cilium/cilium bpf/bpf_sock.c): header `CgroupPath` / `ID AttachType AttachFlags Name` in `%-8s %-15s …` columns.
 * 3. Each map as Cilium's CLI tables print them (cilium-dbg `TablePrinter`: tabwriter with minimum
 *    width 5 and padding 3): the map name, the key/value headers, then rows; a row repeating the
 *    previous key leaves the key column blank.
 * Program ids are synthetic but stable: numbered 1… in listing order.
 */

/**
 * bpftool prints all XDP attachments first, then tc: device by device (ifindex order), and per
 * device the `clsact/ingress` filters before `clsact/egress` (net.c `show_dev_tc_bpf` queries
 * root, then ingress, then egress). Cgroup programs come from `bpftool cgroup tree`, last.
 */
const BLOCK: Record<BpfAttachment['hook'], number> = {
  xdp: 0,
  'tc-ingress': 1,
  'tc-egress': 1,
  'cgroup-connect4': 2,
};
const WITHIN_DEVICE: Record<BpfAttachment['hook'], number> = {
  xdp: 0,
  'tc-ingress': 0,
  'tc-egress': 1,
  'cgroup-connect4': 0,
};

interface Listed {
  /** The device, or null for a program on the cgroup root. */
  link: Link | null;
  att: BpfAttachment;
  id: number;
}

/** Every attachment with its id, in listing order. */
function listAttachments(ns: Netns): Listed[] {
  const all: { link: Link | null; att: BpfAttachment }[] = [];
  for (const link of linksInOrder(ns)) for (const att of link.bpf ?? []) all.push({ link, att });
  for (const att of ns.cgroup ?? []) all.push({ link: null, att });
  // Stable sort: ties (same block, device and direction) keep the model's order.
  all.sort(
    (a, b) =>
      BLOCK[a.att.hook] - BLOCK[b.att.hook] ||
      (a.link?.ifindex ?? 0) - (b.link?.ifindex ?? 0) ||
      WITHIN_DEVICE[a.att.hook] - WITHIN_DEVICE[b.att.hook],
  );
  return all.map((x, i) => ({ ...x, id: i + 1 }));
}

function bpftoolNet(listed: readonly Listed[]): string[] {
  const lines = ['xdp:'];
  for (const { link, id } of listed.filter((l) => l.att.hook === 'xdp' && l.link !== null)) {
    if (!link) continue;
    const mode = link.kind === 'physical' ? 'driver' : 'generic';
    lines.push(`${link.name}(${link.ifindex}) ${mode} id ${id}`);
  }
  lines.push('', 'tc:');
  for (const { link, att, id } of listed.filter((l) => l.att.hook.startsWith('tc-'))) {
    if (!link) continue;
    const dir = att.hook === 'tc-ingress' ? 'clsact/ingress' : 'clsact/egress';
    lines.push(`${link.name}(${link.ifindex}) ${dir} ${att.program} id ${id}`);
  }
  lines.push('', 'flow_dissector:', '', 'netfilter:', '');
  return lines;
}

/**
 * `bpftool cgroup tree` rows: `%-8u ` id, `%-15s` attach type (libbpf's name
 * `cgroup_inet4_connect`), ` %-15s %-15s` flags (none for link-based attachment) and name.
 */
function cgroupTree(listed: readonly Listed[]): string[] {
  const progs = listed.filter((l) => l.att.hook === 'cgroup-connect4');
  if (progs.length === 0) return [];
  const lines = [
    'CgroupPath',
    `${padEnd('ID', 8)} ${padEnd('AttachType', 15)} ${padEnd('AttachFlags', 15)} ${padEnd('Name', 15)}`,
    '/sys/fs/cgroup',
  ];
  const seen = new Set<string>();
  for (const { att, id } of progs) {
    // One cgroup program serves the whole node, however many devices the model hangs it on.
    if (seen.has(att.program)) continue;
    seen.add(att.program);
    lines.push(
      `${padEnd(String(id), 8)} ${padEnd('cgroup_inet4_connect', 15)} ${padEnd('', 15)} ${padEnd(att.program, 15)}`,
    );
  }
  return lines;
}

/** One map as a two-column table (tabwriter minwidth 5, padding 3). */
export function renderBpfMap(map: BpfMap): string[] {
  const rows = map.rows();
  const width = Math.max(5, map.keyHeader.length + 3, ...rows.map((r) => r.key.length + 3));
  const lines = [map.name, `${padEnd(map.keyHeader, width)}${map.valueHeader}`];
  let previous: string | null = null;
  for (const r of rows) {
    lines.push(`${padEnd(r.key === previous ? '' : r.key, width)}${r.value}`);
    previous = r.key;
  }
  return lines;
}

/**
 * The eBPF programs and maps of a netns; nothing at all when it has neither. `bpftool net` ends
 * with its own blank line (after `netfilter:`), which also separates it from what follows; map
 * tables are separated by one blank line.
 */
export function renderBpf(ns: Netns): string {
  const listed = listAttachments(ns);
  if (listed.length === 0 && ns.bpfMaps.length === 0) return '';
  const lines: string[] = [];
  if (listed.length > 0) {
    lines.push(...bpftoolNet(listed));
    const cg = cgroupTree(listed);
    if (cg.length > 0) lines.push(...cg, '');
  }
  ns.bpfMaps.forEach((map, i) => {
    if (i > 0) lines.push('');
    lines.push(...renderBpfMap(map));
  });
  return toText(lines);
}
