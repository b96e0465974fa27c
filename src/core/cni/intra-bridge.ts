import { broadcastOf, nthAddress } from '../net/cidr';
import type { IntraDesignModule } from './types';
import { UP_FLAGS } from './builder';
import { macFor } from './macs';
import { bridgeVethName } from './names';
import { hostVeth, podEth0 } from './veth';

/**
 * Bridge design (the CNI `bridge` plugin as Flannel delegates to it: containernetworking/plugins plugins/main/bridge/bridge.go): an L2
 * bridge `cni0` holds the host end of every Pod veth and owns the gateway address (.1 of the node's
 * Pod CIDR, `isGateway: true`); host-local IPAM gives Pods .2 onwards. Same-node Pods talk over
 * the bridge at L2 (no routing, TTL unchanged); anything else goes to the gateway and is routed.
 */
export const bridgeDesign: IntraDesignModule = {
  id: 'bridge',
  addressing: { firstPodOffset: 2 },
  hostVethName: bridgeVethName,
  hostVethMac: (pod) => macFor('bridgeVeth', pod.index),
  roles: { cni0: 'role.bridgeGateway' },
  // Flannel enforces no NetworkPolicy (flannel-io/flannel README.md): the rules shown are Calico's Felix chains as Canal
  // (Calico policy over Flannel) programs them.
  policyNote: 'Canal: Calico policy on Flannel',

  buildNode(b, ctx, node, pods) {
    // cni0 only exists once the first Pod was added on the node (the CNI ADD creates it).
    if (pods.length === 0) return;
    const gw = nthAddress(node.podCidr, 1);
    const bridgeMac = macFor('bridge', node.index);
    b.link({
      ifindex: 4,
      name: 'cni0',
      kind: 'bridge',
      mac: bridgeMac,
      mtu: ctx.podMtu,
      state: 'UP',
      flags: UP_FLAGS,
    });
    b.address({
      dev: 'cni0',
      ip: gw,
      prefix: node.podCidr.prefix,
      scope: 'global',
      broadcast: broadcastOf(node.podCidr),
    });
    b.route({ dst: node.podCidr, type: 'unicast', dev: 'cni0', proto: 'kernel', scope: 'link', src: gw });
    b.fdb.push({ mac: bridgeMac, dev: 'cni0', master: 'cni0', self: false, permanent: true, local: true });
    for (const p of pods) {
      hostVeth(b, ctx, p, { master: 'cni0', hairpin: true });
      // Learned when the Pod first sent a frame; the port's own address is a permanent local entry.
      b.fdb.push({ mac: p.podMac, dev: p.hostVethName, master: 'cni0', self: false, permanent: false });
      b.fdb.push({
        mac: p.hostVethMac,
        dev: p.hostVethName,
        master: 'cni0',
        self: false,
        permanent: true,
        local: true,
      });
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
    b.route({ dst: null, type: 'unicast', via: gw, dev: 'eth0', proto: 'boot', scope: 'global' });
    b.route({
      dst: p.node.podCidr,
      type: 'unicast',
      dev: 'eth0',
      proto: 'kernel',
      scope: 'link',
      src: p.pod.ip,
    });
    // Flannel's IPAM route for the whole cluster network (flannel-io/cni-plugin flannel_linux.go).
    b.route({
      dst: ctx.cluster.networks.podCidr,
      type: 'unicast',
      via: gw,
      dev: 'eth0',
      proto: 'boot',
      scope: 'global',
    });
    b.neighbors.push({ ip: gw, dev: 'eth0', lladdr: macFor('bridge', p.node.index), state: 'REACHABLE' });
  },
};
