import { cidrContains } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';
import type { MatchedRule, ProxyContext, ProxyPacket, Translation } from '../proxy/types';
import { type IptRule, type IptTable, type IptablesRules, type Part, chainRules } from './model';
import { endpointText } from './names';
import { saveRule } from './render';

/**
 * Walks kube-proxy's iptables rules like netfilter does for the first packet of a connection: nat
 * PREROUTING (or OUTPUT) → DNAT, then the filter hook the routing decision picks (INPUT when the
 * destination is local, FORWARD otherwise; OUTPUT for local processes), then nat POSTROUTING.
 * `-m statistic` draws from the caller's seeded generator exactly like the kernel
 * (`(prandom_u32() & 0x7fffffff) < lround(2^31·p)`), `-m recent` uses the caller's affinity memory.
 */

type Verdict = 'ACCEPT' | 'DROP' | 'REJECT' | 'DNAT' | 'MASQUERADE' | 'RETURN' | null;

interface Walk {
  pkt: ProxyPacket;
  ctx: ProxyContext;
  rules: IptablesRules;
  mark: number;
  dnat: { ip: Ipv4; port: number } | null;
  dnatDone: boolean;
  matched: MatchedRule[];
  evaluated: number;
  decided: IptRule | null;
  depth: number;
}

function matchPart(p: Part, r: IptRule, w: Walk, table: IptTable): boolean {
  const { pkt, ctx } = w;
  switch (p.t) {
    case 'comment':
      return true;
    case 'l4':
      return pkt.protocol.toLowerCase() === p.proto;
    case 'src':
      return cidrContains(p.cidr, pkt.src) !== p.neg;
    case 'dst':
      return cidrContains(p.cidr, pkt.dst) !== p.neg;
    case 'dport':
      return pkt.dstPort === p.port;
    case 'addrtype':
      return ctx.isLocal(p.dir === 'src' ? pkt.src : pkt.dst);
    case 'statistic': {
      const forced = forcedChoice(r, w, table);
      if (forced !== null) return forced;
      const threshold = Math.round(0x80000000 * Number(p.p));
      return Math.floor(ctx.rng() * 0x80000000) < threshold;
    }
    case 'recent': {
      if (p.op === 'set') {
        if (ctx.affinity) {
          let list = ctx.affinity.get(p.name);
          if (!list) ctx.affinity.set(p.name, (list = new Map()));
          list.set(pkt.src, p.name);
        }
        return true;
      }
      return ctx.affinity?.get(p.name)?.has(pkt.src) ?? false;
    }
    case 'mark':
      return ((w.mark & p.value) === p.value) !== p.neg;
    case 'ctstate': {
      // First packet: NEW; DNAT once nat rewrote the destination.
      const states = p.states.split(',');
      const hit = states.includes('NEW') || (states.includes('DNAT') && w.dnatDone);
      return hit !== p.neg;
    }
  }
}

/** With a forced endpoint among this chain's targets, a statistic rule matches only for it. */
function forcedChoice(r: IptRule, w: Walk, table: IptTable): boolean | null {
  const f = w.ctx.forceEndpoint;
  if (!f || r.target.t !== 'jump') return null;
  const want = endpointText(f);
  const chain = chainRules(table, r.chain) ?? [];
  const candidates = chain.filter(
    (x) => x.target.t === 'jump' && w.rules.sepEndpoint.get(x.target.chain) === want,
  );
  if (candidates.length === 0) return null;
  return w.rules.sepEndpoint.get(r.target.chain) === want;
}

function walkChain(table: IptTable, chain: string, w: Walk): Verdict {
  const list = chainRules(table, chain) ?? [];
  if (w.depth > 32) return null;
  for (const r of list) {
    w.evaluated++;
    if (!r.parts.every((p) => matchPart(p, r, w, table))) continue;
    w.matched.push({ table: table.name, rule: saveRule(r) });
    const t = r.target;
    switch (t.t) {
      case 'jump': {
        w.depth++;
        const v = walkChain(table, t.chain, w);
        w.depth--;
        if (v !== null && v !== 'RETURN') return v;
        break;
      }
      case 'RETURN':
        return 'RETURN';
      case 'MARK':
        w.mark = t.op === 'or' ? w.mark | t.value : w.mark ^ t.value;
        break;
      case 'DNAT':
        w.dnat = { ip: t.ip, port: t.port };
        w.decided = r;
        return 'DNAT';
      case 'MASQUERADE':
        w.decided = r;
        return 'MASQUERADE';
      case 'none':
        break;
      default:
        w.decided = r;
        return t.t;
    }
  }
  return null;
}

/** Translates the first packet of a connection through one node's kube-proxy iptables rules. */
export function translateIptables(rules: IptablesRules, packet: ProxyPacket, ctx: ProxyContext): Translation {
  const w: Walk = {
    pkt: { ...packet },
    ctx,
    rules,
    mark: 0,
    dnat: null,
    dnatDone: false,
    matched: [],
    evaluated: 0,
    decided: null,
    depth: 0,
  };
  const natHook = ctx.hook === 'OUTPUT' ? 'OUTPUT' : 'PREROUTING';
  walkChain(rules.nat, natHook, w);
  if (w.dnat) {
    w.pkt = { ...w.pkt, dst: w.dnat.ip, dstPort: w.dnat.port };
    w.dnatDone = true;
  }
  const filterHook = ctx.hook === 'OUTPUT' ? 'OUTPUT' : ctx.isLocal(w.pkt.dst) ? 'INPUT' : 'FORWARD';
  w.decided = null;
  const fv = walkChain(rules.filter, filterHook, w);
  const matched = w.matched;
  // nat POSTROUTING runs on the way out with the mark set above.
  const post: Walk = { ...w, matched: [], decided: null, depth: 0 };
  const pv = fv === 'DROP' || fv === 'REJECT' ? null : walkChain(rules.nat, 'POSTROUTING', post);
  const masquerade = pv === 'MASQUERADE';
  const action = fv === 'DROP' ? 'drop' : fv === 'REJECT' ? 'reject' : w.dnat ? 'dnat' : 'none';
  return {
    action,
    ...(w.dnat && action === 'dnat' ? { endpoint: w.dnat } : {}),
    masquerade,
    matched,
    postrouting: masquerade ? post.matched : [],
    evaluated: post.evaluated,
    stage: action === 'none' ? null : 'netfilter',
  };
}
