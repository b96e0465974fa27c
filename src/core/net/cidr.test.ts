import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cidrContains, cidrOverlaps, formatCidr, parseCidr, subnetAt } from './cidr';
import { formatIpv4, ipv4FromInt, parseIpv4 } from './ipv4';

describe('IPv4 and CIDR math', () => {
  it('round-trips dotted quads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        const ip = ipv4FromInt(n);
        expect(parseIpv4(formatIpv4(ip))).toBe(ip);
      }),
    );
  });

  it('rejects malformed addresses and prefixes', () => {
    for (const bad of ['10.0.0', '10.0.0.256', '1.2.3.4.5', 'a.b.c.d', '', '01.2.3.']) {
      expect(parseIpv4(bad)).toBeNull();
    }
    expect(parseCidr('10.244.0.1/16')).toBeNull();
    expect(parseCidr('10.244.0.0/33')).toBeNull();
    expect(formatCidr(parseCidr('10.244.0.1/16', false)!)).toBe('10.244.0.0/16');
  });

  it('contains exactly the addresses inside the prefix', () => {
    const c = parseCidr('10.244.1.0/24')!;
    expect(cidrContains(c, parseIpv4('10.244.1.0')!)).toBe(true);
    expect(cidrContains(c, parseIpv4('10.244.1.255')!)).toBe(true);
    expect(cidrContains(c, parseIpv4('10.244.2.0')!)).toBe(false);
  });

  it('overlap is symmetric and holds exactly when one contains the other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 32 }),
        (a, pa, b, pb) => {
          const ca = parseCidr(`${formatIpv4(ipv4FromInt(a))}/${pa}`, false)!;
          const cb = parseCidr(`${formatIpv4(ipv4FromInt(b))}/${pb}`, false)!;
          const nested = pa <= pb ? cidrContains(ca, cb.base) : cidrContains(cb, ca.base);
          expect(cidrOverlaps(ca, cb)).toBe(nested);
          expect(cidrOverlaps(cb, ca)).toBe(cidrOverlaps(ca, cb));
        },
      ),
    );
  });

  it('carves per-node subnets in order, as the nodeipam range allocator does', () => {
    const cluster = parseCidr('10.244.0.0/16')!;
    expect(formatCidr(subnetAt(cluster, 24, 0))).toBe('10.244.0.0/24');
    expect(formatCidr(subnetAt(cluster, 24, 1))).toBe('10.244.1.0/24');
    expect(formatCidr(subnetAt(cluster, 24, 255))).toBe('10.244.255.0/24');
  });
});
