import { formatIpv4, type Ipv4 } from '../net/ipv4';
import type { Netns } from '../linux/types';
import { cidrContains } from '../net/cidr';
import { nodeRules, proxyModule } from '../services/proxy/registry';
import type { MatchedRule, ProxyHook } from '../services/proxy/types';
import { headersOf, type PacketState } from './state';
import type { ServicePortState } from '../services/types';
import { addressedPort } from '../services/lookup';
import { isLocalAddress, type Walker } from './walker';

/**
 * Where kube-proxy's rules meet the packet: nat PREROUTING for packets entering a node (from a
 * Pod's veth or the NIC), nat OUTPUT for the node's own processes, and the eBPF socket hook at
 * connect() for Pods when the eBPF replacement is on. The proxy module interprets its own rules
 * (iptables chains, nftables maps, IPVS, eBPF maps) and reports what matched.
 */

/**
 * Could any Service rule match this destination? Only VIPs (ClusterIPs in the Service CIDR,
 * external and load-balancer IPs) and the node's own addresses (NodePorts) are ever matched by
 * KUBE-SERVICES/`services`/IPVS/the LB map, so other destinations skip the walk with the same result.
 */
function mayBeService(w: Walker, ns: Netns, dst: Ipv4): boolean {
  const s = w.env.services!;
  return cidrContains(s.serviceCidr, dst) || w.externalVips.has(dst) || isLocalAddress(ns, dst);
}

/**
 * The node's own addresses as its netns lists them (IPVS opens NodePorts on each), without the
 * kube-ipvs0 VIPs shared by every node: listing those would give each visited node its own copy.
 */
export const nodeHost = (w: Walker, nodeIndex: number) => ({
  addresses: () => w.world.nodeNetns(nodeIndex).ownAddresses,
});

/**
 * The Service port a destination addresses: its ClusterIP, an external or load-balancer IP, or a
 * NodePort on this node's own addresses (how kube-proxy's KUBE-SERVICES / KUBE-NODEPORTS match).
 */
export function servicePortOf(
  w: Walker,
  ns: Netns,
  st: PacketState,
  /** Also match NodePorts on the node's addresses from a Pod's netns (the eBPF socket hook). */
  hostAddresses = true,
): ServicePortState | undefined {
  const f = st.frame;
  const services = w.env.services;
  if (!services) return undefined;
  const host = hostAddresses ? w.world.nodeNetns(ns.nodeIndex) : ns;
  return addressedPort(
    services,
    f.protocol,
    f.dst,
    f.dstPort,
    (ip) => isLocalAddress(ns, ip) || isLocalAddress(host, ip),
  );
}

/** Runs the proxy hook; returns false when the packet was dropped or rejected there. */
export function serviceHook(w: Walker, ns: Netns, st: PacketState, hook: ProxyHook): boolean {
  const env = w.env;
  if (!env.services || st.outer || w.translated.has(ns.nodeIndex)) return true;
  const f = st.frame;
  if (!mayBeService(w, ns, f.dst)) return true;
  const rules = nodeRules(env.proxy, env.services, w.world.cluster, ns.nodeIndex, nodeHost(w, ns.nodeIndex));
  const t = proxyModule(env.proxy).translate(
    rules,
    { src: f.src, dst: f.dst, protocol: f.protocol, srcPort: f.srcPort, dstPort: f.dstPort },
    {
      hook,
      isLocal: (ip) => isLocalAddress(w.world.nodeNetns(ns.nodeIndex), ip),
      rng: env.rng,
      affinity: env.affinity,
      ...(env.forceEndpoint ? { forceEndpoint: env.forceEndpoint as { ip: Ipv4; port: number } } : {}),
    },
  );
  w.rulesEvaluated += t.evaluated;
  if (t.action === 'none') return true;
  // A translation is shown with the rules that translated it (nat, IPVS, the BPF service maps; the
  // filter jumps on its way are not); a reject/drop with the rules of the table that refused it
  // (a filter-table REJECT is labelled filter). The label names every table the shown rules live in.
  const decidedIn = t.matched.at(-1)?.table;
  const shown =
    t.action === 'dnat'
      ? t.matched.filter((m) => m.table !== 'filter')
      : t.matched.filter((m) => m.table === decidedIn);
  const rule = shown.map((m) => m.rule).join('\n') || null;
  const table = [...new Set(shown.map((m) => m.table))].join(' + ') || null;
  const vip = `${formatIpv4(f.dst)}:${f.dstPort}`;
  if (t.action === 'reject' || t.action === 'drop') {
    // Which Service port refused: with a Local traffic policy and no ready endpoint on this node the
    // reason is the policy (iptables/nftables DROP it; IPVS, whose virtual server has no real server
    // here, answers ICMP port unreachable), otherwise the Service has no endpoints at all.
    const sp = servicePortOf(w, ns, st, false);
    if (sp === undefined) {
      // No Service port matches this VIP:port at all, so the refusal is not about endpoints:
      // - nftables: `cluster-ips-check` rejects any other port of a ClusterIP ("Reject traffic to
      //   invalid ports of ClusterIPs") and drops addresses of the Service CIDR that no Service holds
      //   (kubernetes/kubernetes pkg/proxy/nftables/proxier.go, clusterIPsCheckChain);
      // - IPVS: the VIP is bound to kube-ipvs0, so the packet is for this node; no virtual server
      //   has the port, and kube-proxy's filter chain KUBE-IPVS-FILTER rejects NEW connections to
      //   kube-ipvs0 addresses that are no Service's IP:port, so host ports never answer on a VIP
      //   (pkg/proxy/ipvs/proxier.go `writeIptablesRules`, kubernetes#72236).
      const svcTable = shown[shown.length - 1]?.table ?? table;
      const ipvs = t.stage === 'ipvs';
      const key = ipvs
        ? 'hop.drop.vipNoVirtualServer'
        : t.action === 'reject'
          ? 'hop.drop.invalidServicePort'
          : 'hop.drop.unallocatedClusterIp';
      w.drop(
        t.action === 'reject' ? 'INVALID_SERVICE_PORT' : 'UNALLOCATED_CLUSTER_IP',
        ns.id,
        null,
        key,
        {
          netns: ns.id,
          vip,
          ip: formatIpv4(f.dst),
          port: f.dstPort,
          protocol: f.protocol,
          answer: 'ICMP port unreachable',
        },
        st,
        rule,
        svcTable,
      );
      return false;
    }
    const anyReady = sp?.endpoints.some((e) => e.ready) ?? false;
    const localOnly = t.action === 'drop' || (sp !== undefined && anyReady);
    w.drop(
      localOnly ? 'NO_LOCAL_ENDPOINTS' : 'NO_ENDPOINTS',
      ns.id,
      null,
      localOnly ? 'hop.drop.noLocalEndpoints' : 'hop.drop.noEndpoints',
      { netns: ns.id, vip },
      st,
      rule,
      table,
      sp ? { service: `${sp.namespace}/${sp.service}` } : {},
    );
    return false;
  }
  const ep = t.endpoint!;
  w.translated.add(ns.nodeIndex);
  const orig = { src: f.src, dst: f.dst, srcPort: f.srcPort, dstPort: f.dstPort };
  const before = headersOf(f);
  const sp = servicePortOf(w, ns, st);
  f.dst = ep.ip;
  f.dstPort = ep.port;
  const key =
    t.stage === 'bpf-sock'
      ? 'hop.dnat.sock'
      : t.stage === 'ipvs'
        ? 'hop.dnat.ipvs'
        : t.stage === 'bpf-tc'
          ? 'hop.dnat.bpf'
          : 'hop.dnat';
  w.emit(
    'dnat',
    ns.id,
    hook === 'connect' ? null : null,
    key,
    { netns: ns.id, vip, endpoint: `${formatIpv4(ep.ip)}:${ep.port}`, masq: t.masquerade ? 1 : 0 },
    rule,
    table,
    st,
    { before, ...(sp ? { service: `${sp.namespace}/${sp.service}` } : {}) },
  );
  // Socket-level load balancing rewrites the connect() address itself (replies are mapped back by
  // cilium_lb4_reverse_sk): no netfilter conntrack entry is created for it.
  if (t.stage !== 'bpf-sock')
    w.conntrack.push({
      netns: ns.id,
      nodeIndex: ns.nodeIndex,
      protocol: f.protocol,
      orig,
      replySrc: { ip: ep.ip, port: ep.port },
      snat: null,
    });
  if (t.masquerade)
    w.pendingMasq = {
      nodeIndex: ns.nodeIndex,
      rules: t.postrouting,
      bpf: t.stage === 'bpf-tc' || t.stage === 'bpf-sock',
    };
  return true;
}

/**
 * Source NAT on the way out of the node that translated the connection.
 * - netfilter (every kube-proxy mode): KUBE-POSTROUTING masquerades packets marked 0x4000 to the
 *   address the kernel picks on the egress device (its own global address, else the node IP).
 *   `MASQUERADE --random-fully` / nft `masquerade fully-random` (NF_NAT_RANGE_PROTO_RANDOM_FULLY)
 *   draws a new source port from 1024–65535 (linux net/netfilter/nf_nat_proto.c
 *   `nf_nat_l4proto_unique_tuple`, here from the trace's seeded generator); plain MASQUERADE keeps it.
 * - eBPF (Cilium's NodePort, cilium/cilium bpf/lib/nodeport.h `nodeport_snat_fwd_ipv4`, bpf/lib/nat.h):
 *   no iptables rule; the program SNATs to the node IP and records the mapping in
 *   `cilium_snat_v4_external`, keeping the client's port when it is inside NODEPORT_PORT_MIN_NAT–
 *   NODEPORT_PORT_MAX_NAT (32768–65535, `__snat_try_keep_port`), else drawing one there.
 */
export function postrouting(w: Walker, ns: Netns, devName: string, st: PacketState): void {
  const m = w.pendingMasq;
  if (!m || m.nodeIndex !== ns.nodeIndex || ns.kind !== 'node' || st.outer) return;
  w.pendingMasq = null;
  const bpf = m.bpf;
  const own = bpf ? undefined : ns.addresses.find((a) => a.dev === devName && a.scope === 'global')?.ip;
  const addr = own ?? w.world.cluster.nodes[ns.nodeIndex]!.ip;
  const fully = m.rules.some((r) => / --random-fully\b| fully-random\b/.test(r.rule));
  const oldPort = st.frame.srcPort;
  const port = fully
    ? 1024 + Math.floor(w.env.rng() * (65536 - 1024))
    : bpf && (oldPort < 32768 || oldPort > 65535)
      ? 32768 + Math.floor(w.env.rng() * (65536 - 32768))
      : oldPort;
  const before = `${formatIpv4(st.frame.src)}:${oldPort}`;
  const headersBefore = headersOf(st.frame);
  st.frame.src = addr;
  st.frame.srcPort = port;
  const ct = [...w.conntrack].reverse().find((c) => c.nodeIndex === ns.nodeIndex);
  if (ct) {
    ct.snat = addr;
    if (port !== oldPort) ct.snatPort = port;
  }
  const rules = bpf
    ? [
        ...m.rules,
        {
          table: 'cilium_snat_v4_external',
          rule: `${before} → ${formatIpv4(addr)}:${port} (${st.frame.protocol}, egress)`,
        },
      ]
    : m.rules;
  w.emit(
    'snat',
    ns.id,
    devName,
    bpf ? 'hop.snat.bpf' : own === undefined ? 'hop.snat.nodeIp' : 'hop.snat',
    { netns: ns.id, before, after: `${formatIpv4(addr)}:${port}`, dev: devName },
    rulesText(rules),
    [...new Set(rules.map((r) => r.table))].join(' + ') || null,
    st,
    { before: headersBefore },
  );
}

const rulesText = (rules: MatchedRule[]): string | null => rules.map((r) => r.rule).join('\n') || null;

/** `conntrack -L` lines for the translations made on the way (original tuple, then the reply tuple). */
export function conntrackLines(w: Walker): { netns: string; entry: string }[] {
  return w.conntrack.map((c) => {
    const proto = c.protocol.toLowerCase();
    const num = { tcp: 6, udp: 17, sctp: 132 }[proto as 'tcp' | 'udp' | 'sctp'];
    const replyDst = c.snat ?? c.orig.src;
    const state = proto === 'tcp' ? ' SYN_SENT' : '';
    const entry =
      `${proto.padEnd(8)} ${num} 120${state} src=${formatIpv4(c.orig.src)} dst=${formatIpv4(c.orig.dst)} sport=${c.orig.srcPort} dport=${c.orig.dstPort} ` +
      `[UNREPLIED] src=${formatIpv4(c.replySrc.ip)} dst=${formatIpv4(replyDst)} sport=${c.replySrc.port} dport=${c.snatPort ?? c.orig.srcPort} mark=0 use=1`;
    return { netns: c.netns, entry };
  });
}
