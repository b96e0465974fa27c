import { formatIpv4 } from '../../net/ipv4';
import type { MatchedRule, ProxyContext, ProxyPacket, Translation } from '../proxy/types';
import { translateIptables } from '../iptables/interpret';
import { realLine, serviceLine } from './render';
import type { IpvsRules } from './types';

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
