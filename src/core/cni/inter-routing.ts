import type { IntraDesign } from '../model/scenario';
import type { RouteProto } from '../linux/types';
import type { InterDesignModule } from './types';
import { cidrContains } from '../net/cidr';

/**
 * Who installs the per-node routes, by intra-node design: Flannel host-gw, Cilium's
 * autoDirectNodeRoutes and kindnetd (kubernetes-sigs/kind images/kindnetd `syncRoute`: netlink
 * RouteAdd `{Dst: podCIDR, Gw: nodeIP}`) write them without a protocol (`boot`); Calico's BIRD
 * learns them over BGP (`proto bird`).
 */
const ROUTE_PROTO: Record<IntraDesign, RouteProto> = {
  bridge: 'boot',
  routed: 'bird',
  ebpf: 'boot',
  ptp: 'boot',
  vpc: 'boot',
};

/**
 * Routing design: no tunnel. Every node routes each remote node's Pod CIDR to that node's IP on the
 * underlay, so packets cross the wire with Pod IPs intact (the underlay must be one L2 network or
 * carry these routes itself). Who programs the routes differs: Flannel host-gw and Cilium's
 * autoDirectNodeRoutes write static routes (`proto boot`, not printed); Calico's BIRD learns them
 * over BGP (`proto bird`). Facts §5.3 (host-gw), §5.4 (BGP).
 */
export const routingDesign: InterDesignModule = {
  id: 'routing',
  overhead: 0,
  roles: {},

  buildShared(shared, ctx) {
    const proto = ROUTE_PROTO[ctx.intra];
    const underlay = ctx.cluster.networks.underlay;
    for (const node of ctx.cluster.nodes) {
      // A Pod range on the node network itself (VPC-native Pods) is on-link: the fabric routes it.
      if (cidrContains(underlay, node.podCidr.base)) continue;
      shared.routes.add({
        route: { dst: node.podCidr, type: 'unicast', via: node.ip, dev: 'eth0', proto, scope: 'global' },
        owner: node.index,
      });
    }
  },

  buildNode() {
    // Nothing beyond eth0: the shared routes point straight at the other nodes.
  },
};
