import type { Hop } from '../../core/trace/types';
import type { MessageKey } from '../../i18n';

export interface FieldRow {
  key: string;
  label: MessageKey;
  value: string;
  changed: boolean;
}

const ports = (a: number | null, b: number | null) => `${a ?? '—'} → ${b ?? '—'}`;

/** Inner header fields of a hop, each marked when it differs from the previous hop. */
export function packetRows(hop: Hop, prev: Hop | null): FieldRow[] {
  const p = hop.packet;
  const q = prev?.packet;
  const rows: [string, MessageKey, string, string | undefined][] = [
    ['src', 'field.src', p.src, q?.src],
    ['dst', 'field.dst', p.dst, q?.dst],
    ['protocol', 'field.protocol', p.protocol, q?.protocol],
    ['ports', 'field.ports', ports(p.srcPort, p.dstPort), q ? ports(q.srcPort, q.dstPort) : undefined],
    ['ttl', 'field.ttl', String(p.ttl), q ? String(q.ttl) : undefined],
    ['srcMac', 'field.srcMac', p.srcMac ?? '—', q ? (q.srcMac ?? '—') : undefined],
    ['dstMac', 'field.dstMac', p.dstMac ?? '—', q ? (q.dstMac ?? '—') : undefined],
  ];
  return rows.map(([key, label, value, before]) => ({
    key,
    label,
    value,
    changed: before !== undefined && before !== value,
  }));
}

/** Outer (VXLAN/UDP) header fields; all are new on the hop that encapsulates. */
export function outerRows(hop: Hop, prev: Hop | null): FieldRow[] {
  const o = hop.outer;
  if (!o) return [];
  const q = prev?.outer ?? null;
  const rows: [string, MessageKey, string, string | undefined][] = [
    ['src', 'field.src', o.src, q?.src],
    ['dst', 'field.dst', o.dst, q?.dst],
    ['udp', 'field.udp', ports(o.srcPort, o.dstPort), q ? ports(q.srcPort, q.dstPort) : undefined],
    ['vni', 'field.vni', String(o.vni), q ? String(q.vni) : undefined],
    ['ttl', 'field.ttl', String(o.ttl), q ? String(q.ttl) : undefined],
  ];
  // The outer Ethernet header exists once the NIC sends the packet on the underlay.
  if (o.srcMac) rows.unshift(['srcMac', 'field.srcMac', o.srcMac, q ? (q.srcMac ?? '—') : undefined]);
  if (o.dstMac) rows.splice(1, 0, ['dstMac', 'field.dstMac', o.dstMac, q ? (q.dstMac ?? '—') : undefined]);
  return rows.map(([key, label, value, before]) => ({
    key,
    label,
    value,
    changed: prev !== null && (q === null || before !== value),
  }));
}
