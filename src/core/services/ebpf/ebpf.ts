import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import type { Protocol } from '../../model/k8s';
import { categorize, externalPolicyLocal } from '../categorize';
import type { MatchedRule, ProxyContext, ProxyModule, ProxyPacket, Translation } from '../proxy/types';
import type { ServiceState } from '../types';

/**
 * A Cilium-like kube-proxy replacement (facts §5.5; CIL pkg/maps/lbmap, bpf/bpf_sock.c): services
 * live in `cilium_lb4_services_v2` (frontend VIP:port/proto + slot → backend id; slot 0 is the master
 * entry with the backend count and rev-NAT id), backends in `cilium_lb4_backends_v3`, reverse NAT in
 * `cilium_lb4_reverse_nat`. Pod and host sockets are translated at connect() (no DNAT on the wire);
 * packets arriving at the NIC for a NodePort/LB address are translated by the tc/XDP program there.
 */

export interface LbFrontend {
  ip: Ipv4;
  port: number;
  protocol: Protocol;
  kind: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalIP';
  revNatId: number;
  backendIds: number[];
  localPolicy: boolean;
  service: string;
}

export interface EbpfRules {
  mode: 'ebpf';
  nodeIndex: number;
  frontends: Map<string, LbFrontend>;
  backends: Map<number, { ip: Ipv4; port: number; protocol: Protocol }>;
}

const fkey = (proto: string, ip: number, port: number) => `${proto}|${ip}|${port}`;

/** Fills the LB maps for node `nodeIndex` (backend ids are cluster-wide, in port order). */
export function programEbpf(state: ServiceState, nodeIndex: number): EbpfRules {
  const nodeName = state.nodeNames[nodeIndex] ?? null;
  const nodeIp = state.nodeIps[nodeIndex];
  const frontends = new Map<string, LbFrontend>();
  const backends = new Map<number, { ip: Ipv4; port: number; protocol: Protocol }>();
  const backendId = new Map<string, number>();
  let revNat = 0;
  for (const sp of state.ports) {
    const cat = categorize(sp, nodeName);
    const ids = (eps: typeof cat.clusterEndpoints) =>
      eps.map((e) => {
        const k = `${e.ip}:${e.port}/${sp.protocol}`;
        let id = backendId.get(k);
        if (id === undefined) {
          id = backendId.size + 1;
          backendId.set(k, id);
          backends.set(id, { ip: e.ip, port: e.port, protocol: sp.protocol });
        }
        return id;
      });
    const internal = ids(sp.internalTrafficPolicy === 'Local' ? cat.localEndpoints : cat.clusterEndpoints);
    const external = ids(externalPolicyLocal(sp) ? cat.localEndpoints : cat.clusterEndpoints);
    const add = (ip: Ipv4, port: number, kind: LbFrontend['kind'], b: number[]) =>
      frontends.set(fkey(sp.protocol, ip, port), {
        ip,
        port,
        protocol: sp.protocol,
        kind,
        revNatId: ++revNat,
        backendIds: b,
        localPolicy: kind !== 'ClusterIP' && externalPolicyLocal(sp),
        service: sp.name,
      });
    add(sp.clusterIP!, sp.port, 'ClusterIP', internal);
    for (const ip of sp.externalIPs) add(ip, sp.port, 'ExternalIP', external);
    for (const ip of sp.loadBalancerIPs) add(ip, sp.port, 'LoadBalancer', external);
    if (sp.nodePort && nodeIp !== undefined) add(nodeIp, sp.nodePort, 'NodePort', external);
  }
  return { mode: 'ebpf', nodeIndex, frontends, backends };
}

const addr = (ip: Ipv4, port: number, proto: Protocol) => `${formatIpv4(ip)}:${port}/${proto}`;

/** `cilium bpf lb list` (column layout recalled from Cilium's CLI). */
export function renderBpfLb(r: EbpfRules): string {
  const rows: [string, string][] = [];
  const sorted = [...r.frontends.values()].sort(
    (a, b) => a.ip - b.ip || a.port - b.port || a.protocol.localeCompare(b.protocol),
  );
  for (const f of sorted) {
    const fe = addr(f.ip, f.port, f.protocol);
    const flags =
      f.kind === 'ClusterIP'
        ? '[ClusterIP, non-routable]'
        : f.localPolicy
          ? `[${f.kind}, Local]`
          : `[${f.kind}]`;
    rows.push([fe, `0.0.0.0:0 (${f.revNatId}) (0) ${flags}`]);
    f.backendIds.forEach((id, slot) => {
      const b = r.backends.get(id)!;
      rows.push(['', `${addr(b.ip, b.port, b.protocol)} (${f.revNatId}) (${slot + 1})`]);
    });
  }
  const w = Math.max(20, ...rows.map(([a]) => a.length + 2));
  return (
    [
      'SERVICE ADDRESS'.padEnd(w) + 'BACKEND ADDRESS (REVNAT_ID) (SLOT)',
      ...rows.map(([a, b]) => a.padEnd(w) + b),
    ].join('\n') + '\n'
  );
}

/** Service translation at connect() (Pod/host sockets) or in the NIC's tc program (NodePort/LB from outside). */
export function translateEbpf(r: EbpfRules, pkt: ProxyPacket, ctx: ProxyContext): Translation {
  const f = r.frontends.get(fkey(pkt.protocol, pkt.dst, pkt.dstPort));
  const stage = ctx.hook === 'PREROUTING' ? 'bpf-tc' : 'bpf-sock';
  const base: Translation = {
    action: 'none',
    masquerade: false,
    matched: [],
    postrouting: [],
    evaluated: 1,
    stage: null,
  };
  if (!f) return base;
  const matched: MatchedRule[] = [
    {
      table: 'cilium_lb4_services_v2',
      rule: `${addr(f.ip, f.port, f.protocol)} (slot 0) → count=${f.backendIds.length} rev_nat_id=${f.revNatId}`,
    },
  ];
  if (f.backendIds.length === 0)
    return { ...base, action: f.localPolicy ? 'drop' : 'reject', matched, stage };
  const forced = ctx.forceEndpoint;
  let slot = f.backendIds.findIndex((id) => {
    const b = r.backends.get(id)!;
    return forced !== undefined && b.ip === forced.ip && b.port === forced.port;
  });
  if (slot < 0) slot = Math.min(f.backendIds.length - 1, Math.floor(ctx.rng() * f.backendIds.length));
  const id = f.backendIds[slot]!;
  const b = r.backends.get(id)!;
  matched.push({
    table: 'cilium_lb4_services_v2',
    rule: `${addr(f.ip, f.port, f.protocol)} (slot ${slot + 1}) → backend_id=${id}`,
  });
  matched.push({ table: 'cilium_lb4_backends_v3', rule: `${id} → ${addr(b.ip, b.port, b.protocol)}` });
  matched.push({
    table: 'cilium_lb4_reverse_nat',
    rule: `${f.revNatId} → ${addr(f.ip, f.port, f.protocol)}`,
  });
  // From outside, Cilium SNATs to the node for remote backends unless the policy is Local.
  const masquerade = stage === 'bpf-tc' && f.kind !== 'ClusterIP' && !f.localPolicy && !ctx.isLocal(b.ip);
  return {
    action: 'dnat',
    endpoint: { ip: b.ip, port: b.port },
    masquerade,
    matched,
    postrouting: [],
    evaluated: 1 + 3,
    stage,
  };
}

export const ebpfMode: ProxyModule<EbpfRules> = {
  mode: 'ebpf',
  renders: ['bpf-lb'] as const,
  program: (state, _cluster, nodeIndex) => programEbpf(state, nodeIndex),
  translate: translateEbpf,
  render: (r) => renderBpfLb(r),
};
