import { describe, expect, it } from 'vitest';
import type { BpfMap } from '../types';
import { renderIpAddr } from './addr';
import { renderBpf } from './bpf';
import { addr, lines, link, loopback, makeNetns, route } from './fixture';
import { renderIpLink } from './link';
import { renderIpRoute } from './route';
import { renderShow } from './show';

// Facts sheet §5.5 / §6.3 (Cilium, tunnel mode): cilium_host/cilium_net veth pair with the router
// IP /32 on cilium_host, a flow-based cilium_vxlan on 8472, lxc devices without IPs, bpf_lxc on
// the lxc tc ingress, bpf_host on cilium_host/cilium_net and the NIC, bpf_overlay on cilium_vxlan,
// bpf_sock on the cgroup-v2 root.
const NOARP_UP = ['BROADCAST', 'MULTICAST', 'NOARP', 'UP', 'LOWER_UP'];

const services: BpfMap = {
  name: 'cilium_lb4_services_v2',
  keyHeader: 'SERVICE ADDRESS',
  valueHeader: 'BACKEND ADDRESS (REVNAT_ID) (SLOT)',
  rows: () => [
    { key: '10.96.0.10:53/UDP', value: '0.0.0.0:0 (1) (0) [ClusterIP]' },
    { key: '10.96.0.10:53/UDP', value: '10.0.0.12:53/UDP (1) (1)' },
    { key: '10.96.0.1:443/TCP', value: '192.168.1.10:6443/TCP (2) (1)' },
  ],
};

const node1 = makeNetns({
  id: 'node/node1',
  links: [
    loopback(),
    link(2, 'eth0', 'physical', {
      mac: '52:54:00:6b:3c:01',
      bpf: [
        { hook: 'tc-egress', program: 'cil_to_netdev', object: 'bpf_host.o' },
        { hook: 'tc-ingress', program: 'cil_from_netdev', object: 'bpf_host.o' },
        { hook: 'cgroup-connect4', program: 'cil_sock4_connect', object: 'bpf_sock.o' },
      ],
    }),
    link(3, 'cilium_net', 'veth', {
      mac: '9a:0c:51:7e:44:02',
      flags: ['NOARP', 'BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], // model order; printed in bit order
      peer: { netns: 'node/node1', ifindex: 4, name: 'cilium_host' },
      bpf: [{ hook: 'tc-ingress', program: 'cil_to_host', object: 'bpf_host.o' }],
    }),
    link(4, 'cilium_host', 'veth', {
      mac: 'd6:3b:0e:a8:7c:19',
      flags: [...NOARP_UP],
      peer: { netns: 'node/node1', ifindex: 3, name: 'cilium_net' },
      bpf: [
        { hook: 'tc-ingress', program: 'cil_to_host', object: 'bpf_host.o' },
        { hook: 'tc-egress', program: 'cil_from_host', object: 'bpf_host.o' },
      ],
    }),
    link(5, 'cilium_vxlan', 'vxlan', {
      mac: '12:f4:6d:21:b0:8e',
      state: 'UNKNOWN',
      vxlan: { vni: 0, port: 8472, local: null, dev: '', learning: false, external: true },
      bpf: [
        { hook: 'tc-ingress', program: 'cil_from_overlay', object: 'bpf_overlay.o' },
        { hook: 'tc-egress', program: 'cil_to_overlay', object: 'bpf_overlay.o' },
      ],
    }),
    link(7, 'lxc1a2b3c4d5e6f', 'veth', {
      mac: 'be:77:02:3a:19:c4',
      peer: { netns: 'default/web', ifindex: 6, name: 'eth0' },
      bpf: [{ hook: 'tc-ingress', program: 'cil_from_container', object: 'bpf_lxc.o' }],
    }),
  ],
  addresses: [
    addr('lo', '127.0.0.1/8', 'host'),
    addr('eth0', '192.168.1.10/24', 'global', '192.168.1.255'),
    addr('cilium_host', '10.0.0.93/32', 'global'),
  ],
  // Node routes as a Cilium node really shows them (cilium_host routes installed with proto kernel).
  routes: [
    route('10.0.0.93', { dev: 'cilium_host', proto: 'kernel', scope: 'link' }),
    route('10.0.0.0/24', { via: '10.0.0.93', dev: 'cilium_host', proto: 'kernel', src: '10.0.0.93' }),
    route('10.0.1.0/24', { via: '10.0.0.93', dev: 'cilium_host', src: '10.0.0.93', mtu: 1450 }),
    route(null, { via: '192.168.1.1', dev: 'eth0' }),
  ],
  bpfMaps: [services],
});

const web = makeNetns({
  id: 'default/web',
  kind: 'pod',
  links: [
    loopback(),
    link(6, 'eth0', 'veth', {
      mac: '3e:8d:21:4f:a0:07',
      mtu: 1450,
      peer: { netns: 'node/node1', ifindex: 7, name: 'lxc1a2b3c4d5e6f' },
    }),
  ],
  addresses: [addr('lo', '127.0.0.1/8', 'host'), addr('eth0', '10.0.0.12/32', 'global')],
  routes: [
    route(null, { via: '10.0.0.93', dev: 'eth0', mtu: 1450 }),
    route('10.0.0.93', { dev: 'eth0', scope: 'link' }),
  ],
});

describe('Cilium node', () => {
  it('ip addr: the same-netns veth pair shows name@peer, flags in kernel bit order', () => {
    expect(renderIpAddr(node1)).toContain(
      lines(
        '3: cilium_net@cilium_host: <BROADCAST,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
        '    link/ether 9a:0c:51:7e:44:02 brd ff:ff:ff:ff:ff:ff',
        '4: cilium_host@cilium_net: <BROADCAST,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
        '    link/ether d6:3b:0e:a8:7c:19 brd ff:ff:ff:ff:ff:ff',
        '    inet 10.0.0.93/32 scope global cilium_host',
        '       valid_lft forever preferred_lft forever',
        '5: cilium_vxlan: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN group default ',
        '    link/ether 12:f4:6d:21:b0:8e brd ff:ff:ff:ff:ff:ff',
        '7: lxc1a2b3c4d5e6f@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
        '    link/ether be:77:02:3a:19:c4 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
      ),
    );
  });

  it('ip -d link: the flow-based VXLAN device prints external and VNI 0', () => {
    expect(renderIpLink(node1)).toContain(
      '    vxlan external id 0 srcport 0 0 dstport 8472 nolearning ttl auto ageing 300 \n',
    );
  });

  it('ip route: cilium_host routes (proto kernel, no scope global), mtu last', () => {
    expect(renderIpRoute(node1)).toBe(
      lines(
        'default via 192.168.1.1 dev eth0 ',
        '10.0.0.0/24 via 10.0.0.93 dev cilium_host proto kernel src 10.0.0.93 ',
        '10.0.0.93 dev cilium_host proto kernel scope link ',
        '10.0.1.0/24 via 10.0.0.93 dev cilium_host src 10.0.0.93 mtu 1450 ',
      ),
    );
  });

  it('ebpf: bpftool net sections, the cgroup tree, then the service map', () => {
    expect(renderBpf(node1)).toBe(
      lines(
        'xdp:',
        '',
        'tc:',
        'eth0(2) clsact/ingress cil_from_netdev id 1',
        'eth0(2) clsact/egress cil_to_netdev id 2',
        'cilium_net(3) clsact/ingress cil_to_host id 3',
        'cilium_host(4) clsact/ingress cil_to_host id 4',
        'cilium_host(4) clsact/egress cil_from_host id 5',
        'cilium_vxlan(5) clsact/ingress cil_from_overlay id 6',
        'cilium_vxlan(5) clsact/egress cil_to_overlay id 7',
        'lxc1a2b3c4d5e6f(7) clsact/ingress cil_from_container id 8',
        '',
        'flow_dissector:',
        '',
        'netfilter:',
        '',
        'CgroupPath',
        'ID       AttachType      AttachFlags     Name           ',
        '/sys/fs/cgroup',
        '9        cgroup_inet4_connect                 cil_sock4_connect',
        '',
        'cilium_lb4_services_v2',
        // tabwriter: the longest key (17 columns) plus padding 3.
        'SERVICE ADDRESS     BACKEND ADDRESS (REVNAT_ID) (SLOT)',
        '10.96.0.10:53/UDP   0.0.0.0:0 (1) (0) [ClusterIP]',
        '                    10.0.0.12:53/UDP (1) (1)',
        '10.96.0.1:443/TCP   192.168.1.10:6443/TCP (2) (1)',
      ),
    );
    expect(renderShow(node1, 'ebpf')).toBe(renderBpf(node1));
  });
});

describe('Cilium pod (routes via the cilium_host IP: cilium/cilium pkg/datapath/connector)', () => {
  it('ip route: default via the router IP with the route MTU; router IP as a link-scope host route', () => {
    expect(renderIpRoute(web)).toBe(
      lines('default via 10.0.0.93 dev eth0 mtu 1450 ', '10.0.0.93 dev eth0 scope link '),
    );
  });

  it('ebpf: a pod netns has no programs and no maps', () => {
    expect(renderBpf(web)).toBe('');
  });
});
