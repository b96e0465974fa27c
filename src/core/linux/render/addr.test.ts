import { describe, expect, it } from 'vitest';
import { renderIpAddr, renderIpBrAddr } from './addr';
import { renderBpf } from './bpf';
import { addr, lines, link, loopback, makeNetns } from './fixture';
import { renderIpLink } from './link';

describe('ip addr details', () => {
  it('kube-ipvs0: a dummy never brought up — <BROADCAST,NOARP>, qdisc noop, state DOWN, no qlen', () => {
    // kube-proxy IPVS mode binds every ClusterIP to this dummy device (kubernetes pkg/proxy/ipvs/proxier.go).
    const ns = makeNetns({
      id: 'node/node1',
      links: [
        loopback(),
        link(6, 'kube-ipvs0', 'dummy', {
          mac: '1e:4b:8a:02:6c:f3',
          state: 'DOWN',
          flags: ['BROADCAST', 'NOARP'],
        }),
      ],
      addresses: [
        addr('kube-ipvs0', '10.96.0.1/32', 'global'),
        addr('kube-ipvs0', '10.96.0.10/32', 'global'),
      ],
    });
    expect(renderIpAddr(ns)).toContain(
      lines(
        '6: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default ',
        '    link/ether 1e:4b:8a:02:6c:f3 brd ff:ff:ff:ff:ff:ff',
        '    inet 10.96.0.1/32 scope global kube-ipvs0',
        '       valid_lft forever preferred_lft forever',
        '    inet 10.96.0.10/32 scope global kube-ipvs0',
        '       valid_lft forever preferred_lft forever',
      ),
    );
    expect(renderIpLink(ns)).toContain('    dummy \n');
    expect(renderIpBrAddr(ns)).toContain('kube-ipvs0       DOWN           10.96.0.1/32 10.96.0.10/32 \n');
  });

  it('a second address in the same subnet is marked secondary', () => {
    const ns = makeNetns({
      id: 'node/node1',
      links: [link(2, 'eth0', 'physical', { mac: '52:54:00:6b:3c:01' })],
      addresses: [
        addr('eth0', '192.168.1.10/24', 'global', '192.168.1.255'),
        addr('eth0', '192.168.1.100/24', 'global', '192.168.1.255'),
        addr('eth0', '10.0.0.5/8', 'global'),
      ],
    });
    const text = renderIpAddr(ns);
    expect(text).toContain('    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0\n');
    expect(text).toContain('    inet 192.168.1.100/24 brd 192.168.1.255 scope global secondary eth0\n');
    expect(text).toContain('    inet 10.0.0.5/8 scope global eth0\n');
  });

  it('a same-netns veth whose peer is down gets ,M-DOWN; the peer netnsids count from 0 per netns', () => {
    const ns = makeNetns({
      id: 'node/node1',
      links: [
        link(3, 'cilium_net', 'veth', {
          state: 'DOWN',
          flags: ['BROADCAST', 'MULTICAST', 'NOARP'],
          peer: { netns: 'node/node1', ifindex: 4, name: 'cilium_host' },
        }),
        link(4, 'cilium_host', 'veth', {
          state: 'LOWERLAYERDOWN' as 'DOWN',
          flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'NOARP', 'UP'],
          peer: { netns: 'node/node1', ifindex: 3, name: 'cilium_net' },
        }),
        link(8, 'vethaaaa0001', 'veth', { peer: { netns: 'default/a', ifindex: 2, name: 'eth0' } }),
        link(9, 'vethbbbb0002', 'veth', { peer: { netns: 'default/b', ifindex: 2, name: 'eth0' } }),
      ],
    });
    const text = renderIpAddr(ns);
    expect(text).toContain(
      '4: cilium_host@cilium_net: <NO-CARRIER,BROADCAST,MULTICAST,NOARP,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default qlen 1000\n',
    );
    expect(text).toContain(
      '3: cilium_net@cilium_host: <BROADCAST,MULTICAST,NOARP> mtu 1500 qdisc noop state DOWN',
    );
    expect(text).toContain('link/ether 02:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n9:');
    expect(text.trimEnd().endsWith('link-netnsid 1')).toBe(true);
  });
});

describe('bpftool net: XDP', () => {
  it('native XDP on the NIC is listed as driver mode before the tc section', () => {
    const ns = makeNetns({
      id: 'node/node1',
      links: [
        link(2, 'eth0', 'physical', {
          bpf: [{ hook: 'xdp', program: 'cil_xdp_entry', object: 'bpf_xdp.o' }],
        }),
      ],
    });
    expect(renderBpf(ns)).toBe(
      lines('xdp:', 'eth0(2) driver id 1', '', 'tc:', '', 'flow_dissector:', '', 'netfilter:', ''),
    );
  });
});
