import { broadcastOf, nthAddress } from '../net/cidr';
import type { IntraDesignModule } from './types';
import { macFor } from './macs';
import { bridgeVethName } from './names';
import { hostRouteToPod, hostVeth, podEth0 } from './veth';

/**
 * The ptp plugin (containernetworking/plugins plugins/main/ptp/ptp.go), as kind's kindnetd
 * configures it (kubernetes-sigs/kind images/kindnetd: `"type": "ptp"` with host-local IPAM over the
 * node's podCIDR, default route via the range's gateway): no bridge. Each Pod has a veth pair; the
 * host end (`veth` + 8 random hex, CNI pkg/ip `RandomVethName`) carries the range's gateway as a /32
 * and a host route `<podIP> dev vethX scope host` (pkg/ip `AddHostRoute`); inside the Pod the
 * connected subnet route is replaced by `<gw> dev eth0 scope link` and `<subnet> via <gw>`, so
 * every packet is routed by the node, which answers ARP for the gateway on every veth.
 */
export const ptpDesign: IntraDesignModule = {
  id: 'ptp',
  // host-local: the range's first address (.1) is the gateway and is never handed out.
  addressing: { firstPodOffset: 2 },
  hostVethName: bridgeVethName,
  hostVethMac: (pod) => macFor('ptpVeth', pod.index),
  roles: {},
  // kindnetd's own NetworkPolicy controller (kube-network-policies, nftables + nfqueue) is not
  // modelled: the policy hop shows the decision as Calico-style filter chains would enforce it.
  policyNote: 'kindnet: kube-network-policies, shown as iptables filter rules',

  buildNode(b, ctx, node, pods) {
    const gw = nthAddress(node.podCidr, 1);
    for (const p of pods) {
      hostVeth(b, ctx, p);
      // ptp.go setupHostVeth: the gateway address on the host end, then the /32 host route.
      b.address({ dev: p.hostVethName, ip: gw, prefix: 32, scope: 'global' });
      hostRouteToPod(b, p, 'host');
    }
  },

  buildPod(b, ctx, p) {
    const gw = nthAddress(p.node.podCidr, 1);
    podEth0(b, ctx, p);
    b.address({
      dev: 'eth0',
      ip: p.pod.ip,
      prefix: p.node.podCidr.prefix,
      scope: 'global',
      broadcast: broadcastOf(p.node.podCidr),
    });
    // IPAM's default route (kindnetd's `"routes": [{ "dst": "0.0.0.0/0" }]`), then ptp.go's two.
    b.route({ dst: null, type: 'unicast', via: gw, dev: 'eth0', proto: 'boot', scope: 'global' });
    b.route({
      dst: p.node.podCidr,
      type: 'unicast',
      via: gw,
      dev: 'eth0',
      proto: 'boot',
      scope: 'global',
      src: p.pod.ip,
    });
    b.route({
      dst: { base: gw, prefix: 32 },
      type: 'unicast',
      dev: 'eth0',
      proto: 'boot',
      scope: 'link',
      src: p.pod.ip,
    });
  },
};
