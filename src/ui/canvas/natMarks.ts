import { HOP_KINDS, isNatKind, type HopKind, type HopKindInfo } from '../../core/trace/hop-kinds';
import type { PacketHeaders, Trace } from '../../core/trace/types';
import type { Point } from './layout';

/** A NAT mark on the drawn path: where the hop rewrote the packet, and the address it wrote. */
export interface NatMark {
  hop: number;
  kind: HopKind;
  /** The rewritten side: the new destination (DNAT, the load balancer) or the new source (SNAT). */
  addr: string;
  at: Point;
  /** How many marks sit at the same point before this one (they stack upwards). */
  stack: number;
}

const hostPort = (ip: string, port: number | null) => (port === null ? ip : `${ip}:${port}`);

/** What a NAT hop wrote: the side the hop-kind registry says it translates. */
export function natAddress(kind: HopKind, packet: PacketHeaders, before?: PacketHeaders): string {
  const info: HopKindInfo = HOP_KINDS[kind];
  if (info.translates === 'source') {
    // Masquerade keeps the source port unless it clashes: show the port only when it changed.
    const portChanged = before !== undefined && before.srcPort !== packet.srcPort;
    return hostPort(packet.src, portChanged ? packet.srcPort : null);
  }
  return hostPort(packet.dst, packet.dstPort);
}

/** The marks of a trace's address-translating hops (the registry's `nat` category), at their points. */
export function natMarks(trace: Trace, points: readonly (Point | null)[]): NatMark[] {
  const marks: NatMark[] = [];
  const seen = new Map<string, number>();
  trace.hops.forEach((h, i) => {
    const at = points[i];
    if (!at || !isNatKind(h.kind)) return;
    const key = `${at.x},${at.y}`;
    const stack = seen.get(key) ?? 0;
    seen.set(key, stack + 1);
    marks.push({ hop: i, kind: h.kind, addr: natAddress(h.kind, h.packet, h.before), at, stack });
  });
  return marks;
}
