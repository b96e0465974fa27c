import { cidrContains } from '../../net/cidr';
import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import type { Protocol } from '../../model/k8s';
import { categorize, externalPolicyLocal } from '../categorize';
import type { MatchedRule, ProxyContext, ProxyModule, ProxyPacket, Translation } from '../proxy/types';
import type { ServiceState } from '../types';

/**
 * kube-proxy `--proxy-mode=ipvs` (K8S pkg/proxy/ipvs/proxier.go, README, ipset/ipset.go; facts §3):
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
  virtual: Map<string, VirtualServer>;
  ipsets: Map<string, { type: string; entries: string[] }>;
}

const vkey = (proto: string, ip: number, port: number) => `${proto}|${ip}|${port}`;

/** Builds node `nodeIndex`'s IPVS table, kube-ipvs0 addresses and ipsets. */
export function programIpvs(state: ServiceState, nodeIndex: number): IpvsRules {
  const nodeName = state.nodeNames[nodeIndex] ?? null;
  const nodeIp = state.nodeIps[nodeIndex];
  const virtual = new Map<string, VirtualServer>();
  const vips = new Set<number>();
  const sets = new Map<string, { type: string; entries: string[] }>();
  const set = (name: string, type: string, entry: string) => {
    let s = sets.get(name);
    if (!s) sets.set(name, (s = { type, entries: [] }));
    if (!s.entries.includes(entry)) s.entries.push(entry);
  };
  for (const name of ['KUBE-CLUSTER-IP', 'KUBE-LOOP-BACK', 'KUBE-NODE-PORT-TCP', 'KUBE-NODE-PORT-UDP'])
    sets.set(name, {
      type:
        name === 'KUBE-CLUSTER-IP'
          ? 'hash:ip,port'
          : name === 'KUBE-LOOP-BACK'
            ? 'hash:ip,port,ip'
            : 'bitmap:port',
      entries: [],
    });
  for (const sp of state.ports) {
    const proto = sp.protocol.toLowerCase();
    const cat = categorize(sp, nodeName);
    const toReal = (e: RealServer) => ({ ip: e.ip, port: e.port });
    const clusterReals = (
      sp.internalTrafficPolicy === 'Local' ? cat.localEndpoints : cat.clusterEndpoints
    ).map(toReal);
    const extReals = (externalPolicyLocal(sp) ? cat.localEndpoints : cat.clusterEndpoints).map(toReal);
    const persistent = sp.sessionAffinity === 'ClientIP' ? sp.affinityTimeoutSeconds : 0;
    const add = (ip: Ipv4, port: number, kind: VirtualServer['kind'], reals: RealServer[], bind: boolean) => {
      virtual.set(vkey(sp.protocol, ip, port), {
        protocol: sp.protocol,
        vip: ip,
        port,
        persistent,
        reals,
        service: sp.name,
        kind,
        localPolicy: kind !== 'cluster' && externalPolicyLocal(sp),
      });
      if (bind) vips.add(ip);
    };
    add(sp.clusterIP!, sp.port, 'cluster', clusterReals, true);
    set('KUBE-CLUSTER-IP', 'hash:ip,port', `${formatIpv4(sp.clusterIP!)},${proto}:${sp.port}`);
    for (const ip of sp.externalIPs) {
      add(ip, sp.port, 'external', extReals, true);
      set('KUBE-EXTERNAL-IP', 'hash:ip,port', `${formatIpv4(ip)},${proto}:${sp.port}`);
    }
    for (const ip of sp.loadBalancerIPs) {
      add(ip, sp.port, 'loadbalancer', extReals, true);
      set('KUBE-LOAD-BALANCER', 'hash:ip,port', `${formatIpv4(ip)},${proto}:${sp.port}`);
    }
    if (sp.nodePort && nodeIp !== undefined) {
      add(nodeIp, sp.nodePort, 'nodeport', extReals, false);
      set(`KUBE-NODE-PORT-${sp.protocol}`, 'bitmap:port', String(sp.nodePort));
    }
    for (const e of cat.reachable)
      if (e.nodeName === nodeName)
        set(
          'KUBE-LOOP-BACK',
          'hash:ip,port,ip',
          `${formatIpv4(e.ip)},${proto}:${e.port},${formatIpv4(e.ip)}`,
        );
  }
  return {
    mode: 'ipvs',
    nodeIndex,
    clusterCidr: state.clusterCidr,
    vips: [...vips].sort((a, b) => a - b) as Ipv4[],
    virtual,
    ipsets: sets,
  };
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
  const v = r.virtual.get(vkey(pkt.protocol, pkt.dst, pkt.dstPort));
  const none: Translation = {
    action: 'none',
    masquerade: false,
    matched: [],
    postrouting: [],
    evaluated: 1,
    stage: null,
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
