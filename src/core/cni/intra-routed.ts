import { ipv4 } from '../net/ipv4';
import type { IntraDesignModule } from './types';
import { CALICO_VETH_MAC } from './macs';
import { calicoVethName } from './names';
import { hostRouteToPod, hostVeth, podEth0, podOnLinkGateway } from './veth';

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
      hostVeth(b, ctx, p, { mac: CALICO_VETH_MAC, proxyArp: true });
      hostRouteToPod(b, p, 'link');
    }
  },

  buildPod(b, ctx, p) {
    podEth0(b, ctx, p);
    podOnLinkGateway(b, p, CALICO_GATEWAY);
    b.neighbors.push({ ip: CALICO_GATEWAY, dev: 'eth0', lladdr: CALICO_VETH_MAC, state: 'REACHABLE' });
  },
};
