import { formatCidr } from '../net/cidr';
import { formatIpv4, type Ipv4 } from '../net/ipv4';
import type { Link, Netns } from '../linux/types';
import { DEFAULT_TTL, vxlanSourcePort, type PacketState } from './state';
import { ruleOfFdb, ruleOfNeighbor } from './rule-text';
import { resolveOnBridge, resolveOnVeth } from './l2';
import { checkIngress } from './policy-hooks';
import type { Walker } from './walker';

/**
 * What happens when a packet is transmitted on each kind of link, as the kernel does it: a VXLAN
 * device encapsulates (neighbour + FDB lookups), the NIC puts it on the underlay, a veth hands it
 * to its peer, and a bridge picks the port from its FDB. Each step records the entry that decided.
 */

/** Kernel VXLAN: neighbour entry → VTEP MAC, FDB entry → remote Node IP, then the outer packet is routed. */
export function encapsulate(w: Walker, ns: Netns, link: Link, nexthop: Ipv4, st: PacketState): void {
  const vx = link.vxlan!;
  const neigh = ns.neighbors.lookup(nexthop, link.name);
  if (!neigh) {
    noNeighbor(w, ns, link.name, nexthop, st);
    return;
  }
  st.frame.srcMac = link.mac;
  st.frame.dstMac = neigh.lladdr;
  w.emit(
    'arp',
    ns.id,
    link.name,
    'hop.arp.neighbor',
    { netns: ns.id, nexthop: formatIpv4(nexthop), dev: link.name, dstMac: neigh.lladdr },
    ruleOfNeighbor(neigh),
    'ip neigh',
    st,
  );
  const fdb = ns.fdb.lookup(neigh.lladdr, link.name);
  if (!fdb || fdb.dst === undefined) {
    w.drop('NO_FDB', ns.id, link.name, 'hop.drop.noFdb', { dev: link.name, dstMac: neigh.lladdr }, st);
    return;
  }
  st.outer = {
    src: vx.local ?? w.world.cluster.nodes[ns.nodeIndex]!.ip,
    dst: fdb.dst,
    srcPort: vxlanSourcePort(st.frame),
    dstPort: vx.port,
    vni: vx.vni,
    ttl: DEFAULT_TTL,
  };
  w.emit(
    'encap',
    ns.id,
    link.name,
    'hop.encap',
    {
      dev: link.name,
      dstMac: neigh.lladdr,
      remote: formatIpv4(fdb.dst),
      port: vx.port,
      outerSrc: formatIpv4(st.outer.src),
      vni: vx.vni,
    },
    ruleOfFdb(fdb),
    'bridge fdb',
    st,
  );
  w.send(ns, st);
}

/** The node's NIC puts the packet on the underlay; the next hop is another node or the router. */
export function underlay(w: Walker, ns: Netns, link: Link, nexthop: Ipv4, st: PacketState): void {
  const cluster = w.world.cluster;
  // A Node IP, or an address the fabric itself delivers to a node (a VPC secondary IP of its ENI).
  const fabric = cluster.nodeByIp.get(nexthop) === undefined ? w.world.shared.fabric.get(nexthop) : undefined;
  const nodeIndex = cluster.nodeByIp.get(nexthop) ?? fabric;
  if (nodeIndex === undefined) {
    if (nexthop === cluster.networks.underlayGateway) {
      w.drop(
        'LEFT_CLUSTER',
        ns.id,
        link.name,
        'hop.drop.leftCluster',
        { netns: ns.id, gateway: formatIpv4(nexthop) },
        st,
      );
    } else {
      noNeighbor(w, ns, link.name, nexthop, st);
    }
    return;
  }
  const target = w.world.nodeNetns(nodeIndex);
  const targetEth0 = target.links.find((l) => l.kind === 'physical')!;
  const l2 = st.outer ?? st.frame;
  l2.srcMac = link.mac;
  l2.dstMac = targetEth0.mac;
  const neighRule = ruleOfNeighbor({
    ip: nexthop,
    dev: link.name,
    lladdr: targetEth0.mac,
    state: 'REACHABLE',
  });
  w.emit(
    'underlay',
    'underlay',
    formatCidr(cluster.networks.underlay),
    fabric === undefined ? 'hop.underlay' : 'hop.underlay.fabric',
    {
      underlay: formatCidr(cluster.networks.underlay),
      fromNode: ns.id,
      toNode: target.id,
      dstMac: targetEth0.mac,
      ip: formatIpv4(nexthop),
    },
    fabric === undefined
      ? neighRule
      : `${neighRule}\n${formatIpv4(nexthop)}: secondary private IP of ${target.id} eth0 (${targetEth0.mac})`,
    fabric === undefined ? 'ip neigh' : 'ip neigh + VPC',
    st,
  );
  w.receive(target, targetEth0.name, st);
}

/** A veth transmit: resolve the next hop's MAC (table entry or ARP), then the peer receives it. */
export function overVeth(w: Walker, ns: Netns, link: Link, nexthop: Ipv4, st: PacketState): void {
  const known = ns.neighbors.lookup(nexthop, link.name);
  const resolved = known
    ? { mac: known.lladdr, answeredBy: null }
    : resolveOnVeth(w.world, ns, link, nexthop);
  if (!resolved) {
    noNeighbor(w, ns, link.name, nexthop, st);
    return;
  }
  st.frame.srcMac = link.mac;
  st.frame.dstMac = resolved.mac;
  const rule = ruleOfNeighbor(
    known ?? { ip: nexthop, dev: link.name, lladdr: resolved.mac, state: 'REACHABLE' },
  );
  if (resolved.answeredBy)
    crossVeth(
      w,
      ns,
      link,
      st,
      'hop.veth.arp',
      { nexthop: formatIpv4(nexthop), answeredBy: resolved.answeredBy },
      rule,
    );
  else crossVeth(w, ns, link, st, 'hop.veth', {}, rule);
}

/** The frame comes out of the other end of a veth pair. */
export function crossVeth(
  w: Walker,
  ns: Netns,
  link: Link,
  st: PacketState,
  key: 'hop.veth' | 'hop.veth.arp',
  extra: Record<string, string>,
  rule: string | null = null,
): void {
  const peer = w.world.netns(link.peer!.netns)!;
  const peerLink = peer.links.find((l) => l.ifindex === link.peer!.ifindex)!;
  if (ns.kind === 'node' && peer.kind === 'pod') {
    const podIndex = w.world.cluster.podByKey.get(peer.id);
    const pod = podIndex === undefined ? undefined : w.world.cluster.pods[podIndex];
    if (pod && pod.ip === st.frame.dst && !checkIngress(w, ns, podIndex!, st)) return;
  }
  w.emit(
    'veth',
    ns.id,
    link.name,
    key,
    {
      netns: ns.id,
      dev: link.name,
      dstMac: st.frame.dstMac ?? '',
      peerDev: peerLink.name,
      peerNetns: peer.id,
      ...extra,
    },
    rule,
    rule ? 'ip neigh' : null,
    st,
  );
  w.receive(peer, peerLink.name, st);
}

/** Sending out of the bridge device itself: ARP across its ports, then the bridge FDB picks the port. */
export function overBridge(w: Walker, ns: Netns, bridge: Link, nexthop: Ipv4, st: PacketState): void {
  const resolved = resolveOnBridge(w.world, ns, bridge, nexthop);
  if (!resolved) {
    noNeighbor(w, ns, bridge.name, nexthop, st);
    return;
  }
  st.frame.srcMac = bridge.mac;
  st.frame.dstMac = resolved.mac;
  const entry = ns.fdb.lookup(resolved.mac, bridge.name);
  if (!entry) {
    w.drop('NO_FDB', ns.id, bridge.name, 'hop.drop.noFdb', { dev: bridge.name, dstMac: resolved.mac }, st);
    return;
  }
  w.emit(
    'bridge',
    ns.id,
    bridge.name,
    'hop.bridge.forward',
    { bridge: bridge.name, dstMac: resolved.mac, port: entry.dev },
    ruleOfFdb(entry),
    'bridge fdb',
    st,
  );
  const port = ns.links.find((l) => l.name === entry.dev)!;
  crossVeth(w, ns, port, st, 'hop.veth', {});
}

/** Nobody on `dev` answers ARP for the next hop: the kernel drops the packet. */
function noNeighbor(w: Walker, ns: Netns, dev: string, nexthop: Ipv4, st: PacketState): void {
  w.drop('NO_NEIGHBOR', ns.id, dev, 'hop.drop.noNeighbor', { dev, nexthop: formatIpv4(nexthop) }, st);
}
