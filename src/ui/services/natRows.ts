import type { Hop, HopKind, PacketHeaders } from '../../core/trace/types';
import type { MessageKey } from '../../i18n';

/** Hop kinds that rewrite addresses (or hand the packet to a node, for the external load balancer). */
export const NAT_KINDS: ReadonlySet<HopKind> = new Set<HopKind>(['dnat', 'snat', 'lb']);
export const isNatHop = (h: Pick<Hop, 'kind'>): boolean => NAT_KINDS.has(h.kind);

export interface NatRow {
  key: 'src' | 'dst';
  label: MessageKey;
  before: string;
  after: string;
  changed: boolean;
}

const endpoint = (ip: string, port: number | null) => (port === null ? ip : `${ip}:${port}`);

/**
 * The packet before this hop: the previous hop's headers. A translation that happens before any
 * other hop (the eBPF socket hook at connect()) has none, so the Service address the tracer names
 * in the hop's own arguments (`vip`) stands for the destination the program asked for.
 */
export function packetBefore(hop: Hop, prev: Hop | null): PacketHeaders | null {
  if (prev) return prev.packet;
  const vip = hop.say.args.vip;
  if (hop.kind !== 'dnat' || typeof vip !== 'string') return null;
  const i = vip.lastIndexOf(':');
  return { ...hop.packet, dst: vip.slice(0, i), dstPort: Number(vip.slice(i + 1)) };
}

/** Source and destination (address:port) before and after a translating hop. */
export function natRows(hop: Hop, prev: Hop | null): NatRow[] {
  const b = packetBefore(hop, prev);
  const a = hop.packet;
  const rows: [NatRow['key'], MessageKey, string, string][] = [
    ['src', 'field.src', endpoint(a.src, a.srcPort), b ? endpoint(b.src, b.srcPort) : '—'],
    ['dst', 'field.dst', endpoint(a.dst, a.dstPort), b ? endpoint(b.dst, b.dstPort) : '—'],
  ];
  return rows.map(([key, label, after, before]) => ({
    key,
    label,
    before,
    after,
    changed: before !== '—' && before !== after,
  }));
}
