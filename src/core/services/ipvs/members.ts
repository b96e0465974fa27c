import { cidrContains } from '../../net/cidr';
import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import { externalPolicyLocal } from '../categorize';
import type { ServiceState } from '../types';
import { IPSET_INFO, entryIpPort, entryIpPortIp, entryIpPortNet } from './ipsets';
import type { IpvsPort, SharedIpvs, SourceRange } from './types';
import { perState } from '../per-state';
import { sharedIpvs } from './shared';

/** LB source ranges that contain the node's IP: the node itself may reach the LB IP (`allowFromNode`). */
export function allowFromNode(s: SharedIpvs, nodeIp: Ipv4 | undefined): SourceRange[] {
  return nodeIp === undefined ? [] : s.sourceRanges.filter((r) => cidrContains(r.net, nodeIp));
}

/** Every set's members on this node (for `ipset list` and for which rules exist). */
export function membersOf(
  s: SharedIpvs,
  state: ServiceState,
  nodeIp: Ipv4 | undefined,
  addresses: Ipv4[],
  loop: Set<string>,
  portAt: (i: number) => IpvsPort,
): Map<string, string[]> {
  const sets = new Map<string, Set<string>>(IPSET_INFO.map((x) => [x.name, new Set<string>()]));
  const add = (name: string, entry: string) => sets.get(name)!.add(entry);
  for (const e of loop) add('KUBE-LOOP-BACK', e);
  state.ports.forEach((sp, i) => {
    const proto = sp.protocol.toLowerCase();
    const local = externalPolicyLocal(sp);
    add('KUBE-CLUSTER-IP', entryIpPort(sp.clusterIP!, proto, sp.port));
    for (const ip of sp.externalIPs)
      add(local ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP', entryIpPort(ip, proto, sp.port));
    for (const ip of sp.loadBalancerIPs) {
      add('KUBE-LOAD-BALANCER', entryIpPort(ip, proto, sp.port));
      if (local) add('KUBE-LOAD-BALANCER-LOCAL', entryIpPort(ip, proto, sp.port));
      if (sp.loadBalancerSourceRanges.length) add('KUBE-LOAD-BALANCER-FW', entryIpPort(ip, proto, sp.port));
    }
    if (sp.nodePort && addresses.length) {
      if (sp.protocol === 'SCTP')
        for (const ip of addresses) {
          add('KUBE-NODE-PORT-SCTP-HASH', entryIpPort(ip, proto, sp.nodePort));
          if (local) add('KUBE-NODE-PORT-LOCAL-SCTP-HASH', entryIpPort(ip, proto, sp.nodePort));
        }
      else {
        add(`KUBE-NODE-PORT-${sp.protocol}`, String(sp.nodePort));
        if (local) add(`KUBE-NODE-PORT-LOCAL-${sp.protocol}`, String(sp.nodePort));
      }
    }
    if (sp.healthCheckNodePort) add('KUBE-HEALTH-CHECK-NODE-PORT', String(sp.healthCheckNodePort));
    void portAt(i);
  });
  for (const r of s.sourceRanges)
    add('KUBE-LOAD-BALANCER-SOURCE-CIDR', entryIpPortNet(r.ip, r.proto, r.port, r.net));
  for (const r of allowFromNode(s, nodeIp))
    add('KUBE-LOAD-BALANCER-SOURCE-IP', entryIpPortIp(r.ip, r.proto, r.port, r.ip));
  for (const ip of s.vips) add('KUBE-IPVS-IPS', formatIpv4(ip));
  return new Map([...sets].map(([n, x]) => [n, [...x]]));
}

const nonEmpty = (m: Map<string, string[]>) =>
  new Set([...m].filter(([, v]) => v.length > 0).map(([n]) => n));

/** The node-independent answers of `setHasMembers`, once per Service state. */
const sharedEmptiness = perState((state) => {
  const s = sharedIpvs(state);
  const portAt = (i: number) => s.ports[i]!;
  // Nodes hosting a reachable endpoint of a node-independent port (KUBE-LOOP-BACK members).
  const loopNodes = new Set<string | null>();
  for (const p of s.ports) for (const e of p?.reachable ?? []) loopNodes.add(e.nodeName);
  return {
    // Sets with members on any node (the node-dependent ones are answered per node).
    always: nonEmpty(membersOf(s, state, undefined, [], new Set(), portAt)),
    // NodePort sets with members on a node that has at least one NodePort address.
    withAddress: nonEmpty(membersOf(s, state, undefined, [0 as Ipv4], new Set(), portAt)),
    loopNodes,
  };
});

/**
 * Whether set `name` has members on this node, without listing them: which match rules kube-proxy
 * writes depends only on which sets are non-empty (pkg/proxy/ipvs/proxier.go writes a set's
 * KUBE-SERVICES rule only when `len(set.activeEntries) > 0`), and listing every member for every
 * node a trace starts on cost ~45 ms at XL. Three kinds of set depend on the node: KUBE-LOOP-BACK
 * (endpoints on this node), the NodePort sets (this node's addresses) and
 * KUBE-LOAD-BALANCER-SOURCE-IP (the node IP); the others are answered once per Service state from
 * `membersOf` itself. Agrees with `membersOf(…).get(name).length > 0` (ipvs members test).
 */
export function setHasMembers(
  state: ServiceState,
  nodeName: string | null,
  nodeIp: Ipv4 | undefined,
  addresses: () => Ipv4[],
  localPorts: ReadonlyMap<number, IpvsPort>,
): (name: string) => boolean {
  const { always, withAddress, loopNodes } = sharedEmptiness(state);
  return (name) => {
    if (name === 'KUBE-LOOP-BACK')
      return (
        loopNodes.has(nodeName) ||
        [...localPorts.values()].some((p) => p.reachable.some((e) => e.nodeName === nodeName))
      );
    if (name.startsWith('KUBE-NODE-PORT-')) return withAddress.has(name) && addresses().length > 0;
    if (name === 'KUBE-LOAD-BALANCER-SOURCE-IP') return allowFromNode(sharedIpvs(state), nodeIp).length > 0;
    return always.has(name);
  };
}
