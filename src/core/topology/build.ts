import { formatCidr } from '../net/cidr';
import { formatIpv4 } from '../net/ipv4';
import type { Link, Netns } from '../linux/types';
import type { World } from '../cni/world';
import { INTER_DESIGNS, INTRA_DESIGNS, RESEMBLANCE } from '../cni/registry';
import type { Topology, TopologyDevice, TopologyNode, TopologyPod } from './types';

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
export function buildTopology(world: World): Topology {
  const c = world.cluster;
  const roles = { ...INTRA_DESIGNS[world.designs.intra].roles, ...INTER_DESIGNS[world.designs.inter].roles };
  const podCount = c.pods.length;
  const aggregated = c.nodes.length * 4 + podCount > DETAIL_LIMIT;
  const nodes: TopologyNode[] = [];
  for (const node of aggregated ? c.nodes.slice(0, OVERVIEW_NODES) : c.nodes) {
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
    if (!aggregated) {
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
    aggregated,
    totals: { nodes: c.nodes.length, pods: podCount },
  };
}
