import { formatCidr } from '../net/cidr';
import { formatIpv4 } from '../net/ipv4';
import type { Link, Netns } from '../linux/types';
import type { World } from '../cni/world';
import { INTER_DESIGNS, INTRA_DESIGNS, RESEMBLANCE } from '../cni/registry';
import type { Topology, TopologyDevice, TopologyNode, TopologyPod, TopologyService } from './types';
import type { ServiceState } from '../services/types';

function topologyServices(
  state: ServiceState | null,
  onNode?: (nodeIndex: number) => boolean,
): TopologyService[] {
  if (!state) return [];
  const list = onNode
    ? state.services.filter((s) => s.addresses.some((a) => a.nodeIndex !== null && onNode(a.nodeIndex)))
    : state.services;
  return list.map((s) => ({
    key: `${s.namespace}/${s.name}`,
    namespace: s.namespace,
    name: s.name,
    type: s.type,
    clusterIP: s.clusterIP === null ? null : formatIpv4(s.clusterIP),
    headless: s.headless,
    externalName: s.externalName,
    ports: s.ports.map((p) => ({
      name: p.portName,
      protocol: p.protocol,
      port: p.port,
      targetPort: String(p.targetPort),
      nodePort: p.nodePort || null,
      endpoints: p.endpoints.map((e) => `${formatIpv4(e.ip)}:${e.port}`),
    })),
    loadBalancerIPs: [...new Set(s.ports.flatMap((p) => p.loadBalancerIPs))].map(formatIpv4),
    externalIPs: [...new Set(s.ports.flatMap((p) => p.externalIPs))].map(formatIpv4),
    externalTrafficPolicy: s.ports[0]?.externalTrafficPolicy ?? 'Cluster',
    endpoints: s.addresses.map((a) => ({ pod: a.podKey, ip: formatIpv4(a.ip), ready: a.ready })),
  }));
}

/** Above this many drawn elements (devices + Pods) the canvas shows an aggregated overview. */
export const DETAIL_LIMIT = 500;
/** Nodes listed in an overview (the rest are counted in `totals`). */
const OVERVIEW_NODES = 200;

const ROLE_BY_KIND: Record<Link['kind'], string> = {
  loopback: 'role.loopback',
  physical: 'role.nic',
  veth: 'role.veth',
  bridge: 'role.bridge',
  vxlan: 'role.vtep',
  dummy: 'role.dummy',
};

function device(ns: Netns, link: Link, roles: Record<string, string>): TopologyDevice {
  return {
    id: `${ns.id}|${link.name}`,
    netns: ns.id,
    name: link.name,
    kind: link.kind,
    addresses: ns.addresses.filter((a) => a.dev === link.name).map((a) => `${formatIpv4(a.ip)}/${a.prefix}`),
    role: roles[link.name] ?? ROLE_BY_KIND[link.kind],
    bpf: (link.bpf ?? []).map((b) => `${b.program}@${b.hook}`),
  };
}

/**
 * What the canvas draws, derived from the modelled netns: each node's devices (without loopback
 * and per-Pod veths, which are drawn with their Pod) and each Pod with its eth0 and host veth.
 * Large clusters get an overview (nodes with Pod counts) instead of every device.
 */
export function buildTopology(
  world: World,
  servicesOf: () => ServiceState | null = () => null,
  focus: readonly string[] = [],
): Topology {
  const c = world.cluster;
  const roles = { ...INTRA_DESIGNS[world.designs.intra].roles, ...INTER_DESIGNS[world.designs.inter].roles };
  const podCount = c.pods.length;
  const aggregated = c.nodes.length * 4 + podCount > DETAIL_LIMIT;
  const nodes: TopologyNode[] = [];
  const focused = new Set(focus);
  const listed = aggregated
    ? [
        ...c.nodes.filter((n) => focused.has(n.name)),
        ...c.nodes.filter((n) => !focused.has(n.name)).slice(0, OVERVIEW_NODES),
      ]
    : c.nodes;
  for (const node of listed) {
    const detailed = !aggregated || focused.has(node.name);
    const podsHere = c.podsOnNode[node.index]!;
    const base: TopologyNode = {
      name: node.name,
      netns: `node/${node.name}`,
      ip: formatIpv4(node.ip),
      podCidr: formatCidr(node.podCidr),
      devices: [],
      pods: [],
      podCount: podsHere.length,
    };
    if (detailed) {
      const ns = world.nodeNetns(node.index);
      const vethNames = new Set<string>();
      for (const p of podsHere) {
        const pod = c.pods[p]!;
        if (pod.hostNetwork) continue;
        const pns = world.podNetns(p);
        const eth0 = pns.links.find((l) => l.name === 'eth0')!;
        const hostVeth = ns.links.find((l) => l.ifindex === eth0.peer!.ifindex)!;
        vethNames.add(hostVeth.name);
        const tp: TopologyPod = {
          key: pns.id,
          namespace: pod.namespace,
          name: pod.name,
          ip: formatIpv4(pod.ip),
          labels: pod.labels,
          eth0: device(pns, eth0, roles),
          hostVeth: device(ns, hostVeth, roles),
        };
        base.pods.push(tp);
      }
      base.devices = ns.links
        .filter((l) => l.kind !== 'loopback' && !vethNames.has(l.name))
        .map((l) => device(ns, l, roles));
    }
    nodes.push(base);
  }
  return {
    designs: world.designs,
    resembles: RESEMBLANCE[`${world.designs.intra}+${world.designs.inter}`],
    underlay: { cidr: formatCidr(c.networks.underlay), gateway: formatIpv4(c.networks.underlayGateway) },
    podCidr: formatCidr(c.networks.podCidr),
    serviceCidr: formatCidr(c.networks.serviceCidr),
    nodes,
    // A bare overview lists no Service cards, so it does not wait for the Service control plane;
    // a drill-in lists the Services with an endpoint on the nodes drawn in detail.
    services: !aggregated
      ? topologyServices(servicesOf())
      : focused.size === 0
        ? []
        : topologyServices(servicesOf(), (i) => focused.has(c.nodes[i]?.name ?? '')),
    aggregated,
    totals: { nodes: c.nodes.length, pods: podCount, services: c.scenario.services.length },
    focus: listed.filter((n) => focused.has(n.name)).map((n) => n.name),
  };
}
