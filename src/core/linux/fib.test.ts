import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LayeredRouteTable, SharedRoutes } from './fib';
import { cidrContains, parseCidr } from '../net/cidr';
import { ipv4, ipv4FromInt } from '../net/ipv4';
import type { Route } from './types';

const route = (dst: string | null, dev: string, metric?: number): Route => ({
  dst: dst === null ? null : parseCidr(dst, false)!,
  type: 'unicast',
  dev,
  proto: 'boot',
  scope: 'global',
  ...(metric === undefined ? {} : { metric }),
});

describe('longest-prefix match', () => {
  it('picks the most specific route, and the default when nothing else matches', () => {
    const t = new LayeredRouteTable([
      route(null, 'eth0'),
      route('10.244.0.0/16', 'a'),
      route('10.244.1.0/24', 'b'),
      route('10.244.1.7/32', 'c'),
    ]);
    expect(t.lookup(ipv4('10.244.1.7'))?.dev).toBe('c');
    expect(t.lookup(ipv4('10.244.1.8'))?.dev).toBe('b');
    expect(t.lookup(ipv4('10.244.9.1'))?.dev).toBe('a');
    expect(t.lookup(ipv4('8.8.8.8'))?.dev).toBe('eth0');
    expect(new LayeredRouteTable([route('10.0.0.0/8', 'x')]).lookup(ipv4('11.0.0.1'))).toBeNull();
  });

  it('breaks ties on the lowest metric', () => {
    const t = new LayeredRouteTable([route('10.0.0.0/8', 'slow', 200), route('10.0.0.0/8', 'fast', 100)]);
    expect(t.lookup(ipv4('10.1.2.3'))?.dev).toBe('fast');
  });

  it('property: equals a brute-force scan for the longest containing prefix', () => {
    const arbRoute = fc.record({
      base: fc.integer({ min: 0, max: 0xffffffff }),
      prefix: fc.integer({ min: 0, max: 32 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbRoute, { maxLength: 30 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (raw, ipNum) => {
          const routes = raw.map((r, i) => {
            const mask = r.prefix === 0 ? 0 : (0xffffffff << (32 - r.prefix)) >>> 0;
            return {
              ...route(null, `d${i}`),
              dst: { base: ipv4FromInt(r.base & mask), prefix: r.prefix },
              metric: i,
            };
          });
          const ip = ipv4FromInt(ipNum);
          const expected = routes
            .filter((r) => cidrContains(r.dst, ip))
            .sort((a, b) => b.dst.prefix - a.dst.prefix || a.metric - b.metric)[0];
          expect(new LayeredRouteTable(routes).lookup(ip)?.dev).toBe(expected?.dev);
        },
      ),
    );
  });

  it('a shared layer behaves like a per-node copy without the node’s own entry', () => {
    const shared = new SharedRoutes();
    for (let n = 0; n < 4; n++) shared.add({ route: route(`10.244.${n}.0/24`, `to-n${n}`), owner: n });
    const node1 = new LayeredRouteTable([route('10.244.1.0/24', 'cni0'), route(null, 'eth0')], shared, 1);
    expect(node1.lookup(ipv4('10.244.1.5'))?.dev).toBe('cni0');
    expect(node1.lookup(ipv4('10.244.3.5'))?.dev).toBe('to-n3');
    expect(node1.entries().map((r) => r.dev)).toEqual(['eth0', 'to-n0', 'cni0', 'to-n2', 'to-n3']);
  });
});
