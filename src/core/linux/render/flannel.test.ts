import { describe, expect, it } from 'vitest';
import { ipv4 } from '../../net/ipv4';
import { renderIpAddr, renderIpBrAddr } from './addr';
import { renderBridgeFdb } from './fdb';
import { addr, lines, link, loopback, makeNetns, route } from './fixture';
import { renderIpLink } from './link';
import { renderIpNeigh } from './neigh';
import { renderIpRoute } from './route';
import { renderShow } from './show';

// Facts sheet §6.1 (Flannel, bridge + VXLAN): node1 192.168.1.10, podCIDR 10.244.0.0/24; pod A
// 10.244.0.2 behind veth1a2b3c4d; node2's VTEP 10.244.1.0 behind 192.168.1.11. The placeholders
// of the upstream examples are filled with concrete MACs:
const POD_A_MAC = '0a:58:0a:f4:00:02'; // CNI bridge: 0a:58 + the IPv4 address in hex
const CNI0_MAC = '0a:8c:4e:91:2d:01';
const VTEP1_MAC = '6e:2f:a1:5c:0b:11';
const VTEP2_MAC = '7a:c3:1e:52:90:22';

const node1 = makeNetns({
  id: 'node/node1',
  links: [
    // Listed out of ifindex order on purpose: `ip` prints by ifindex.
    link(5, 'veth1a2b3c4d', 'veth', {
      mac: '9e:41:07:c3:aa:15',
      mtu: 1450,
      master: 'cni0',
      hairpin: true,
      peer: { netns: 'default/pod-a', ifindex: 3, name: 'eth0' },
    }),
    loopback(),
    link(2, 'eth0', 'physical', { mac: '52:54:00:6b:3c:01' }),
    link(3, 'flannel.1', 'vxlan', {
      mac: VTEP1_MAC,
      mtu: 1450,
      state: 'UNKNOWN',
      vxlan: {
        vni: 1,
        port: 8472,
        local: ipv4('192.168.1.10'),
        dev: 'eth0',
        learning: false,
        external: false,
      },
    }),
    link(4, 'cni0', 'bridge', { mac: CNI0_MAC, mtu: 1450 }),
  ],
  addresses: [
    addr('lo', '127.0.0.1/8', 'host'),
    addr('eth0', '192.168.1.10/24', 'global', '192.168.1.255'),
    addr('flannel.1', '10.244.0.0/32', 'global'),
    addr('cni0', '10.244.0.1/24', 'global', '10.244.0.255'),
  ],
  routes: [
    route('192.168.1.0/24', { dev: 'eth0', proto: 'kernel', scope: 'link', src: '192.168.1.10' }),
    route('10.244.1.0/24', { via: '10.244.1.0', dev: 'flannel.1', onlink: true }),
    route('10.244.0.0/24', { dev: 'cni0', proto: 'kernel', scope: 'link', src: '10.244.0.1' }),
    route(null, { via: '192.168.1.1', dev: 'eth0' }),
  ],
  neighbors: [
    { ip: ipv4('192.168.1.1'), dev: 'eth0', lladdr: '52:54:00:12:35:02', state: 'REACHABLE' },
    { ip: ipv4('10.244.1.0'), dev: 'flannel.1', lladdr: VTEP2_MAC, state: 'PERMANENT' },
  ],
  fdb: [
    { mac: POD_A_MAC, dev: 'veth1a2b3c4d', master: 'cni0', self: false, permanent: false },
    { mac: VTEP2_MAC, dev: 'flannel.1', dst: ipv4('192.168.1.11'), self: true, permanent: true },
  ],
});

const podA = makeNetns({
  id: 'default/pod-a',
  kind: 'pod',
  links: [
    loopback(),
    link(3, 'eth0', 'veth', {
      mac: POD_A_MAC,
      mtu: 1450,
      peer: { netns: 'node/node1', ifindex: 5, name: 'veth1a2b3c4d' },
    }),
  ],
  addresses: [addr('lo', '127.0.0.1/8', 'host'), addr('eth0', '10.244.0.2/24', 'global', '10.244.0.255')],
  routes: [
    route('10.244.0.0/16', { via: '10.244.0.1', dev: 'eth0' }),
    route('10.244.0.0/24', { dev: 'eth0', proto: 'kernel', scope: 'link', src: '10.244.0.2' }),
    route(null, { via: '10.244.0.1', dev: 'eth0' }),
  ],
  neighbors: [{ ip: ipv4('10.244.0.1'), dev: 'eth0', lladdr: CNI0_MAC, state: 'REACHABLE' }],
});

describe('Flannel pod A (containernetworking/plugins bridge.go)', () => {
  it('ip addr: veth as eth0@if5 with link-netnsid 0, /24 with brd, lifetimes', () => {
    expect(renderIpAddr(podA)).toBe(
      lines(
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '3: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default qlen 1000',
        `    link/ether ${POD_A_MAC} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
        '    inet 10.244.0.2/24 brd 10.244.0.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
      ),
    );
  });

  it('ip route: default first, the /24 before the /16 of the same address', () => {
    expect(renderIpRoute(podA)).toBe(
      lines(
        'default via 10.244.0.1 dev eth0 ',
        '10.244.0.0/24 dev eth0 proto kernel scope link src 10.244.0.2 ',
        '10.244.0.0/16 via 10.244.0.1 dev eth0 ',
      ),
    );
  });

  it('ip neigh: the gateway resolved to cni0', () => {
    expect(renderIpNeigh(podA)).toBe(lines(`10.244.0.1 dev eth0 lladdr ${CNI0_MAC} REACHABLE `));
  });

  it('ip -br addr: padded columns', () => {
    expect(renderIpBrAddr(podA)).toBe(
      lines('lo               UNKNOWN        127.0.0.1/8 ', 'eth0@if5         UP             10.244.0.2/24 '),
    );
  });
});

describe('Flannel node1 (flannel-io/flannel pkg/backend/vxlan)', () => {
  it('ip addr: flannel.1 with the /32 subnet address and no qlen, cni0, the bridge port', () => {
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
        '3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN group default ',
        `    link/ether ${VTEP1_MAC} brd ff:ff:ff:ff:ff:ff`,
        '    inet 10.244.0.0/32 scope global flannel.1',
        '       valid_lft forever preferred_lft forever',
        '4: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default qlen 1000',
        `    link/ether ${CNI0_MAC} brd ff:ff:ff:ff:ff:ff`,
        '    inet 10.244.0.1/24 brd 10.244.0.255 scope global cni0',
        '       valid_lft forever preferred_lft forever',
        '5: veth1a2b3c4d@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP group default qlen 1000',
        '    link/ether 9e:41:07:c3:aa:15 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
      ),
    );
  });

  it('ip addr: a named peer netns prints link-netns NAME', () => {
    const text = renderIpAddr(node1, {
      netnsName: (id) => (id === 'default/pod-a' ? 'cni-3f2c8a7e' : undefined),
    });
    expect(text).toContain(
      '    link/ether 9e:41:07:c3:aa:15 brd ff:ff:ff:ff:ff:ff link-netns cni-3f2c8a7e\n',
    );
  });

  it('ip route: the onlink route via the remote VTEP address', () => {
    expect(renderIpRoute(node1)).toBe(
      lines(
        'default via 192.168.1.1 dev eth0 ',
        '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1 ',
        '10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink ',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 ',
      ),
    );
  });

  it('ip neigh: per device; `show dev flannel.1` drops the dev column', () => {
    expect(renderIpNeigh(node1)).toBe(
      lines(
        '192.168.1.1 dev eth0 lladdr 52:54:00:12:35:02 REACHABLE ',
        `10.244.1.0 dev flannel.1 lladdr ${VTEP2_MAC} PERMANENT `,
      ),
    );
    expect(renderIpNeigh(node1, { dev: 'flannel.1' })).toBe(
      lines(`10.244.1.0 lladdr ${VTEP2_MAC} PERMANENT `),
    );
  });

  it('bridge fdb: by device ifindex; VXLAN self permanent, learned entry with empty state', () => {
    expect(renderBridgeFdb(node1)).toBe(
      lines(
        `${VTEP2_MAC} dev flannel.1 dst 192.168.1.11 self permanent`,
        `${POD_A_MAC} dev veth1a2b3c4d master cni0 `,
      ),
    );
    expect(renderBridgeFdb(node1, { dev: 'flannel.1' })).toBe(
      lines(`${VTEP2_MAC} dst 192.168.1.11 self permanent`),
    );
    expect(renderBridgeFdb(node1, { br: 'cni0' })).toBe(lines(`${POD_A_MAC} dev veth1a2b3c4d master cni0 `));
  });

  it('ip -d link: vxlan details, bridge defaults, the port with hairpin on', () => {
    expect(renderIpLink(node1)).toBe(
      lines(
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000',
        '    link/ether 52:54:00:6b:3c:01 brd ff:ff:ff:ff:ff:ff',
        '3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default ',
        `    link/ether ${VTEP1_MAC} brd ff:ff:ff:ff:ff:ff`,
        '    vxlan id 1 local 192.168.1.10 dev eth0 srcport 0 0 dstport 8472 nolearning ttl auto ageing 300 ',
        '4: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP mode DEFAULT group default qlen 1000',
        `    link/ether ${CNI0_MAC} brd ff:ff:ff:ff:ff:ff`,
        '    bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 vlan_protocol 802.1Q ',
        '5: veth1a2b3c4d@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP mode DEFAULT group default qlen 1000',
        '    link/ether 9e:41:07:c3:aa:15 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
        '    veth ',
        '    bridge_slave state forwarding priority 32 cost 2 hairpin on guard off root_block off fastleave off learning on flood on ',
      ),
    );
  });

  it('renderShow dispatches by ShowWhat; no eBPF state prints nothing', () => {
    expect(renderShow(node1, 'ip-route')).toBe(renderIpRoute(node1));
    expect(renderShow(node1, 'ip-addr')).toBe(renderIpAddr(node1));
    expect(renderShow(node1, 'ip-neigh')).toBe(renderIpNeigh(node1));
    expect(renderShow(node1, 'bridge-fdb')).toBe(renderBridgeFdb(node1));
    expect(renderShow(node1, 'ip-link')).toBe(renderIpLink(node1));
    expect(renderShow(node1, 'ebpf')).toBe('');
    expect(renderShow(podA, 'bridge-fdb')).toBe('');
  });
});
