import { describe, expect, it } from 'vitest';
import { ipv4 } from '../../net/ipv4';
import type { Link } from '../types';
import { renderIpAddr, renderIpBrAddr } from './addr';
import { renderBridgeFdb } from './fdb';
import { addr, lines, link, loopback, makeNetns, route } from './fixture';
import { renderIpLink } from './link';
import { renderIpNeigh } from './neigh';
import { renderIpRoute } from './route';

// Facts sheet §6.2 (Calico, routed, IPIP + BGP): node1 block 10.244.0.0/26, pod A 10.244.0.1 behind
// calia7a3e029a7b (host end: MAC ee:ee:ee:ee:ee:ee, no IP, proxy_arp), node2 192.168.1.11.
const POD_MAC = '4a:1f:9c:30:d2:7e';
const CALI = 'calia7a3e029a7b';

// tunl0 is an ipip device, a kind the core model does not list yet: the renderer prints it anyway.
const tunl0 = link(4, 'tunl0', 'physical', {
  mtu: 1480,
  state: 'UNKNOWN',
  flags: ['NOARP', 'UP', 'LOWER_UP'],
});
(tunl0 as { kind: string }).kind = 'ipip';

const node1 = makeNetns({
  id: 'node/node1',
  links: [
    loopback(),
    link(2, 'eth0', 'physical', { mac: '52:54:00:6b:3c:01' }),
    tunl0,
    link(7, CALI, 'veth', {
      mac: 'ee:ee:ee:ee:ee:ee',
      mtu: 1480,
      proxyArp: true,
      peer: { netns: 'default/client', ifindex: 3, name: 'eth0' },
    }),
  ],
  addresses: [
    addr('lo', '127.0.0.1/8', 'host'),
    addr('eth0', '192.168.1.10/24', 'global', '192.168.1.255'),
    addr('tunl0', '10.244.0.0/32', 'global'),
  ],
  routes: [
    route('10.244.1.0/26', { via: '192.168.1.11', dev: 'tunl0', proto: 'bird', onlink: true }),
    route('192.168.1.0/24', { dev: 'eth0', proto: 'kernel', scope: 'link', src: '192.168.1.10' }),
    route('10.244.0.1', { dev: CALI, scope: 'link' }),
    route('10.244.0.0/26', { type: 'blackhole', proto: 'bird' }),
    route(null, { via: '192.168.1.1', dev: 'eth0' }),
  ],
});

const podA = makeNetns({
  id: 'default/client',
  kind: 'pod',
  links: [
    loopback(),
    link(3, 'eth0', 'veth', {
      mac: POD_MAC,
      mtu: 1480,
      peer: { netns: 'node/node1', ifindex: 7, name: CALI },
    }),
  ],
  addresses: [addr('lo', '127.0.0.1/8', 'host'), addr('eth0', '10.244.0.1/32', 'global')],
  routes: [
    route('169.254.1.1', { dev: 'eth0', scope: 'link' }),
    route(null, { via: '169.254.1.1', dev: 'eth0' }),
  ],
  neighbors: [{ ip: ipv4('169.254.1.1'), dev: 'eth0', lladdr: 'ee:ee:ee:ee:ee:ee', state: 'REACHABLE' }],
});

describe('Calico pod A (projectcalico/calico cni-plugin dataplane_linux.go)', () => {
  it('ip addr: a /32 without brd', () => {
    expect(renderIpAddr(podA)).toBe(
      lines(
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '3: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1480 qdisc noqueue state UP group default qlen 1000',
        `    link/ether ${POD_MAC} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
        '    inet 10.244.0.1/32 scope global eth0',
        '       valid_lft forever preferred_lft forever',
      ),
    );
  });

  it('ip route: everything via 169.254.1.1, a link-scope host route to it', () => {
    expect(renderIpRoute(podA)).toBe(
      lines('default via 169.254.1.1 dev eth0 ', '169.254.1.1 dev eth0 scope link '),
    );
  });

  it('ip neigh: the fake gateway answered by proxy ARP with ee:ee:ee:ee:ee:ee', () => {
    expect(renderIpNeigh(podA)).toBe(lines('169.254.1.1 dev eth0 lladdr ee:ee:ee:ee:ee:ee REACHABLE '));
  });
});

describe('Calico node1 (projectcalico/calico felix route_mgr.go)', () => {
  it('ip addr: tunl0@NONE as link/ipip, the cali veth with no inet line', () => {
    expect(renderIpAddr(node1)).toBe(
      lines(
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
        '    link/ether 52:54:00:6b:3c:01 brd ff:ff:ff:ff:ff:ff',
        '    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '4: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/ipip 0.0.0.0 brd 0.0.0.0',
        '    inet 10.244.0.0/32 scope global tunl0',
        '       valid_lft forever preferred_lft forever',
        `7: ${CALI}@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1480 qdisc noqueue state UP group default qlen 1000`,
        '    link/ether ee:ee:ee:ee:ee:ee brd ff:ff:ff:ff:ff:ff link-netnsid 0',
      ),
    );
  });

  it('ip route: blackhole for the own block, /32 per pod without /32, BGP route onlink via tunl0', () => {
    expect(renderIpRoute(node1)).toBe(
      lines(
        'default via 192.168.1.1 dev eth0 ',
        'blackhole 10.244.0.0/26 proto bird ',
        `10.244.0.1 dev ${CALI} scope link `,
        '10.244.1.0/26 via 192.168.1.11 dev tunl0 proto bird onlink ',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 ',
      ),
    );
  });

  it('ip -br addr: a name longer than 16 columns pushes the state right by one space', () => {
    expect(renderIpBrAddr(node1)).toBe(
      lines(
        'lo               UNKNOWN        127.0.0.1/8 ',
        'eth0             UP             192.168.1.10/24 ',
        'tunl0@NONE       UNKNOWN        10.244.0.0/32 ',
        `${CALI}@if3 UP             `,
      ),
    );
  });

  it('ip -d link: the fallback IPIP tunnel', () => {
    const text = renderIpLink(node1 as typeof node1 & { links: Link[] });
    expect(text).toContain(
      lines(
        '4: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000',
        '    link/ipip 0.0.0.0 brd 0.0.0.0',
        '    ipip ipip remote any local any ttl inherit nopmtudisc ',
      ),
    );
  });

  it('bridge fdb: no bridge, nothing printed', () => {
    expect(renderBridgeFdb(node1)).toBe('');
  });
});
