import { formatIpv4 } from '../net/ipv4';
import { headersOf, type PacketState } from './state';
import type { Walker } from './walker';

/**
 * Traffic from outside the cluster. A client reaches a node IP directly (NodePort), or a
 * LoadBalancer VIP: the external load balancer owns that address (it is `status.loadBalancer`,
 * not a device on any node) and forwards to a node's NodePort, choosing among the nodes its health
 * checks accept — with externalTrafficPolicy Local only nodes that have a local endpoint answer
 * the health-check NodePort with 200. Pod IPs and ClusterIPs are not routed from outside.
 */
export function externalEntry(w: Walker, st: PacketState): void {
  const cluster = w.world.cluster;
  const f = st.frame;
  const lb = w.env.services?.ports.find(
    (sp) =>
      sp.loadBalancerIPs.includes(f.dst) &&
      sp.port === f.dstPort &&
      sp.protocol === f.protocol &&
      sp.nodePort > 0,
  );
  if (lb) {
    const local = lb.externalTrafficPolicy === 'Local';
    const healthy = local
      ? [
          ...new Set(lb.endpoints.filter((e) => e.ready && e.nodeIndex !== null).map((e) => e.nodeIndex!)),
        ].sort((a, b) => a - b)
      : cluster.nodes.map((n) => n.index);
    const vip = `${formatIpv4(f.dst)}:${f.dstPort}`;
    if (healthy.length === 0) {
      w.drop(
        'NO_ENDPOINTS',
        'external',
        'load balancer',
        'hop.drop.noEndpoints',
        { vip, netns: 'the load balancer' },
        st,
        null,
        null,
        { service: `${lb.namespace}/${lb.service}` },
      );
      return;
    }
    const node = cluster.nodes[healthy[Math.floor(w.env.rng() * healthy.length)]!]!;
    const pool = healthy.map((i) => `${formatIpv4(cluster.nodes[i]!.ip)}:${lb.nodePort}`).join(', ');
    const target = `${formatIpv4(node.ip)}:${lb.nodePort}`;
    const before = headersOf(f);
    f.dst = node.ip;
    f.dstPort = lb.nodePort;
    w.emit(
      'lb',
      'external',
      'load balancer',
      'hop.lb',
      { vip, node: node.name, target },
      `frontend ${vip} → backend pool [${pool}]${local ? ' (health check: healthCheckNodePort ' + lb.healthCheckNodePort + ')' : ''}`,
      'load balancer',
      st,
      { service: `${lb.namespace}/${lb.service}`, before },
    );
  }
  const nodeIndex = cluster.nodeByIp.get(f.dst);
  if (nodeIndex === undefined) {
    w.drop(
      'NOT_REACHABLE_FROM_OUTSIDE',
      'external',
      null,
      'hop.drop.notReachableFromOutside',
      { dst: formatIpv4(f.dst) },
      st,
    );
    return;
  }
  const ns = w.world.nodeNetns(nodeIndex);
  const eth0 = ns.links.find((l) => l.kind === 'physical')!;
  f.dstMac = eth0.mac;
  w.emit(
    'underlay',
    'external',
    'router',
    'hop.external',
    { src: formatIpv4(f.src), dst: formatIpv4(f.dst), node: ns.id },
    `${formatIpv4(f.dst)} dev eth0 lladdr ${eth0.mac} REACHABLE`,
    'ip neigh',
    st,
  );
  w.receive(ns, eth0.name, st);
}
