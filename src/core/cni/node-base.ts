import { broadcastOf } from '../net/cidr';
import type { ClusterNode } from '../model/cluster';
import type { DesignContext } from './types';
import { NetnsBuilder, UP_FLAGS } from './builder';
import { macFor } from './macs';
import { ipv4 } from '../net/ipv4';

/**
 * What every node has before any CNI runs: loopback, the physical NIC `eth0` with the Node IP on
 * the underlay, the kernel's connected route and a default route to the underlay's router, and
 * IP forwarding on (kubeadm's preflight requires `net.ipv4.ip_forward = 1`).
 */
export function buildNodeBase(ctx: DesignContext, node: ClusterNode): NetnsBuilder {
  const nets = ctx.cluster.networks;
  const b = new NetnsBuilder(`node/${node.name}`, 'node', node.index);
  b.forwarding = true;
  b.link({
    ifindex: 1,
    name: 'lo',
    kind: 'loopback',
    mac: '00:00:00:00:00:00',
    mtu: 65536,
    state: 'UNKNOWN',
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
  });
  b.address({ dev: 'lo', ip: ipv4('127.0.0.1'), prefix: 8, scope: 'host' });
  b.link({
    ifindex: 2,
    name: 'eth0',
    kind: 'physical',
    mac: macFor('nodeEth0', node.index),
    mtu: nets.mtu,
    state: 'UP',
    flags: UP_FLAGS,
  });
  b.address({
    dev: 'eth0',
    ip: node.ip,
    prefix: nets.underlay.prefix,
    scope: 'global',
    broadcast: broadcastOf(nets.underlay),
  });
  b.route({
    dst: null,
    type: 'unicast',
    via: nets.underlayGateway,
    dev: 'eth0',
    proto: 'boot',
    scope: 'global',
  });
  b.route({ dst: nets.underlay, type: 'unicast', dev: 'eth0', proto: 'kernel', scope: 'link', src: node.ip });
  return b;
}

/** Loopback inside a Pod netns. */
export function buildPodBase(b: NetnsBuilder): void {
  b.link({
    ifindex: 1,
    name: 'lo',
    kind: 'loopback',
    mac: '00:00:00:00:00:00',
    mtu: 65536,
    state: 'UNKNOWN',
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
  });
  b.address({ dev: 'lo', ip: ipv4('127.0.0.1'), prefix: 8, scope: 'host' });
}
