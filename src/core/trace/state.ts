import type { Protocol } from '../model/k8s';
import { formatIpv4, type Ipv4 } from '../net/ipv4';
import type { Mac } from '../net/mac';
import type { OuterHeaders, PacketHeaders } from './types';

/** The packet as it travels: the Pod-level (inner) IP packet and, while tunnelled, the outer one. */
export interface Frame {
  src: Ipv4;
  dst: Ipv4;
  protocol: Protocol;
  srcPort: number;
  dstPort: number;
  ttl: number;
  srcMac?: Mac;
  dstMac?: Mac;
}

export interface Outer {
  src: Ipv4;
  dst: Ipv4;
  srcPort: number;
  dstPort: number;
  vni: number;
  ttl: number;
  srcMac?: Mac;
  dstMac?: Mac;
}

export interface PacketState {
  frame: Frame;
  outer: Outer | null;
}

export const DEFAULT_TTL = 64;

export function headersOf(f: Frame): PacketHeaders {
  const h: PacketHeaders = {
    src: formatIpv4(f.src),
    dst: formatIpv4(f.dst),
    protocol: f.protocol,
    srcPort: f.srcPort,
    dstPort: f.dstPort,
    ttl: f.ttl,
  };
  if (f.srcMac) h.srcMac = f.srcMac;
  if (f.dstMac) h.dstMac = f.dstMac;
  return h;
}

export function outerHeadersOf(o: Outer | null): OuterHeaders | null {
  if (!o) return null;
  const h: OuterHeaders = {
    src: formatIpv4(o.src),
    dst: formatIpv4(o.dst),
    protocol: 'UDP',
    srcPort: o.srcPort,
    dstPort: o.dstPort,
    vni: o.vni,
    ttl: o.ttl,
  };
  if (o.srcMac) h.srcMac = o.srcMac;
  if (o.dstMac) h.dstMac = o.dstMac;
  return h;
}

/** A small stable hash (FNV-1a) for deterministic ephemeral ports. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The UDP source port of a VXLAN packet: the kernel hashes the inner flow into its port range so
 * that ECMP on the underlay spreads flows (`srcport 0 0` means the ephemeral range 32768–60999).
 */
export function vxlanSourcePort(f: Frame): number {
  return (
    32768 + (hashString(`${f.src}|${f.dst}|${f.srcPort}|${f.dstPort}|${f.protocol}`) % (60999 - 32768 + 1))
  );
}
