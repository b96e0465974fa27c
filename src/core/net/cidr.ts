import { type Ipv4, formatIpv4, ipv4FromInt, parseIpv4 } from './ipv4';

/** An IPv4 prefix (`10.244.0.0/16`): network address and prefix length, host bits zero. */
export interface Cidr {
  readonly base: Ipv4;
  readonly prefix: number;
}

/** The netmask of a prefix length as a uint32 (`/24` → 0xffffff00). */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * Parses `a.b.c.d/n`. With `strict` (the default) host bits must be zero, as the API server demands
 * of `spec.podCIDR` and `--cluster-cidr`; otherwise they are masked off.
 */
export function parseCidr(text: string, strict = true): Cidr | null {
  const m = /^\s*([^/\s]+)\/(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const ip = parseIpv4(m[1]!);
  const prefix = Number(m[2]);
  if (ip === null || prefix > 32) return null;
  const base = (ip & maskOf(prefix)) >>> 0;
  if (strict && base !== ip) return null;
  return { base: ipv4FromInt(base), prefix };
}

export function cidr(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw new Error(`not a CIDR: ${text}`);
  return c;
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.prefix}`;
}

/** Number of addresses in the prefix (2^(32−n)). */
export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

export function cidrContains(c: Cidr, ip: Ipv4): boolean {
  return (ip & maskOf(c.prefix)) >>> 0 === c.base;
}

/** True when one prefix contains the other (two prefixes either nest or are disjoint). */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  const m = maskOf(p);
  return (a.base & m) >>> 0 === (b.base & m) >>> 0;
}

/** The i-th address of the prefix (0 = network address). */
export function nthAddress(c: Cidr, i: number): Ipv4 {
  return ipv4FromInt(c.base + i);
}

/** The broadcast address (all host bits one). */
export function broadcastOf(c: Cidr): Ipv4 {
  return ipv4FromInt(c.base + cidrSize(c) - 1);
}

/** The i-th sub-prefix of length `prefix` inside `c` (the nodeipam range allocator's mapping). */
export function subnetAt(c: Cidr, prefix: number, i: number): Cidr {
  return { base: ipv4FromInt(c.base + i * 2 ** (32 - prefix)), prefix };
}

export function cidrEquals(a: Cidr, b: Cidr): boolean {
  return a.base === b.base && a.prefix === b.prefix;
}
