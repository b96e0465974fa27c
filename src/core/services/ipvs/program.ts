import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import type { Protocol } from '../../model/k8s';
import type { NodeHost } from '../proxy/types';
import type { EndpointState, ServicePortState, ServiceState } from '../types';
import type { IptablesRules } from '../iptables/model';
import { ipvsNetfilter } from './netfilter';
import { inSourceCidrs } from './ipsets';
import { allowFromNode, membersOf, setHasMembers } from './members';
import { compilePort, sharedIpvs } from './shared';
import { vkey, type IpvsPort, type IpvsRules, type VirtualServer } from './types';

const loopEntry = (sp: ServicePortState, e: EndpointState) => {
  const a = formatIpv4(e.ip);
  return `${a},${sp.protocol.toLowerCase()}:${e.port},${a}`;
};

/**
 * The addresses kube-proxy opens NodePorts on: every local address except kube-ipvs0's and loopback
 * (proxier.go `GetAllLocalAddressesExcept(kube-ipvs0)` filtered by netlink `isValidForSet`, with the
 * default `--nodeport-addresses` matching all). Without a host, the node IP alone.
 */
function nodePortAddresses(host: NodeHost | undefined, nodeIp: Ipv4 | undefined): Ipv4[] {
  if (!host) return nodeIp === undefined ? [] : [nodeIp];
  const out = new Set<number>();
  for (const a of host.addresses())
    if (a.dev !== 'kube-ipvs0' && a.dev !== 'lo' && a.ip >>> 24 !== 127) out.add(a.ip);
  return [...out] as Ipv4[];
}

/** Builds node `nodeIndex`'s IPVS table, kube-ipvs0 addresses and ipsets (sharing what no Local policy changes). */
export function programIpvs(state: ServiceState, nodeIndex: number, host?: NodeHost): IpvsRules {
  const s = sharedIpvs(state);
  const nodeName = state.nodeNames[nodeIndex] ?? null;
  const nodeIp = state.nodeIps[nodeIndex];
  let addrs: Ipv4[] | null = null;
  const addresses = () => (addrs ??= nodePortAddresses(host, nodeIp));
  let addrSet: Set<number> | null = null;
  const isNodePortAddress = (ip: Ipv4) => (addrSet ??= new Set(addresses())).has(ip);
  // This node's own servers: Local-policy ports. NodePort servers (one per node address) are made
  // from the port's template on first lookup, so programming a node stays O(Local ports).
  const own = new Map<string, VirtualServer>();
  const ownNodePorts = new Map<string, VirtualServer>();
  const nodePorts = new Map<string, VirtualServer>();
  const localPorts = new Map<number, IpvsPort>();
  state.ports.forEach((sp, i) => {
    if (s.ports[i]) return;
    const p = compilePort(sp, nodeName);
    localPorts.set(i, p);
    for (const v of p.servers) own.set(vkey(v.protocol, v.vip, v.port), v);
    if (p.nodePort) ownNodePorts.set(vkey(sp.protocol, 0, sp.nodePort), p.nodePort);
  });
  const template = (protocol: Protocol, port: number) =>
    ownNodePorts.get(vkey(protocol, 0, port)) ?? s.nodePorts.get(vkey(protocol, 0, port));
  const nodePort = (protocol: Protocol, ip: Ipv4, port: number): VirtualServer | undefined => {
    const k = vkey(protocol, ip, port);
    let v = nodePorts.get(k);
    if (!v) {
      const t = template(protocol, port);
      if (!t) return undefined;
      nodePorts.set(k, (v = { ...t, vip: ip }));
    }
    return v;
  };
  const lookup = (protocol: Protocol, ip: Ipv4, port: number) => {
    const k = vkey(protocol, ip, port);
    return (
      own.get(k) ?? s.virtual.get(k) ?? (isNodePortAddress(ip) ? nodePort(protocol, ip, port) : undefined)
    );
  };
  const portAt = (i: number) => s.ports[i] ?? localPorts.get(i)!;
  let loop: Set<string> | null = null;
  const loopBack = () => {
    if (loop) return loop;
    loop = new Set();
    state.ports.forEach((sp, i) => {
      for (const e of portAt(i).reachable) if (e.nodeName === nodeName) loop!.add(loopEntry(sp, e));
    });
    return loop;
  };
  const rules: IpvsRules = {
    mode: 'ipvs',
    nodeIndex,
    clusterCidr: state.clusterCidr,
    vips: s.vips,
    nodePortAddresses: addresses,
    lookup,
    get virtual() {
      const all = new Map(s.virtual);
      for (const [k, v] of own) all.set(k, v);
      for (const t of [...s.nodePorts.values(), ...ownNodePorts.values()])
        for (const ip of addresses())
          all.set(vkey(t.protocol, ip, t.port), nodePort(t.protocol, ip, t.port)!);
      return all;
    },
    inSet: (name, pkt) => {
      const proto = pkt.protocol.toUpperCase() as Protocol;
      switch (name) {
        case 'KUBE-CLUSTER-IP':
          return lookup(proto, pkt.dst, pkt.dstPort)?.kind === 'cluster';
        case 'KUBE-EXTERNAL-IP':
        case 'KUBE-EXTERNAL-IP-LOCAL':
        case 'KUBE-LOAD-BALANCER':
        case 'KUBE-LOAD-BALANCER-LOCAL': {
          const v = lookup(proto, pkt.dst, pkt.dstPort);
          const kind = name.startsWith('KUBE-EXTERNAL') ? 'external' : 'loadbalancer';
          if (v?.kind !== kind) return false;
          return name === 'KUBE-LOAD-BALANCER' ? true : v.localPolicy === name.endsWith('-LOCAL');
        }
        case 'KUBE-NODE-PORT-TCP':
        case 'KUBE-NODE-PORT-UDP':
        case 'KUBE-NODE-PORT-LOCAL-TCP':
        case 'KUBE-NODE-PORT-LOCAL-UDP': {
          const t = template(name.endsWith('UDP') ? 'UDP' : 'TCP', pkt.dstPort);
          return t !== undefined && (!name.includes('LOCAL') || t.localPolicy);
        }
        case 'KUBE-NODE-PORT-SCTP-HASH':
        case 'KUBE-NODE-PORT-LOCAL-SCTP-HASH': {
          const t = isNodePortAddress(pkt.dst) ? template('SCTP', pkt.dstPort) : undefined;
          return t !== undefined && (!name.includes('LOCAL') || t.localPolicy);
        }
        case 'KUBE-LOOP-BACK':
          return (
            pkt.src === pkt.dst &&
            loopBack().has(
              `${formatIpv4(pkt.dst)},${pkt.protocol.toLowerCase()}:${pkt.dstPort},${formatIpv4(pkt.src)}`,
            )
          );
        case 'KUBE-IPVS-IPS':
          return s.vipSet.has(pkt.dst);
        case 'KUBE-HEALTH-CHECK-NODE-PORT':
          return s.healthChecks.has(pkt.dstPort);
        case 'KUBE-LOAD-BALANCER-FW':
          return s.sourceRanges.some(
            (r) => r.ip === pkt.dst && r.port === pkt.dstPort && r.proto === pkt.protocol.toLowerCase(),
          );
        case 'KUBE-LOAD-BALANCER-SOURCE-CIDR':
          return inSourceCidrs(s.sourceRanges, pkt.dst, pkt.protocol.toLowerCase(), pkt.dstPort, pkt.src);
        case 'KUBE-LOAD-BALANCER-SOURCE-IP':
          return (
            pkt.src === pkt.dst &&
            allowFromNode(s, nodeIp).some((r) => r.ip === pkt.dst && r.port === pkt.dstPort)
          );
        default:
          return false;
      }
    },
    get ipsets() {
      return membersOf(s, state, nodeIp, addresses(), loopBack(), portAt);
    },
    get netfilter() {
      return (net ??= withSets(
        ipvsNetfilter({
          nodeIndex,
          clusterCidr: state.clusterCidr,
          nonEmpty: setHasMembers(state, nodeName, nodeIp, addresses, localPorts),
          lbNoNodeAccess: s.sourceRanges
            .filter((r) => !allowFromNode(s, nodeIp).includes(r))
            .filter(
              (r, i, a) =>
                a.findIndex((x) => x.ip === r.ip && x.port === r.port && x.proto === r.proto) === i,
            )
            .map((r) => ({ ip: r.ip, proto: r.proto, port: r.port })),
          randomFully: true,
        }),
      ));
    },
  };
  const withSets = (t: IptablesRules): IptablesRules => ({
    ...t,
    inSet: (name, _flags, pkt) => rules.inSet(name, pkt),
  });
  let net: IptablesRules | undefined;
  return rules;
}
