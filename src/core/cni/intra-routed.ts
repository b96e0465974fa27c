import { ipv4 } from '../net/ipv4';
import type { IntraDesignModule } from './types';
import { UP_FLAGS } from './builder';
import { CALICO_VETH_MAC } from './macs';
import { calicoVethName } from './names';

/** The gateway every Calico Pod routes through. It exists nowhere; proxy ARP answers for it. */
export const CALICO_GATEWAY = ipv4('169.254.1.1');

/**
 * Routed design (Calico's CNI dataplane, projectcalico/calico cni-plugin/pkg/dataplane/linux/dataplane_linux.go): no bridge. Each Pod has a /32 and a
 * default route via 169.254.1.1; the host end of its veth has no IP, MAC ee:ee:ee:ee:ee:ee and
 * proxy_arp on, so it answers the Pod's ARP and every packet is routed (L3) by the node. The node
 * has one /32 route per local Pod and a blackhole for the rest of its block.
 */
export const routedDesign: IntraDesignModule = {
  id: 'routed',
  addressing: { firstPodOffset: 1 },
  hostVethName: calicoVethName,
  hostVethMac: () => CALICO_VETH_MAC,
  roles: {},

  buildNode(b, ctx, node, pods) {
    // BIRD announces the block and installs the blackhole (proto bird); in VXLAN mode Felix does (proto 80).
    b.route({
      dst: node.podCidr,
      type: 'blackhole',
      proto: ctx.inter === 'routing' ? 'bird' : '80',
      scope: 'global',
    });
    for (const p of pods) {
      b.link({
        ifindex: p.hostIfindex,
        name: p.hostVethName,
        kind: 'veth',
        mac: CALICO_VETH_MAC,
        mtu: ctx.podMtu,
        state: 'UP',
        flags: UP_FLAGS,
        proxyArp: true,
        peer: { netns: `${p.pod.namespace}/${p.pod.name}`, ifindex: p.podIfindex, name: 'eth0' },
      });
      b.route({
        dst: { base: p.pod.ip, prefix: 32 },
        type: 'unicast',
        dev: p.hostVethName,
        proto: 'boot',
        scope: 'link',
      });
    }
  },

  buildPod(b, ctx, p) {
    b.link({
      ifindex: p.podIfindex,
      name: 'eth0',
      kind: 'veth',
      mac: p.podMac,
      mtu: ctx.podMtu,
      state: 'UP',
      flags: UP_FLAGS,
      peer: { netns: `node/${p.node.name}`, ifindex: p.hostIfindex, name: p.hostVethName },
    });
    b.address({ dev: 'eth0', ip: p.pod.ip, prefix: 32, scope: 'global' });
    b.route({ dst: null, type: 'unicast', via: CALICO_GATEWAY, dev: 'eth0', proto: 'boot', scope: 'global' });
    b.route({
      dst: { base: CALICO_GATEWAY, prefix: 32 },
      type: 'unicast',
      dev: 'eth0',
      proto: 'boot',
      scope: 'link',
    });
    b.neighbors.push({ ip: CALICO_GATEWAY, dev: 'eth0', lladdr: CALICO_VETH_MAC, state: 'REACHABLE' });
  },
};
