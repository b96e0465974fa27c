import { cidrContains } from '../../net/cidr';
import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import type { Protocol } from '../../model/k8s';
import { categorize, externalPolicyLocal, nodeDependent } from '../categorize';
import type { MatchedRule, ProxyContext, ProxyModule, ProxyPacket, Translation } from '../proxy/types';
import type { EndpointState, ServicePortState, ServiceState } from '../types';

/**
 * kube-proxy `--proxy-mode=ipvs` (K8S pkg/proxy/ipvs/proxier.go, README, ipset/ipset.go):
 * every ClusterIP / externalIP / LB IP is bound to the dummy device `kube-ipvs0`, an IPVS virtual
 * server (scheduler rr, NAT "Masq" forwarding, weight 1; `persistent` for ClientIP affinity) exists
 * per VIP:port and per node IP:NodePort, and iptables only masquerades, driven by ipsets.
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
  /** The virtual server for `proto VIP:port` on this node, if any. */
  lookup(protocol: Protocol, ip: Ipv4, port: number): VirtualServer | undefined;
  /** Every virtual server of the node (built on access). */
  readonly virtual: Map<string, VirtualServer>;
  /** kube-proxy's ipsets (built on access). */
  readonly ipsets: Map<string, { type: string; entries: string[] }>;
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
}

const sharedCache = new WeakMap<ServiceState, SharedIpvs>();

function sharedIpvs(state: ServiceState): SharedIpvs {
  let s = sharedCache.get(state);
  if (s) return s;
  const virtual = new Map<string, VirtualServer>();
  const nodePorts = new Map<string, VirtualServer>();
  const vips = new Set<number>();
  const ports = state.ports.map((sp) => {
    // Every VIP is bound to kube-ipvs0 whatever the policies (kubernetes pkg/proxy/ipvs/proxier.go).
    vips.add(sp.clusterIP!);
    for (const ip of [...sp.externalIPs, ...sp.loadBalancerIPs]) vips.add(ip);
    if (nodeDependent(sp)) return null;
    const p = compilePort(sp, null);
    for (const v of p.servers) virtual.set(vkey(v.protocol, v.vip, v.port), v);
    if (p.nodePort) nodePorts.set(vkey(p.nodePort.protocol, 0, p.nodePort.port), p.nodePort);
    return p;
  });
  s = { ports, virtual, nodePorts, vips: [...vips].sort((a, b) => a - b) as Ipv4[] };
  sharedCache.set(state, s);
  return s;
}

const loopEntry = (sp: ServicePortState, e: EndpointState) => {
  const a = formatIpv4(e.ip);
  return `${a},${sp.protocol.toLowerCase()}:${e.port},${a}`;
};

/** Builds node `nodeIndex`'s IPVS table, kube-ipvs0 addresses and ipsets (sharing what no Local policy changes). */
export function programIpvs(state: ServiceState, nodeIndex: number): IpvsRules {
  const s = sharedIpvs(state);
  const nodeName = state.nodeNames[nodeIndex] ?? null;
  const nodeIp = state.nodeIps[nodeIndex];
  // This node's own servers: Local-policy ports. NodePort servers (address = this node's IP) are
  // made from the port's template on first lookup, so programming a node stays O(Local ports).
  const own = new Map<string, VirtualServer>();
  const nodePorts = new Map<string, VirtualServer>();
  const localPorts = new Map<number, IpvsPort>();
  state.ports.forEach((sp, i) => {
    if (s.ports[i]) return;
    const p = compilePort(sp, nodeName);
    localPorts.set(i, p);
    for (const v of p.servers) own.set(vkey(v.protocol, v.vip, v.port), v);
    if (p.nodePort && nodeIp !== undefined)
      own.set(vkey(sp.protocol, nodeIp, sp.nodePort), { ...p.nodePort, vip: nodeIp });
  });
  const nodePort = (protocol: Protocol, port: number): VirtualServer | undefined => {
    const k = vkey(protocol, nodeIp!, port);
    let v = nodePorts.get(k);
    if (!v) {
      const t = s.nodePorts.get(vkey(protocol, 0, port));
      if (!t) return undefined;
      nodePorts.set(k, (v = { ...t, vip: nodeIp! }));
    }
    return v;
  };
  const ipsets = () => {
    const sets = new Map<string, { type: string; entries: Set<string> }>();
    const set = (name: string, type: string, entry?: string) => {
      let x = sets.get(name);
      if (!x) sets.set(name, (x = { type, entries: new Set() }));
      if (entry !== undefined) x.entries.add(entry);
    };
    set('KUBE-CLUSTER-IP', 'hash:ip,port');
    set('KUBE-LOOP-BACK', 'hash:ip,port,ip');
    set('KUBE-NODE-PORT-TCP', 'bitmap:port');
    set('KUBE-NODE-PORT-UDP', 'bitmap:port');
    for (const [i, shared] of s.ports.entries()) {
      const p = shared ?? localPorts.get(i)!;
      const sp = p.sp;
      const proto = sp.protocol.toLowerCase();
      set('KUBE-CLUSTER-IP', 'hash:ip,port', `${formatIpv4(sp.clusterIP!)},${proto}:${sp.port}`);
      for (const ip of sp.externalIPs)
        set('KUBE-EXTERNAL-IP', 'hash:ip,port', `${formatIpv4(ip)},${proto}:${sp.port}`);
      for (const ip of sp.loadBalancerIPs)
        set('KUBE-LOAD-BALANCER', 'hash:ip,port', `${formatIpv4(ip)},${proto}:${sp.port}`);
      if (sp.nodePort && nodeIp !== undefined)
        set(`KUBE-NODE-PORT-${sp.protocol}`, 'bitmap:port', String(sp.nodePort));
      for (const e of p.reachable)
        if (e.nodeName === nodeName) set('KUBE-LOOP-BACK', 'hash:ip,port,ip', loopEntry(sp, e));
    }
    return new Map([...sets].map(([n, x]) => [n, { type: x.type, entries: [...x.entries] }]));
  };
  return {
    mode: 'ipvs',
    nodeIndex,
    clusterCidr: state.clusterCidr,
    vips: s.vips,
    lookup: (protocol, ip, port) => {
      const k = vkey(protocol, ip, port);
      return own.get(k) ?? s.virtual.get(k) ?? (ip === nodeIp ? nodePort(protocol, port) : undefined);
    },
    get virtual() {
      const all = new Map(s.virtual);
      if (nodeIp !== undefined)
        for (const t of s.nodePorts.values())
          all.set(vkey(t.protocol, nodeIp, t.port), nodePort(t.protocol, t.port)!);
      for (const [k, v] of own) all.set(k, v);
      return all;
    },
    get ipsets() {
      return ipsets();
    },
  };
}

/**
 * The iptables rules IPVS mode keeps next to IPVS, as upstream writes them (K8S
 * pkg/proxy/ipvs/proxier.go `writeIptablesRules`): a constant set whatever the number of Services,
 * because ipsets carry the addresses. Only the rules whose text §3 verifies; kube-proxy adds a few
 * more (KUBE-IPVS-FILTER, externalIPs / LB source ranges / health checks) that are not modelled here.
 */
export function ipvsIptablesRules(clusterCidr: ServiceState['clusterCidr']): string[] {
  const cc = `${formatIpv4(clusterCidr.base)}/${clusterCidr.prefix}`;
  return [
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    `-A KUBE-SERVICES ! -s ${cc} -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ`,
    '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
    '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
    '-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000',
    '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
    '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000',
    '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE',
  ];
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

/** `ipset list` for kube-proxy's sets. */
export function renderIpset(r: IpvsRules): string {
  const out: string[] = [];
  for (const [name, s] of [...r.ipsets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(
      `Name: ${name}`,
      `Type: ${s.type}`,
      'Revision: 6',
      'Header: family inet hashsize 1024 maxelem 65536',
      `Number of entries: ${s.entries.length}`,
      'Members:',
      ...s.entries,
      '',
    );
  }
  return out.join('\n');
}

/** `ip -4 addr show kube-ipvs0` (the device is never brought up). */
export function renderKubeIpvs0(r: IpvsRules): string {
  const lines = ['5: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default'];
  for (const ip of r.vips)
    lines.push(
      `    inet ${formatIpv4(ip)}/32 scope global kube-ipvs0`,
      '       valid_lft forever preferred_lft forever',
    );
  return lines.join('\n') + '\n';
}

/** IPVS lookup of VIP:port in INPUT, rr choice from the seeded generator, persistence per client. */
export function translateIpvs(r: IpvsRules, pkt: ProxyPacket, ctx: ProxyContext): Translation {
  const v = r.lookup(pkt.protocol, pkt.dst, pkt.dstPort);
  const none: Translation = {
    action: 'none',
    masquerade: false,
    matched: [],
    postrouting: [],
    evaluated: 1,
    stage: null,
  };
  // A VIP this node owns (bound to kube-ipvs0) on a port with no virtual server: the packet is
  // local, IPVS does not take it, and nothing listens there (reported as a reject by the caller).
  if (!v && r.vips.includes(pkt.dst))
    return {
      ...none,
      action: 'reject',
      matched: [{ table: 'ip addr', rule: `inet ${formatIpv4(pkt.dst)}/32 scope global kube-ipvs0` }],
      stage: 'ipvs',
    };
  if (!v) return none;
  const matched: MatchedRule[] = [{ table: 'ipvs', rule: serviceLine(v) }];
  // No real server: the VIP is local (kube-ipvs0) and nothing listens → the kernel answers with a reset.
  if (v.reals.length === 0) return { ...none, action: 'reject', matched, stage: 'ipvs' };
  const persistKey = `${v.protocol}|${v.vip}|${v.port}`;
  const remembered = v.persistent ? ctx.affinity?.get(persistKey)?.get(pkt.src) : undefined;
  const forced = ctx.forceEndpoint;
  let real =
    (forced && v.reals.find((x) => x.ip === forced.ip && x.port === forced.port)) ||
    (remembered && v.reals.find((x) => `${formatIpv4(x.ip)}:${x.port}` === remembered)) ||
    v.reals[Math.min(v.reals.length - 1, Math.floor(ctx.rng() * v.reals.length))]!;
  if (v.persistent && ctx.affinity) {
    let m = ctx.affinity.get(persistKey);
    if (!m) ctx.affinity.set(persistKey, (m = new Map()));
    m.set(pkt.src, `${formatIpv4(real.ip)}:${real.port}`);
  }
  real = { ...real };
  matched.push({ table: 'ipvs', rule: realLine(real).trimEnd() });
  const hairpin = pkt.src === real.ip;
  const offCluster = !cidrContains(r.clusterCidr, pkt.src);
  let masquerade = false;
  if (v.kind === 'cluster' && offCluster) {
    masquerade = true;
    matched.push({
      table: 'nat',
      rule:
        '-A KUBE-SERVICES ! -s ' +
        `${formatIpv4(r.clusterCidr.base)}/${r.clusterCidr.prefix}` +
        ' -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
    });
  } else if (v.kind !== 'cluster' && (!v.localPolicy || ctx.isLocal(pkt.src))) {
    masquerade = true;
  }
  if (hairpin) {
    masquerade = true;
    matched.push({
      table: 'nat',
      rule: '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
    });
  }
  return {
    action: 'dnat',
    endpoint: { ip: real.ip, port: real.port },
    masquerade,
    matched,
    postrouting: [],
    evaluated: 1,
    stage: 'ipvs',
  };
}

export const ipvsMode: ProxyModule<IpvsRules> = {
  mode: 'ipvs',
  renders: ['ipvsadm', 'ipset', 'kube-ipvs0'] as const,
  program: (state, _cluster, nodeIndex) => programIpvs(state, nodeIndex),
  translate: translateIpvs,
  render: (r, what) =>
    what === 'ipset' ? renderIpset(r) : what === 'kube-ipvs0' ? renderKubeIpvs0(r) : renderIpvsadm(r),
};
