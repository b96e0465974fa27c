import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import type { Protocol } from '../../model/k8s';
import { categorize, externalPolicyLocal, nodeDependent } from '../categorize';
import type { MatchedRule, ProxyContext, ProxyModule, ProxyPacket, Translation } from '../proxy/types';
import type { EndpointState, ServicePortState, ServiceState } from '../types';
import { perState } from '../per-state';

/**
 * A Cilium-like kube-proxy replacement (cilium/cilium pkg/maps/lbmap, bpf/bpf_sock.c): services
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
  /** `cilium_lb4_services_v2` lookup of a frontend on this node. */
  lookup(protocol: Protocol, ip: Ipv4, port: number): LbFrontend | undefined;
  /** Every frontend of the node (built on access). */
  readonly frontends: Map<string, LbFrontend>;
  backends: Map<number, Backend>;
  /** This node's name (a backend whose `nodeName` is this one is local). */
  nodeName: string | null;
}

/** `cilium_lb4_backends_v3` value, with the node the endpoint runs on (Cilium keeps it in the backend's cluster/zone info). */
export interface Backend {
  ip: Ipv4;
  port: number;
  protocol: Protocol;
  nodeName: string | null;
}

const fkey = (proto: string, ip: number, port: number) => `${proto}|${ip}|${port}`;
const PROTO_BITS: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };
/** Backend address key (ip, port, protocol) as one exact number (< 2^50). */
const bkey = (sp: ServicePortState, e: EndpointState) =>
  (e.ip * 65536 + e.port) * 4 + PROTO_BITS[sp.protocol];

/** Node-independent LB maps, built once per ServiceState. */
interface SharedEbpf {
  frontends: Map<string, LbFrontend>;
  backends: Map<number, Backend>;
  backendId: Map<number, number>;
  /** NodePort frontends of node-independent ports by `proto|port`, address left to fill per node. */
  nodePorts: Map<string, LbFrontend>;
  /** First rev-NAT id of each port (cluster, externalIPs, LB IPs, NodePort follow in that order). */
  revNatBase: number[];
}

function frontendsOf(
  sp: ServicePortState,
  nodeName: string | null,
  nodeIp: Ipv4 | undefined,
  revNatBase: number,
  ids: (sp: ServicePortState, eps: EndpointState[]) => number[],
): LbFrontend[] {
  const cat = categorize(sp, nodeName);
  const internal = ids(sp, sp.internalTrafficPolicy === 'Local' ? cat.localEndpoints : cat.clusterEndpoints);
  const hasExternal = sp.externalIPs.length > 0 || sp.loadBalancerIPs.length > 0 || sp.nodePort !== 0;
  const external = hasExternal
    ? ids(sp, externalPolicyLocal(sp) ? cat.localEndpoints : cat.clusterEndpoints)
    : [];
  const out: LbFrontend[] = [];
  let revNat = revNatBase;
  const add = (ip: Ipv4, port: number, kind: LbFrontend['kind'], b: number[]) =>
    out.push({
      ip,
      port,
      protocol: sp.protocol,
      kind,
      revNatId: revNat++,
      backendIds: b,
      localPolicy: kind !== 'ClusterIP' && externalPolicyLocal(sp),
      service: sp.name,
    });
  add(sp.clusterIP!, sp.port, 'ClusterIP', internal);
  for (const ip of sp.externalIPs) add(ip, sp.port, 'ExternalIP', external);
  for (const ip of sp.loadBalancerIPs) add(ip, sp.port, 'LoadBalancer', external);
  if (sp.nodePort && nodeIp !== undefined) add(nodeIp, sp.nodePort, 'NodePort', external);
  return out;
}

const sharedEbpf = perState((state): SharedEbpf => {
  const backends = new Map<number, Backend>();
  const backendId = new Map<number, number>();
  // Backend ids are per backend address (shared by every service using it), allocated in port order.
  const ids = (sp: ServicePortState, eps: EndpointState[]) =>
    eps.map((e) => {
      const k = bkey(sp, e);
      let id = backendId.get(k);
      if (id === undefined) {
        id = backendId.size + 1;
        backendId.set(k, id);
        backends.set(id, { ip: e.ip, port: e.port, protocol: sp.protocol, nodeName: e.nodeName });
      }
      return id;
    });
  const frontends = new Map<string, LbFrontend>();
  const nodePorts = new Map<string, LbFrontend>();
  const revNatBase: number[] = [];
  let revNat = 1;
  for (const sp of state.ports) {
    revNatBase.push(revNat);
    revNat += 1 + sp.externalIPs.length + sp.loadBalancerIPs.length + (sp.nodePort ? 1 : 0);
    if (nodeDependent(sp)) {
      // Every endpoint some node may select (categorize's ready / serving-terminating fallback).
      ids(
        sp,
        sp.endpoints.filter((e) => e.ready || (e.serving && e.terminating)),
      );
      continue;
    }
    for (const f of frontendsOf(sp, null, 0 as Ipv4, revNatBase.at(-1)!, ids))
      if (f.kind === 'NodePort') nodePorts.set(`${f.protocol}|${f.port}`, f);
      else frontends.set(fkey(f.protocol, f.ip, f.port), f);
  }
  return { frontends, backends, backendId, nodePorts, revNatBase };
});

/** Fills the LB maps for node `nodeIndex`: shared frontends plus this node's NodePorts and Local-policy ports. */
export function programEbpf(state: ServiceState, nodeIndex: number): EbpfRules {
  const s = sharedEbpf(state);
  const nodeName = state.nodeNames[nodeIndex] ?? null;
  const nodeIp = state.nodeIps[nodeIndex];
  const own = new Map<string, LbFrontend>();
  const ids = (sp: ServicePortState, eps: EndpointState[]) => eps.map((e) => s.backendId.get(bkey(sp, e))!);
  // NodePort frontends (this node's IP) are made from the shared template on first lookup.
  const nodePorts = new Map<string, LbFrontend>();
  const nodePort = (protocol: Protocol, port: number): LbFrontend | undefined => {
    const k = `${protocol}|${port}`;
    let f = nodePorts.get(k);
    if (!f) {
      const t = s.nodePorts.get(k);
      if (!t || nodeIp === undefined) return undefined;
      nodePorts.set(k, (f = { ...t, ip: nodeIp }));
    }
    return f;
  };
  state.ports.forEach((sp, i) => {
    if (!nodeDependent(sp)) return;
    for (const f of frontendsOf(sp, nodeName, nodeIp, s.revNatBase[i]!, ids))
      own.set(fkey(f.protocol, f.ip, f.port), f);
  });
  return {
    mode: 'ebpf',
    nodeIndex,
    lookup: (protocol, ip, port) => {
      const k = fkey(protocol, ip, port);
      return own.get(k) ?? s.frontends.get(k) ?? (ip === nodeIp ? nodePort(protocol, port) : undefined);
    },
    get frontends() {
      const all = new Map(s.frontends);
      for (const t of s.nodePorts.values()) {
        const f = nodePort(t.protocol, t.port);
        if (f) all.set(fkey(f.protocol, f.ip, f.port), f);
      }
      for (const [k, f] of own) all.set(k, f);
      return all;
    },
    backends: s.backends,
    nodeName,
  };
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
  const f = r.lookup(pkt.protocol, pkt.dst, pkt.dstPort);
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
  // NodePort/LB/externalIP from outside (cilium/cilium bpf/lib/nodeport.h `nodeport_lb4`): a backend
  // on this node gets the packet with the client's address kept (no SNAT, whatever the policy); a
  // backend on another node is forwarded with SNAT to this node (`nodeport_snat_fwd_ipv4`, SNAT
  // mode, the default), which Local policy never needs since it only lists local backends.
  // There is no iptables masquerade anywhere on this path.
  const remote = b.nodeName !== null ? b.nodeName !== r.nodeName : !ctx.isLocal(b.ip);
  const masquerade = stage === 'bpf-tc' && f.kind !== 'ClusterIP' && !f.localPolicy && remote;
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
  // cilium-agent attaches bpf_sock's programs to the cgroup-v2 root (cilium/cilium bpf/bpf_sock.c,
  // `__section("cgroup/connect4") cil_sock4_connect`; pkg/socketlb): every connect() on the node,
  // from host processes and Pods alike, is translated there. Its sendmsg/recvmsg siblings for
  // unconnected UDP are not modelled.
  buildNode: (b) => {
    b.cgroup.push({ hook: 'cgroup-connect4', program: 'cil_sock4_connect', object: 'bpf_sock.o' });
  },
  translate: translateEbpf,
  render: (r) => renderBpfLb(r),
};
