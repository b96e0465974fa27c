import { cidrContains, type Cidr } from '../../net/cidr';
import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import type { Protocol } from '../../model/k8s';
import { categorize, externalPolicyLocal, nodeDependent } from '../categorize';
import type {
  MatchedRule,
  NodeHost,
  ProxyContext,
  ProxyModule,
  ProxyPacket,
  Translation,
} from '../proxy/types';
import type { EndpointState, ServicePortState, ServiceState } from '../types';
import type { IptablesRules } from '../iptables/model';
import { translateIptables } from '../iptables/interpret';
import { renderSave } from '../iptables/render';
import { ipvsNetfilter } from './netfilter';
import {
  IPSET_INFO,
  entryIpPort,
  entryIpPortIp,
  entryIpPortNet,
  inSourceCidrs,
  renderIpsetList,
} from './ipsets';
import { KUBE_IPVS0_IFINDEX, kubeIpvs0 } from './dummy';

/**
 * kube-proxy `--proxy-mode=ipvs` (K8S pkg/proxy/ipvs/proxier.go, README, ipset.go): every
 * ClusterIP / externalIP / LB IP is bound to the dummy device `kube-ipvs0`, an IPVS virtual server
 * (scheduler rr, NAT "Masq" forwarding, weight 1; `persistent` for ClientIP affinity) exists per
 * VIP:port and, for NodePorts, per local address of the node (not only eth0's, and never bound to
 * kube-ipvs0), and iptables still marks, masquerades and filters, driven by ipsets (netfilter.ts).
 */

export interface RealServer {
  ip: Ipv4;
  port: number;
}

export interface VirtualServer {
  protocol: Protocol;
  vip: Ipv4;
  port: number;
  /** 0 = no persistence; else `persistent <timeout>`. */
  persistent: number;
  reals: RealServer[];
  /** ServicePortName it belongs to, and what kind of address this is. */
  service: string;
  kind: 'cluster' | 'external' | 'loadbalancer' | 'nodeport';
  /** externalTrafficPolicy Local on an external address: only local reals, client IP kept. */
  localPolicy: boolean;
}

export interface IpvsRules {
  mode: 'ipvs';
  nodeIndex: number;
  clusterCidr: ServiceState['clusterCidr'];
  /** Addresses on kube-ipvs0 (`ip addr show kube-ipvs0`), for the Netns builder. */
  vips: Ipv4[];
  /** The local addresses that carry NodePort virtual servers. */
  nodePortAddresses(): Ipv4[];
  /** The virtual server for `proto VIP:port` on this node, if any. */
  lookup(protocol: Protocol, ip: Ipv4, port: number): VirtualServer | undefined;
  /** Every virtual server of the node (built on access). */
  readonly virtual: Map<string, VirtualServer>;
  /** Membership test of one of kube-proxy's sets, as `-m set` asks it. */
  inSet(name: string, pkt: { src: Ipv4; dst: Ipv4; protocol: string; dstPort: number }): boolean;
  /** kube-proxy's ipsets, set name → members (built on access). */
  readonly ipsets: Map<string, string[]>;
  /** The nat and filter rules kube-proxy writes next to IPVS (built on first use). */
  readonly netfilter: IptablesRules;
}

/** An LB ingress IP:port with one of its `loadBalancerSourceRanges`. */
interface SourceRange {
  ip: Ipv4;
  proto: 'tcp' | 'udp' | 'sctp';
  port: number;
  net: Cidr;
}

const vkey = (proto: string, ip: number, port: number) => `${proto}|${ip}|${port}`;

/** A port's virtual servers except its NodePort one (whose address is the node's). */
interface IpvsPort {
  sp: ServicePortState;
  servers: VirtualServer[];
  /** Template of the NodePort virtual server (vip filled in per node), or null. */
  nodePort: VirtualServer | null;
  /** Endpoints that get a KUBE-LOOP-BACK entry on the node they run on. */
  reachable: EndpointState[];
}

function compilePort(sp: ServicePortState, nodeName: string | null): IpvsPort {
  const cat = categorize(sp, nodeName);
  const toReal = (e: RealServer) => ({ ip: e.ip, port: e.port });
  const clusterReals = (sp.internalTrafficPolicy === 'Local' ? cat.localEndpoints : cat.clusterEndpoints).map(
    toReal,
  );
  const extReals = (externalPolicyLocal(sp) ? cat.localEndpoints : cat.clusterEndpoints).map(toReal);
  const persistent = sp.sessionAffinity === 'ClientIP' ? sp.affinityTimeoutSeconds : 0;
  const vs = (ip: Ipv4, port: number, kind: VirtualServer['kind'], reals: RealServer[]): VirtualServer => ({
    protocol: sp.protocol,
    vip: ip,
    port,
    persistent,
    reals,
    service: sp.name,
    kind,
    localPolicy: kind !== 'cluster' && externalPolicyLocal(sp),
  });
  const servers = [vs(sp.clusterIP!, sp.port, 'cluster', clusterReals)];
  for (const ip of sp.externalIPs) servers.push(vs(ip, sp.port, 'external', extReals));
  for (const ip of sp.loadBalancerIPs) servers.push(vs(ip, sp.port, 'loadbalancer', extReals));
  const nodePort = sp.nodePort ? vs(0 as Ipv4, sp.nodePort, 'nodeport', extReals) : null;
  return { sp, servers, nodePort, reachable: cat.reachable };
}

/** Node-independent part, built once per ServiceState. */
interface SharedIpvs {
  ports: (IpvsPort | null)[];
  virtual: Map<string, VirtualServer>;
  /** NodePort server templates of node-independent ports, keyed with address 0. */
  nodePorts: Map<string, VirtualServer>;
  vips: Ipv4[];
  vipSet: Set<number>;
  healthChecks: Set<number>;
  sourceRanges: SourceRange[];
}

const sharedCache = new WeakMap<ServiceState, SharedIpvs>();

function sharedIpvs(state: ServiceState): SharedIpvs {
  let s = sharedCache.get(state);
  if (s) return s;
  const virtual = new Map<string, VirtualServer>();
  const nodePorts = new Map<string, VirtualServer>();
  const vips = new Set<number>();
  const ports = state.ports.map((sp) => {
    // Every VIP is bound to kube-ipvs0 whatever the policies (proxier.go `syncService(…, bindAddr=true)`).
    vips.add(sp.clusterIP!);
    for (const ip of [...sp.externalIPs, ...sp.loadBalancerIPs]) vips.add(ip);
    if (nodeDependent(sp)) return null;
    const p = compilePort(sp, null);
    for (const v of p.servers) virtual.set(vkey(v.protocol, v.vip, v.port), v);
    if (p.nodePort) nodePorts.set(vkey(p.nodePort.protocol, 0, p.nodePort.port), p.nodePort);
    return p;
  });
  const healthChecks = new Set(state.ports.map((sp) => sp.healthCheckNodePort).filter((p) => p > 0));
  const sourceRanges = state.ports.flatMap((sp) =>
    sp.loadBalancerIPs.flatMap((ip) =>
      sp.loadBalancerSourceRanges.map((net) => ({
        ip,
        proto: sp.protocol.toLowerCase() as SourceRange['proto'],
        port: sp.port,
        net,
      })),
    ),
  );
  s = {
    ports,
    virtual,
    nodePorts,
    vips: [...vips].sort((a, b) => a - b) as Ipv4[],
    vipSet: vips,
    healthChecks,
    sourceRanges,
  };
  sharedCache.set(state, s);
  return s;
}

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
          nonEmpty: (name) =>
            (members ??= membersOf(s, state, nodeIp, addresses(), loopBack(), portAt)).get(name)!.length > 0,
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
  let members: Map<string, string[]> | undefined;
  return rules;
}

/** LB source ranges that contain the node's IP: the node itself may reach the LB IP (`allowFromNode`). */
function allowFromNode(s: SharedIpvs, nodeIp: Ipv4 | undefined): SourceRange[] {
  return nodeIp === undefined ? [] : s.sourceRanges.filter((r) => cidrContains(r.net, nodeIp));
}

/** Every set's members on this node (for `ipset list` and for which rules exist). */
function membersOf(
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

const pad = (s: string, n: number) => s.padEnd(n);
const serviceLine = (v: VirtualServer) =>
  `${pad(v.protocol, 4)} ${formatIpv4(v.vip)}:${v.port} rr${v.persistent ? ` persistent ${v.persistent}` : ''}`;
const realLine = (r: RealServer) =>
  `  -> ${pad(`${formatIpv4(r.ip)}:${r.port}`, 28)} ${pad('Masq', 7)} ${pad('1', 6)} ${pad('0', 10)} 0`;

/** `ipvsadm -Ln` (format from the kube-proxy IPVS README; version/size come from the kernel module). */
export function renderIpvsadm(r: IpvsRules): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  const sorted = [...r.virtual.values()].sort(
    (a, b) => a.protocol.localeCompare(b.protocol) || a.vip - b.vip || a.port - b.port,
  );
  for (const v of sorted) {
    lines.push(serviceLine(v));
    for (const real of v.reals) lines.push(realLine(real));
  }
  return lines.join('\n') + '\n';
}

/** `ip -4 addr show kube-ipvs0` (the device is never brought up). */
export function renderKubeIpvs0(r: IpvsRules): string {
  const lines = [
    `${KUBE_IPVS0_IFINDEX}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default`,
  ];
  for (const ip of r.vips)
    lines.push(
      `    inet ${formatIpv4(ip)}/32 scope global kube-ipvs0`,
      '       valid_lft forever preferred_lft forever',
    );
  return lines.join('\n') + '\n';
}

/**
 * The first packet of a connection on a node in IPVS mode: nat PREROUTING/OUTPUT (marks for
 * masquerade), filter INPUT (KUBE-IPVS-FILTER refuses host ports on VIPs), then IPVS at LOCAL_IN
 * (rr choice from the seeded generator, persistence per client; a virtual server without real
 * servers answers ICMP port unreachable, ip_vs_leave), then nat POSTROUTING (hairpin and marked
 * masquerade). Every netfilter rule is the one `iptables-save` prints on the node.
 */
export function translateIpvs(r: IpvsRules, pkt: ProxyPacket, ctx: ProxyContext): Translation {
  // Every VIP is local: this mode bound it to kube-ipvs0 (dummy.ts).
  const local: ProxyContext = {
    ...ctx,
    isLocal: (ip) =>
      ctx.isLocal(ip) || r.inSet('KUBE-IPVS-IPS', { src: ip, dst: ip, protocol: '', dstPort: 0 }),
  };
  const t = translateIptables(r.netfilter, pkt, local, (p) => {
    const v = r.lookup(p.protocol, p.dst, p.dstPort);
    if (!v) return null;
    const matched: MatchedRule[] = [{ table: 'ipvs', rule: serviceLine(v) }];
    if (v.reals.length === 0) return { action: 'reject', matched };
    const persistKey = `${v.protocol}|${v.vip}|${v.port}`;
    const remembered = v.persistent ? ctx.affinity?.get(persistKey)?.get(p.src) : undefined;
    const forced = ctx.forceEndpoint;
    const real =
      (forced && v.reals.find((x) => x.ip === forced.ip && x.port === forced.port)) ||
      (remembered && v.reals.find((x) => `${formatIpv4(x.ip)}:${x.port}` === remembered)) ||
      v.reals[Math.min(v.reals.length - 1, Math.floor(ctx.rng() * v.reals.length))]!;
    if (v.persistent && ctx.affinity) {
      let m = ctx.affinity.get(persistKey);
      if (!m) ctx.affinity.set(persistKey, (m = new Map()));
      m.set(p.src, `${formatIpv4(real.ip)}:${real.port}`);
    }
    matched.push({ table: 'ipvs', rule: realLine(real).trimEnd() });
    return { action: 'dnat', endpoint: { ip: real.ip, port: real.port }, matched };
  });
  // Everything this mode decides (its iptables rules included) is reported as the IPVS stage.
  return t.action === 'none' ? t : { ...t, stage: 'ipvs' };
}

/** References of a set: the iptables rules that match on it (`ipset list` `References:`). */
function setReferences(r: IpvsRules, name: string): number {
  let n = 0;
  for (const t of [r.netfilter.nat, r.netfilter.filter])
    for (const rules of t.local.values())
      for (const x of rules) if (x.parts.some((p) => p.t === 'set' && p.name === name)) n++;
  return n;
}

export const ipvsMode: ProxyModule<IpvsRules> = {
  mode: 'ipvs',
  renders: ['ipvsadm', 'ipset', 'kube-ipvs0', 'iptables-save'] as const,
  program: (state, _cluster, nodeIndex, host) => programIpvs(state, nodeIndex, host),
  translate: translateIpvs,
  buildNode: kubeIpvs0,
  render: (r, what) =>
    what === 'ipset'
      ? renderIpsetList(
          (name) => r.ipsets.get(name) ?? [],
          (name) => setReferences(r, name),
        )
      : what === 'kube-ipvs0'
        ? renderKubeIpvs0(r)
        : what === 'iptables-save'
          ? renderSave(r.netfilter)
          : renderIpvsadm(r),
};
