import type { Link } from '../linux/types';
import type { Ipv4 } from '../net/ipv4';
import { UP_FLAGS, type NetnsBuilder } from './builder';
import type { DesignContext, PodPlacement } from './types';

/**
 * The veth pair every veth-based plugin creates at CNI ADD (containernetworking/plugins pkg/ip
 * `SetupVeth`; amazon-vpc-cni-k8s cmd/routed-eni-cni-plugin/driver/driver.go
 * `createVethPairContext.run`): `eth0` inside the Pod, the host end in the node's netns, both UP
 * with the Pod MTU. What differs between plugins (a bridge master, proxy ARP, a fixed MAC, eBPF
 * programs) is passed as `extra`.
 */
export function hostVeth(
  b: NetnsBuilder,
  ctx: DesignContext,
  p: PodPlacement,
  extra: Partial<Link> = {},
): void {
  b.link({
    ifindex: p.hostIfindex,
    name: p.hostVethName,
    kind: 'veth',
    mac: p.hostVethMac,
    mtu: ctx.podMtu,
    state: 'UP',
    flags: UP_FLAGS,
    peer: { netns: `${p.pod.namespace}/${p.pod.name}`, ifindex: p.podIfindex, name: 'eth0' },
    ...extra,
  });
}

/** The Pod's end of the pair, `eth0`, peered with the host end. */
export function podEth0(b: NetnsBuilder, ctx: DesignContext, p: PodPlacement): void {
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
}

/** The node's `/32` route to a local Pod over its host veth (`<podIP> dev <veth> scope link|host`). */
export function hostRouteToPod(b: NetnsBuilder, p: PodPlacement, scope: 'link' | 'host'): void {
  b.route({
    dst: { base: p.pod.ip, prefix: 32 },
    type: 'unicast',
    dev: p.hostVethName,
    proto: 'boot',
    scope,
  });
}

/**
 * A `/32` Pod routed through a gateway that exists nowhere (169.254.1.1: Calico, AWS VPC CNI):
 * `eth0` holds the Pod IP as a /32, a link route makes the gateway reachable on `eth0`, and the
 * default route points at it. Who answers for the gateway differs (proxy ARP on the host veth, or
 * a static neighbour entry in the Pod).
 */
export function podOnLinkGateway(b: NetnsBuilder, p: PodPlacement, gw: Ipv4): void {
  b.address({ dev: 'eth0', ip: p.pod.ip, prefix: 32, scope: 'global' });
  b.route({ dst: null, type: 'unicast', via: gw, dev: 'eth0', proto: 'boot', scope: 'global' });
  b.route({ dst: { base: gw, prefix: 32 }, type: 'unicast', dev: 'eth0', proto: 'boot', scope: 'link' });
}
