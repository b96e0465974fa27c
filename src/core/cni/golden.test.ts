import { describe, expect, it } from 'vitest';
import { buildEngine, engineShow, engineTrace, type Engine } from '../engine';
import { DEFAULT_CLUSTER, type InterDesign, type IntraDesign } from '../model/scenario';
import type { ShowWhat } from '../show';
import { makeNamespace, makeNode, makePod } from '../../scenario/presets/small';

/**
 * Golden `show` output for a two-node example cluster: node1 192.168.1.10 with Pod
 * CIDR 10.244.0.0/24, node2 192.168.1.11 with 10.244.1.0/24, one Pod on each — plus the two
 * CoreDNS replicas every kubeadm cluster runs, one on each node (so each node has two Pods). Expected lines are
 * written from the upstream sources cited in each design; MACs are random on real nodes, so they
 * are masked as <mac> (except Calico's fixed ee:ee:ee:ee:ee:ee).
 */
function engine(intra: IntraDesign, inter: InterDesign): Engine {
  const { engine } = buildEngine({
    version: 1,
    cluster: { ...DEFAULT_CLUSTER },
    designs: { intra, inter, proxy: 'iptables' },
    nodes: [makeNode('node1'), makeNode('node2')],
    namespaces: [makeNamespace('default')],
    pods: [makePod('default', 'a', 'node1', { app: 'a' }), makePod('default', 'b', 'node2', { app: 'b' })],
    services: [],
    endpointSlices: [],
    networkPolicies: [],
  });
  return engine!;
}

const show = (e: Engine, ns: string, what: ShowWhat): string =>
  engineShow(e, ns, what)
    .replace(
      /\b(?!ee:ee:ee:ee:ee:ee|00:00:00:00:00:00|ff:ff:ff:ff:ff:ff)[0-9a-f]{2}(:[0-9a-f]{2}){5}\b/g,
      '<mac>',
    )
    .replace(/\b(veth[0-9a-f]{8}|cali[0-9a-f]{11}|lxc[0-9a-f]{12})\b/g, (name) =>
      name.replace(/^(veth|cali|lxc).*/, '$1X'),
    )
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('golden show output, 2-node cluster', () => {
  it('Flannel VXLAN (bridge + overlay)', () => {
    const e = engine('bridge', 'overlay');
    expect(show(e, 'node/node1', 'ip-route')).toBe(
      lines(
        'default via 192.168.1.1 dev eth0',
        '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1',
        '10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10',
      ),
    );
    expect(show(e, 'node/node1', 'ip-neigh')).toBe(lines('10.244.1.0 dev flannel.1 lladdr <mac> PERMANENT'));
    expect(show(e, 'node/node1', 'bridge-fdb')).toContain(
      '<mac> dev flannel.1 dst 192.168.1.11 self permanent\n',
    );
    expect(show(e, 'node/node1', 'bridge-fdb')).toContain('<mac> dev vethX master cni0\n');
    expect(show(e, 'node/node2', 'ip-route')).toContain(
      '10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink\n',
    );
    const addr = show(e, 'node/node1', 'ip-addr');
    expect(addr).toContain(
      '3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN',
    );
    expect(addr).toContain('    inet 10.244.0.0/32 scope global flannel.1\n');
    expect(addr).toContain('4: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP');
    expect(addr).toContain('    inet 10.244.0.1/24 brd 10.244.0.255 scope global cni0\n');
    expect(addr).toMatch(
      /vethX@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP/,
    );
    expect(show(e, 'node/node1', 'ip-link')).toContain(
      'vxlan id 1 local 192.168.1.10 dev eth0 srcport 0 0 dstport 8472 nolearning',
    );
    expect(show(e, 'default/a', 'ip-route')).toBe(
      lines(
        'default via 10.244.0.1 dev eth0',
        '10.244.0.0/24 dev eth0 proto kernel scope link src 10.244.0.2',
        '10.244.0.0/16 via 10.244.0.1 dev eth0',
      ),
    );
    expect(show(e, 'default/a', 'ip-neigh')).toBe(lines('10.244.0.1 dev eth0 lladdr <mac> REACHABLE'));
    expect(show(e, 'default/a', 'ip-addr')).toContain(
      '    inet 10.244.0.2/24 brd 10.244.0.255 scope global eth0\n',
    );
  });

  it('kindnet (ptp + routing): /32 host routes, the gateway on every host veth, static routes via node IPs', () => {
    const e = engine('ptp', 'routing');
    // kind's node: ptp's `AddHostRoute` (scope host) per Pod, kindnetd's `syncRoute` per other node.
    expect(show(e, 'node/node1', 'ip-route')).toBe(
      lines(
        'default via 192.168.1.1 dev eth0',
        '10.244.0.2 dev vethX scope host',
        '10.244.0.3 dev vethX scope host',
        '10.244.1.0/24 via 192.168.1.11 dev eth0',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10',
      ),
    );
    const addr = show(e, 'node/node1', 'ip-addr');
    expect(addr.match(/inet 10\.244\.0\.1\/32 scope global vethX/g)).toHaveLength(2);
    expect(addr).not.toContain('cni0');
    // Inside the Pod: ptp replaces the subnet route by two routes through the gateway.
    expect(show(e, 'default/a', 'ip-route')).toBe(
      lines(
        'default via 10.244.0.1 dev eth0',
        '10.244.0.0/24 via 10.244.0.1 dev eth0 src 10.244.0.2',
        '10.244.0.1 dev eth0 scope link src 10.244.0.2',
      ),
    );
    expect(show(e, 'default/a', 'ip-addr')).toContain(
      '    inet 10.244.0.2/24 brd 10.244.0.255 scope global eth0\n',
    );
    // Pod → Pod across nodes: ARP for the gateway is answered by the host veth itself (it holds
    // 10.244.0.1), the packet is routed with Pod IPs on the wire, then delivered by the /32 route.
    const t = engineTrace(e, { from: 'default/a', to: 'default/b', port: 80, protocol: 'TCP' });
    expect(t.verdict).toBe('delivered');
    expect(t.hops[1]!.explain).toMatch(
      /ARP for 10\.244\.0\.1 was answered by veth[0-9a-f]{8} in node\/node1/,
    );
    expect(t.hops.find((h) => h.kind === 'underlay')!.packet.src).toBe('10.244.0.2');
    expect(t.hops.at(-3)!.rule).toMatch(/^10\.244\.1\.2 dev veth[0-9a-f]{8} scope host$/);
  });

  it('Flannel host-gw (bridge + routing)', () => {
    const e = engine('bridge', 'routing');
    expect(show(e, 'node/node1', 'ip-route')).toBe(
      lines(
        'default via 192.168.1.1 dev eth0',
        '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1',
        '10.244.1.0/24 via 192.168.1.11 dev eth0',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10',
      ),
    );
    expect(show(e, 'node/node1', 'ip-neigh')).toBe('');
  });

  it('Calico BGP (routed + routing)', () => {
    const e = engine('routed', 'routing');
    expect(show(e, 'node/node1', 'ip-route')).toBe(
      lines(
        'default via 192.168.1.1 dev eth0',
        'blackhole 10.244.0.0/24 proto bird',
        '10.244.0.1 dev caliX scope link',
        '10.244.0.2 dev caliX scope link',
        '10.244.1.0/24 via 192.168.1.11 dev eth0 proto bird',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10',
      ),
    );
    const addr = show(e, 'node/node1', 'ip-addr');
    expect(addr).toMatch(
      /caliX@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 .*\n {4}link\/ether ee:ee:ee:ee:ee:ee brd ff:ff:ff:ff:ff:ff link-netnsid 0\n(\d+:|$)/,
    );
    expect(show(e, 'default/a', 'ip-route')).toBe(
      lines('default via 169.254.1.1 dev eth0', '169.254.1.1 dev eth0 scope link'),
    );
    expect(show(e, 'default/a', 'ip-neigh')).toBe(
      lines('169.254.1.1 dev eth0 lladdr ee:ee:ee:ee:ee:ee REACHABLE'),
    );
    expect(show(e, 'default/a', 'ip-addr')).toContain('    inet 10.244.0.1/32 scope global eth0\n');
    expect(show(e, 'node/node1', 'bridge-fdb')).toBe('');
  });

  it('Calico VXLAN (routed + overlay)', () => {
    const e = engine('routed', 'overlay');
    expect(show(e, 'node/node1', 'ip-route')).toBe(
      lines(
        'default via 192.168.1.1 dev eth0',
        'blackhole 10.244.0.0/24 proto 80',
        '10.244.0.1 dev caliX scope link',
        '10.244.0.2 dev caliX scope link',
        '10.244.1.0/24 via 10.244.1.0 dev vxlan.calico proto 80 onlink',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10',
      ),
    );
    expect(show(e, 'node/node1', 'ip-neigh')).toBe(
      lines('10.244.1.0 dev vxlan.calico lladdr <mac> PERMANENT'),
    );
    expect(show(e, 'node/node1', 'bridge-fdb')).toBe(
      lines('<mac> dev vxlan.calico dst 192.168.1.11 self permanent'),
    );
    expect(show(e, 'node/node1', 'ip-link')).toContain(
      'vxlan id 4096 local 192.168.1.10 dev eth0 srcport 0 0 dstport 4789 nolearning',
    );
    expect(show(e, 'default/a', 'ip-addr')).toMatch(/eth0@if10: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 /);
  });

  it('Cilium tunnel (eBPF + overlay)', () => {
    const e = engine('ebpf', 'overlay');
    expect(show(e, 'node/node1', 'ip-route')).toBe(
      lines(
        'default via 192.168.1.1 dev eth0',
        '10.244.0.0/24 via 10.244.0.1 dev cilium_host proto kernel src 10.244.0.1',
        '10.244.0.1 dev cilium_host proto kernel scope link',
        '10.244.1.0/24 via 10.244.0.1 dev cilium_host proto kernel src 10.244.0.1 mtu 1450',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10',
      ),
    );
    const addr = show(e, 'node/node1', 'ip-addr');
    expect(addr).toContain('3: cilium_host@cilium_net: <BROADCAST,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500');
    expect(addr).toContain('4: cilium_net@cilium_host: <BROADCAST,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500');
    expect(addr).toContain('    inet 10.244.0.1/32 scope global cilium_host\n');
    expect(show(e, 'node/node1', 'ip-link')).toContain('vxlan external id 0');
    expect(show(e, 'node/node1', 'ip-neigh')).toBe(''); // the tunnel is chosen in eBPF, not by neigh/FDB
    const bpf = show(e, 'node/node1', 'ebpf');
    expect(bpf).toMatch(/lxcX\(10\) clsact\/ingress cil_from_container/);
    expect(bpf).toMatch(/cilium_vxlan\(5\) clsact\/ingress cil_from_overlay/);
    expect(bpf).toMatch(/10\.244\.1\.2\/32 +identity=257 encryptkey=0 tunnelendpoint=192\.168\.1\.11/);
    expect(bpf).toMatch(/10\.244\.0\.2\/32 +identity=256 encryptkey=0 tunnelendpoint=0\.0\.0\.0/);
    expect(show(e, 'default/a', 'ip-route')).toBe(
      lines('default via 10.244.0.1 dev eth0 mtu 1450', '10.244.0.1 dev eth0 scope link'),
    );
    expect(show(e, 'default/a', 'ip-addr')).toContain('    inet 10.244.0.2/32 scope global eth0\n');
  });

  it('Cilium native routing (eBPF + routing)', () => {
    const e = engine('ebpf', 'routing');
    expect(show(e, 'node/node1', 'ip-route')).toContain('10.244.1.0/24 via 192.168.1.11 dev eth0\n');
    expect(show(e, 'node/node1', 'ip-addr')).not.toContain('cilium_vxlan');
    expect(show(e, 'node/node1', 'ebpf')).toMatch(
      /10\.244\.1\.2\/32 +identity=257 encryptkey=0 tunnelendpoint=0\.0\.0\.0/,
    );
  });

  it('names a missing netns the way ip netns exec does', () => {
    expect(engineShow(engine('bridge', 'overlay'), 'default/ghost', 'ip-addr')).toMatch(
      /No such file or directory/,
    );
  });
});
