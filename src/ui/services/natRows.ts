import type { Hop, PacketHeaders } from '../../core/trace/types';
import { isNatKind } from '../../core/trace/hop-kinds';
import type { MessageKey } from '../../i18n';

/** Hops that rewrite addresses (the registry's `nat` category: DNAT, SNAT, the external load balancer). */
export const isNatHop = (h: Pick<Hop, 'kind'>): boolean => isNatKind(h.kind);

export interface NatRow {
  key: 'src' | 'dst';
  label: MessageKey;
  before: string;
  after: string;
  changed: boolean;
}

const endpoint = (ip: string, port: number | null) => (port === null ? ip : `${ip}:${port}`);

/**
 * The packet before this hop: the headers the tracer recorded just before the rewrite (a
 * translation at connect(), by the eBPF socket hook, has no previous hop), else the previous hop's.
 */
export function packetBefore(hop: Hop, prev: Hop | null): PacketHeaders | null {
  return hop.before ?? prev?.packet ?? null;
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
