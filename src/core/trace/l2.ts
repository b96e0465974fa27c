import type { Ipv4 } from '../net/ipv4';
import type { Mac } from '../net/mac';
import type { Link, Netns } from '../linux/types';
import type { World } from '../cni/world';

export interface Resolution {
  mac: Mac;
  /** Who answered the ARP request (`eth0 of default/web`, `caliXXXX (proxy ARP)`), null if from the table. */
  answeredBy: string | null;
}

/** Whether `dev` in `ns` holds `ip` (the local-address sets rule most candidates out without a scan). */
function owns(ns: Netns, dev: string, ip: Ipv4): boolean {
  if (ns.ownIps && !ns.ownIps.has(ip) && !(ns.sharedIps?.has(ip) ?? false)) return false;
  return ns.addresses.some((a) => a.dev === dev && a.ip === ip);
}

/**
 * ARP over a veth pair: the only other station is the peer device. It answers if it holds the
 * address, if proxy_arp is on and its netns can route the address elsewhere (Calico's host veth),
 * or if an eBPF program answers ARP on it (Cilium's bpf_lxc answers for the router IP). If the
 * peer is a bridge port, the request is flooded to the bridge and its other ports.
 */
export function resolveOnVeth(world: World, ns: Netns, link: Link, ip: Ipv4): Resolution | null {
  if (!link.peer) return null;
  const peer = world.netns(link.peer.netns);
  const peerLink = peer?.links.find((l) => l.ifindex === link.peer!.ifindex);
  if (!peer || !peerLink) return null;
  if (owns(peer, peerLink.name, ip))
    return { mac: peerLink.mac, answeredBy: `${peerLink.name} in ${peer.id}` };
  if (peerLink.proxyArp) {
    const route = peer.routes.lookup(ip);
    if (route && route.type === 'unicast' && route.dev !== peerLink.name) {
      return { mac: peerLink.mac, answeredBy: `${peerLink.name} in ${peer.id} (proxy ARP)` };
    }
  }
  if (peerLink.bpf?.some((b) => b.program === 'cil_from_container')) {
    return { mac: peerLink.mac, answeredBy: `${peerLink.name} in ${peer.id} (eBPF ARP responder)` };
  }
  if (peerLink.master) {
    const bridge = peer.links.find((l) => l.name === peerLink.master);
    if (bridge) return resolveOnBridge(world, peer, bridge, ip, peerLink.name);
  }
  return null;
}

/** ARP flooded on a bridge: the bridge device itself or the far end of any other port may answer. */
export function resolveOnBridge(
  world: World,
  ns: Netns,
  bridge: Link,
  ip: Ipv4,
  ingressPort?: string,
): Resolution | null {
  if (owns(ns, bridge.name, ip)) return { mac: bridge.mac, answeredBy: `${bridge.name} in ${ns.id}` };
  // The flood reaches every port; only the station holding the address answers. Find it through
  // the cluster's IP index instead of building every Pod netns behind the bridge.
  const podIndex = world.cluster.podByIp.get(ip);
  if (podIndex === undefined) return null;
  const placement = world.placement(podIndex);
  if (placement.node.index !== ns.nodeIndex || placement.hostVethName === ingressPort) return null;
  const port = ns.links.find((l) => l.name === placement.hostVethName && l.master === bridge.name);
  if (!port?.peer) return null;
  const peer = world.netns(port.peer.netns);
  const peerLink = peer?.links.find((l) => l.ifindex === port.peer!.ifindex);
  if (peer && peerLink && owns(peer, peerLink.name, ip)) {
    return { mac: peerLink.mac, answeredBy: `${peerLink.name} in ${peer.id}` };
  }
  return null;
}
