/**
 * IPv4 addresses as unsigned 32-bit integers (what the kernel stores in `__be32`, host order here).
 * Built only by the parser so a value of this type is always a valid address.
 */
export type Ipv4 = number & { readonly __brand: 'Ipv4' };

/** Parses dotted-quad notation (`10.244.0.2`); null for anything else. */
export function parseIpv4(text: string): Ipv4 | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    // No leading zeros: Go's net/netip (and so the API server) refuses `010`, which could be octal.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value as Ipv4;
}

/** Like parseIpv4 but throws: for constants and already-validated input only. */
export function ipv4(text: string): Ipv4 {
  const ip = parseIpv4(text);
  if (ip === null) throw new Error(`not an IPv4 address: ${text}`);
  return ip;
}

/** Wraps a uint32 (from CIDR arithmetic) as an address. */
export function ipv4FromInt(value: number): Ipv4 {
  return (value >>> 0) as Ipv4;
}

/** Dotted-quad text, as `ip` prints it. */
export function formatIpv4(ip: Ipv4): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}
