import { cidrContains } from '../../net/cidr';
import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import type { MatchedRule, ProxyContext, ProxyPacket, Translation } from '../proxy/types';
import type { NftRules } from './model';

/**
 * Walks `ip kube-proxy` like the kernel for a connection's first packet: filter prerouting/output
 * at −110 (firewall-check vmap), nat at −100 (`services`: one verdict-map lookup, O(1)), the per-service
 * and per-endpoint chains, then filter at priority 0 (no-endpoint vmaps, cluster-ips-check) and
 * nat postrouting (masquerading). `numgen random mod N` draws from the caller's generator.
 */
export function translateNftables(r: NftRules, packet: ProxyPacket, ctx: ProxyContext): Translation {
  const T = 'ip kube-proxy';
  const matched: MatchedRule[] = [];
  const hit = (rule: string) => matched.push({ table: T, rule });
  let evaluated = 0;
  let mark = 0;
  const pkt = packet;
  const proto = pkt.protocol.toLowerCase();
  const key = `${formatIpv4(pkt.dst)} . ${proto} . ${pkt.dstPort}`;
  const done = (action: Translation['action'], endpoint?: { ip: Ipv4; port: number }): Translation => {
    const masquerade = (mark & 0x4000) !== 0 && action === 'dnat';
    return {
      action,
      ...(endpoint ? { endpoint } : {}),
      masquerade,
      matched,
      postrouting: masquerade
        ? [
            'nat-postrouting jump masquerading',
            'masquerading mark set mark xor 0x4000',
            'masquerading masquerade fully-random',
          ].map((rule) => ({ table: T, rule }))
        : [],
      evaluated,
      stage: action === 'none' ? null : 'netfilter',
    };
  };
  // filter hook at -110: LoadBalancerSourceRanges.
  evaluated++;
  const fw = r.firewallIps.get(key);
  if (fw) {
    hit(`firewall-check ip daddr . meta l4proto . th dport vmap @firewall-ips  # ${fw.key} : ${fw.value}`);
    const chain = fw.value.replace(/^goto /, '');
    for (const rule of r.chain(chain) ?? []) {
      evaluated++;
      if (rule.op.k === 'fwDrop' && !rule.op.ranges.some((c) => cidrContains(c, pkt.src))) {
        hit(`${chain} ${rule.text}`);
        return done('drop');
      }
    }
  }
  // nat hook: services → vmaps.
  evaluated++;
  let verdict = r.serviceIps.get(key);
  if (verdict)
    hit(`services ip daddr . meta l4proto . th dport vmap @service-ips  # ${verdict.key} : ${verdict.value}`);
  else if (r.nodeportIps.includes(pkt.dst)) {
    evaluated++;
    verdict = r.serviceNodeports.get(`${proto} . ${pkt.dstPort}`);
    if (verdict)
      hit(
        `services ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports  # ${verdict.key} : ${verdict.value}`,
      );
  }
  let chain: string | null = verdict ? verdict.value.replace(/^goto /, '') : null;
  let endpoint: { ip: Ipv4; port: number } | undefined;
  for (let guard = 0; chain && guard < 16 && !endpoint; guard++) {
    const rules = r.chain(chain) ?? [];
    let next: string | null = null;
    for (const rule of rules) {
      evaluated++;
      const op = rule.op;
      const line = `${chain} ${rule.text}`;
      if (op.k === 'masq' || op.k === 'hairpin' || op.k === 'mark' || op.k === 'localMasq') {
        const m =
          op.k === 'mark' ||
          (op.k === 'masq' && pkt.dst === op.daddr && !(op.notSaddr && cidrContains(op.notSaddr, pkt.src))) ||
          (op.k === 'hairpin' && pkt.src === op.ip) ||
          (op.k === 'localMasq' && ctx.isLocal(pkt.src));
        if (m) {
          hit(line);
          mark |= 0x4000;
        }
      } else if (op.k === 'affinity') {
        if (ctx.affinity?.get(op.set)?.has(pkt.src)) {
          hit(line);
          next = op.goto;
          break;
        }
      } else if (op.k === 'numgen') {
        const forced = ctx.forceEndpoint
          ? `${formatIpv4(ctx.forceEndpoint.ip)}:${ctx.forceEndpoint.port}`
          : null;
        let i = forced === null ? -1 : op.endpoints.indexOf(forced);
        if (i < 0) i = Math.min(op.targets.length - 1, Math.floor(ctx.rng() * op.targets.length));
        hit(`${line}  # numgen → ${i}`);
        next = op.targets[i] ?? null;
        break;
      } else if (op.k === 'podShort' || op.k === 'localShort' || op.k === 'goto') {
        const m =
          op.k === 'goto' || (op.k === 'podShort' ? cidrContains(op.saddr, pkt.src) : ctx.isLocal(pkt.src));
        if (m) {
          hit(line);
          next = op.k === 'goto' ? op.chain : op.goto;
          break;
        }
      } else if (op.k === 'affinityUpdate') {
        hit(line);
        if (ctx.affinity) {
          let s = ctx.affinity.get(op.set);
          if (!s) ctx.affinity.set(op.set, (s = new Map()));
          s.set(pkt.src, op.set);
        }
      } else if (op.k === 'dnat') {
        hit(line);
        endpoint = { ip: op.ip, port: op.port };
        break;
      }
    }
    chain = next;
  }
  if (endpoint) return done('dnat', endpoint);
  // filter hooks at priority 0: no-endpoint vmaps, then cluster-ips-check.
  evaluated++;
  const noEp = r.noEndpointServices.get(key);
  if (noEp) {
    hit(
      `service-endpoints-check ip daddr . meta l4proto . th dport vmap @no-endpoint-services  # ${noEp.key} : ${noEp.value}`,
    );
    return done(noEp.value === 'drop' ? 'drop' : 'reject');
  }
  if (ctx.hook !== 'OUTPUT' && ctx.isLocal(pkt.dst) && r.nodeportIps.includes(pkt.dst)) {
    evaluated++;
    const np = r.noEndpointNodeports.get(`${proto} . ${pkt.dstPort}`);
    if (np) {
      hit(
        `nodeport-endpoints-check ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports  # ${np.key} : ${np.value}`,
      );
      return done(np.value === 'drop' ? 'drop' : 'reject');
    }
  }
  if (!ctx.isLocal(pkt.dst) || ctx.hook === 'OUTPUT') {
    evaluated += 2;
    if (r.clusterIps.has(pkt.dst)) {
      hit(
        'cluster-ips-check ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"',
      );
      return done('reject');
    }
    if (cidrContains(r.serviceCidr, pkt.dst)) {
      hit('cluster-ips-check ip daddr { … } drop comment "Drop traffic to unallocated ClusterIPs"');
      return done('drop');
    }
  }
  return done('none');
}
