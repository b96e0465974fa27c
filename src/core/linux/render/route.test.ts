import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../net/ipv4';
import type { FdbEntry, Neighbor, Route } from '../types';
import { formatFdb } from './fdb';
import { lines, makeNetns, route } from './fixture';
import { formatNeighbor, renderIpNeigh } from './neigh';
import { compareRouteOrder, formatRoute, renderIpRoute } from './route';

describe('formatRoute omission rules (iproute2 print_route)', () => {
  it('omits proto boot and scope global, prints every other proto and scope', () => {
    expect(formatRoute(route(null, { via: '192.168.1.1', dev: 'eth0' }))).toBe(
      'default via 192.168.1.1 dev eth0',
    );
    expect(
      formatRoute(route('10.244.0.0/24', { dev: 'cni0', proto: 'kernel', scope: 'link', src: '10.244.0.1' })),
    ).toBe('10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1');
    expect(formatRoute(route('10.1.0.0/16', { dev: 'eth0', proto: 'static', scope: 'host' }))).toBe(
      '10.1.0.0/16 dev eth0 proto static scope host',
    );
  });

  it('prints an unnamed protocol number as is (Felix routes, protocol 80)', () => {
    expect(
      formatRoute(
        route('10.244.1.0/26', { via: '10.244.1.192', dev: 'vxlan.calico', proto: '80', onlink: true }),
      ),
    ).toBe('10.244.1.0/26 via 10.244.1.192 dev vxlan.calico proto 80 onlink');
  });

  it('a /32 destination prints as a bare address, other prefixes keep theirs', () => {
    expect(formatRoute(route('10.244.0.5', { dev: 'calia7a3e029a7b', scope: 'link' }))).toBe(
      '10.244.0.5 dev calia7a3e029a7b scope link',
    );
    expect(formatRoute(route('10.244.0.4/31', { dev: 'eth0' }))).toBe('10.244.0.4/31 dev eth0');
  });

  it('types other than unicast lead the line; blackhole has no dev', () => {
    expect(formatRoute(route('10.244.0.0/26', { type: 'blackhole', proto: 'bird' }))).toBe(
      'blackhole 10.244.0.0/26 proto bird',
    );
    expect(
      formatRoute(
        route('10.244.0.1', {
          type: 'local',
          dev: 'cni0',
          proto: 'kernel',
          scope: 'host',
          src: '10.244.0.1',
        }),
      ),
    ).toBe('local 10.244.0.1 dev cni0 proto kernel scope host src 10.244.0.1');
  });

  it('orders proto, src, metric, onlink, mtu as print_route does; metric 0 is not printed', () => {
    // The shape of a real DHCP default route: `default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100`.
    expect(
      formatRoute(
        route(null, { via: '10.0.2.2', dev: 'eth0', proto: 'dhcp', src: '10.0.2.15', metric: 100 }),
      ),
    ).toBe('default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100');
    expect(
      formatRoute(route('10.9.0.0/24', { via: '10.0.0.1', dev: 'eth0', metric: 0, onlink: true, mtu: 1400 })),
    ).toBe('10.9.0.0/24 via 10.0.0.1 dev eth0 onlink mtu 1400');
  });
});

describe('ip route ordering', () => {
  it('default first, then by network address; longer prefix first on the same address', () => {
    const ns = makeNetns({
      id: 'node/x',
      links: [],
      routes: [
        route('10.0.0.0/8', { dev: 'eth0' }),
        route('192.168.1.0/24', { dev: 'eth0' }),
        route('10.0.0.0/24', { dev: 'eth0' }),
        route('10.0.0.0/16', { dev: 'eth0' }),
        route(null, { via: '192.168.1.1', dev: 'eth0' }),
        route('9.255.255.255', { dev: 'eth0' }),
        route('10.0.0.1', { dev: 'eth0' }),
      ],
    });
    expect(renderIpRoute(ns)).toBe(
      lines(
        'default via 192.168.1.1 dev eth0 ',
        '9.255.255.255 dev eth0 ',
        '10.0.0.0/24 dev eth0 ',
        '10.0.0.0/16 dev eth0 ',
        '10.0.0.0/8 dev eth0 ',
        '10.0.0.1 dev eth0 ',
        '192.168.1.0/24 dev eth0 ',
      ),
    );
  });

  it('addresses above 128.0.0.0 sort as unsigned, after the low ones', () => {
    const ns = makeNetns({
      id: 'node/x',
      links: [],
      routes: [route('192.168.0.0/16', { dev: 'eth0' }), route('10.0.0.0/8', { dev: 'eth0' })],
    });
    expect(renderIpRoute(ns)).toBe(lines('10.0.0.0/8 dev eth0 ', '192.168.0.0/16 dev eth0 '));
  });

  it('equal prefixes go by metric, then stay in insertion order', () => {
    const ns = makeNetns({
      id: 'node/x',
      links: [],
      routes: [
        route(null, { via: '10.0.0.3', dev: 'eth1', metric: 200 }),
        route(null, { via: '10.0.0.1', dev: 'eth0', metric: 100 }),
        route(null, { via: '10.0.0.2', dev: 'eth2', metric: 200 }),
      ],
    });
    expect(renderIpRoute(ns)).toBe(
      lines(
        'default via 10.0.0.1 dev eth0 metric 100 ',
        'default via 10.0.0.3 dev eth1 metric 200 ',
        'default via 10.0.0.2 dev eth2 metric 200 ',
      ),
    );
  });

  it('local-table routes are not part of `ip route`; an empty table prints nothing', () => {
    const ns = makeNetns({
      id: 'node/x',
      links: [],
      routes: [route('10.244.0.1', { type: 'local', dev: 'cni0', proto: 'kernel', scope: 'host' })],
    });
    expect(renderIpRoute(ns)).toBe('');
  });

  it('property: the order is a total preorder consistent with (address asc, prefix desc)', () => {
    const arbRoute = fc
      .tuple(fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
      .map(([ip, prefix]): Route => {
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        const base = (ip & mask) >>> 0;
        return prefix === 0
          ? route(null, { dev: 'eth0' })
          : { ...route(null, { dev: 'eth0' }), dst: { base: ipv4FromUint(base), prefix } };
      });
    fc.assert(
      fc.property(fc.array(arbRoute, { maxLength: 30 }), (routes) => {
        const sorted = [...routes].sort(compareRouteOrder);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!;
          const b = sorted[i]!;
          const ab = a.dst?.base ?? 0;
          const bb = b.dst?.base ?? 0;
          expect(ab <= bb).toBe(true);
          if (ab === bb) expect((a.dst?.prefix ?? 0) >= (b.dst?.prefix ?? 0)).toBe(true);
        }
      }),
    );
  });
});

function ipv4FromUint(n: number): ReturnType<typeof ipv4> {
  return ipv4(`${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);
}

describe('neighbour and FDB single lines', () => {
  const neigh = (state: Neighbor['state']): Neighbor => ({
    ip: ipv4('10.244.1.0'),
    dev: 'flannel.1',
    lladdr: '7a:c3:1e:52:90:22',
    state,
  });

  it('formatNeighbor prints dst, dev, lladdr and the NUD state', () => {
    expect(formatNeighbor(neigh('PERMANENT'))).toBe(
      '10.244.1.0 dev flannel.1 lladdr 7a:c3:1e:52:90:22 PERMANENT',
    );
    expect(formatNeighbor(neigh('STALE'), false)).toBe('10.244.1.0 lladdr 7a:c3:1e:52:90:22 STALE');
  });

  it('ip neigh hides NOARP entries as `ip neigh show` does', () => {
    const ns = makeNetns({ id: 'node/x', links: [], neighbors: [neigh('NOARP'), neigh('REACHABLE')] });
    expect(renderIpNeigh(ns)).toBe(lines('10.244.1.0 dev flannel.1 lladdr 7a:c3:1e:52:90:22 REACHABLE '));
  });

  it('formatFdb: VXLAN remote, learned port entry, the bridge own (local) entry', () => {
    const vxlan: FdbEntry = {
      mac: '7a:c3:1e:52:90:22',
      dev: 'flannel.1',
      dst: ipv4('192.168.1.11'),
      self: true,
      permanent: true,
    };
    const learned: FdbEntry = {
      mac: '0a:58:0a:f4:00:02',
      dev: 'veth1a2b3c4d',
      master: 'cni0',
      self: false,
      permanent: false,
    };
    const local: FdbEntry = { ...learned, mac: '9e:41:07:c3:aa:15', local: true };
    expect(formatFdb(vxlan)).toBe('7a:c3:1e:52:90:22 dev flannel.1 dst 192.168.1.11 self permanent');
    expect(formatFdb(learned)).toBe('0a:58:0a:f4:00:02 dev veth1a2b3c4d master cni0');
    expect(formatFdb(local)).toBe('9e:41:07:c3:aa:15 dev veth1a2b3c4d master cni0 permanent');
  });
});
