import { nthAddress } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { ClusterNode } from '../model/cluster';
import type { IntraDesignModule } from './types';
import { UP_FLAGS } from './builder';
import { macFor } from './macs';
import { ciliumVethName } from './names';
import { ipcacheMap, lxcMap, podIdentities } from './cilium-maps';

/** cilium_host and cilium_net are NOARP veths (`<BROADCAST,MULTICAST,NOARP,UP,LOWER_UP>`). */
const NOARP_FLAGS = ['BROADCAST', 'MULTICAST', 'NOARP', 'UP', 'LOWER_UP'];

/** The node's "router" address (CiliumInternalIP on cilium_host): the first IP of its Pod CIDR. */
export const ciliumRouterIp = (node: ClusterNode): Ipv4 => nthAddress(node.podCidr, 1);

/** Endpoint IDs are small per-node numbers in Cilium; ours follow the Pod's position on the node. */
export const endpointIdOf = (position: number): number => 100 + position;

/**
 * eBPF design (Cilium: cilium/cilium pkg/datapath/connector, bpf/bpf_lxc.c): Pods have a /32 and a default route via the router IP
 * held by `cilium_host`. The host end of each veth (`lxc…`) has no IP and runs `cil_from_container`
 * (bpf_lxc) on tc ingress: packets from the Pod are looked up in eBPF maps and redirected straight
 * to the destination's veth, or to the tunnel/NIC, before the normal stack sees them.
 */
export const ebpfDesign: IntraDesignModule = {
  id: 'ebpf',
  addressing: { firstPodOffset: 2 },
  hostVethName: ciliumVethName,
  hostVethMac: (pod) => macFor('lxc', pod.index),
  roles: { cilium_host: 'role.ciliumHost', cilium_net: 'role.ciliumNet' },

  buildNode(b, ctx, node, pods) {
    const router = ciliumRouterIp(node);
    const mtu = ctx.cluster.networks.mtu;
    b.link({
      ifindex: 3,
      name: 'cilium_host',
      kind: 'veth',
      mac: macFor('ciliumHost', node.index),
      mtu,
      state: 'UP',
      flags: NOARP_FLAGS,
      peer: { netns: b.id, ifindex: 4, name: 'cilium_net' },
      // bpf_host: cil_from_host sees what the host stack sends into cilium_host; cil_to_host the reverse.
      bpf: [
        { hook: 'tc-egress', program: 'cil_from_host', object: 'bpf_host.o' },
        { hook: 'tc-ingress', program: 'cil_to_host', object: 'bpf_host.o' },
      ],
    });
    b.link({
      ifindex: 4,
      name: 'cilium_net',
      kind: 'veth',
      mac: macFor('ciliumNet', node.index),
      mtu,
      state: 'UP',
      flags: NOARP_FLAGS,
      peer: { netns: b.id, ifindex: 3, name: 'cilium_host' },
    });
    // cilium/cilium pkg/datapath/loader/netlink.go `addHostDeviceAddr`: a /32 with no scope set,
    // which netlink sends as RT_SCOPE_UNIVERSE: `ip addr` prints `scope global` (not link).
    b.address({ dev: 'cilium_host', ip: router, prefix: 32, scope: 'global' });
    b.route({
      dst: node.podCidr,
      type: 'unicast',
      via: router,
      dev: 'cilium_host',
      proto: 'kernel',
      scope: 'global',
      src: router,
    });
    b.route({
      dst: { base: router, prefix: 32 },
      type: 'unicast',
      dev: 'cilium_host',
      proto: 'kernel',
      scope: 'link',
    });
    // The NIC runs bpf_host too (NodePort, and redirecting arriving Pod traffic to local endpoints).
    const eth0 = b.links.find((l) => l.name === 'eth0');
    if (eth0) {
      eth0.bpf = [
        { hook: 'tc-ingress', program: 'cil_from_netdev', object: 'bpf_host.o' },
        { hook: 'tc-egress', program: 'cil_to_netdev', object: 'bpf_host.o' },
      ];
    }
    const identities = podIdentities(ctx.cluster);
    for (const p of pods) {
      b.link({
        ifindex: p.hostIfindex,
        name: p.hostVethName,
        kind: 'veth',
        mac: p.hostVethMac,
        mtu,
        state: 'UP',
        flags: UP_FLAGS,
        peer: { netns: `${p.pod.namespace}/${p.pod.name}`, ifindex: p.podIfindex, name: 'eth0' },
        bpf: [{ hook: 'tc-ingress', program: 'cil_from_container', object: 'bpf_lxc.o' }],
      });
    }
    b.bpfMaps.push(
      ipcacheMap(ctx.cluster, ctx.inter === 'overlay', node.index),
      lxcMap(
        pods.map((p, position) => ({
          ip: p.pod.ip,
          endpointId: endpointIdOf(position),
          identity: identities[p.pod.index]!,
          ifindex: p.hostIfindex,
          mac: p.podMac,
          nodeMac: p.hostVethMac,
        })),
      ),
    );
  },

  buildPod(b, ctx, p) {
    const router = ciliumRouterIp(p.node);
    b.link({
      ifindex: p.podIfindex,
      name: 'eth0',
      kind: 'veth',
      mac: p.podMac,
      mtu: ctx.cluster.networks.mtu,
      state: 'UP',
      flags: UP_FLAGS,
      peer: { netns: `node/${p.node.name}`, ifindex: p.hostIfindex, name: p.hostVethName },
    });
    b.address({ dev: 'eth0', ip: p.pod.ip, prefix: 32, scope: 'global' });
    // Cilium keeps the device MTU and puts the tunnel-reduced MTU on the default route (connector/ipam.go).
    b.route({
      dst: null,
      type: 'unicast',
      via: router,
      dev: 'eth0',
      proto: 'boot',
      scope: 'global',
      mtu: ctx.podMtu,
    });
    b.route({
      dst: { base: router, prefix: 32 },
      type: 'unicast',
      dev: 'eth0',
      proto: 'boot',
      scope: 'link',
    });
    // bpf_lxc answers the Pod's ARP for the router with the lxc device's MAC.
    b.neighbors.push({ ip: router, dev: 'eth0', lladdr: p.hostVethMac, state: 'REACHABLE' });
  },
};
