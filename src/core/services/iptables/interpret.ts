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
  /** Lower-case protocol of the packet, as `-p` compares it. */
  proto: string;
}

function matchPart(p: Part, r: IptRule, w: Walk, table: IptTable): boolean {
  const { pkt, ctx } = w;
  switch (p.t) {
    case 'comment':
      return true;
    case 'l4':
      return w.proto === p.proto;
    case 'src':
      return cidrContains(p.cidr, pkt.src) !== p.neg;
    case 'dst':
      return cidrContains(p.cidr, pkt.dst) !== p.neg;
    case 'dport':
      return pkt.dstPort === p.port;
    case 'addrtype':
      return ctx.isLocal(p.dir === 'src' ? pkt.src : pkt.dst) !== (p.neg ?? false);
    case 'proto':
      return w.proto === p.proto;
    case 'set':
      return w.rules.inSet?.(p.name, p.flags, pkt) ?? false;
    case 'ipvs':
      return pkt.dst === p.vaddr && w.proto === p.vproto && pkt.dstPort === p.vport;
    case 'physdev':
      // Modelled as "not bridged": the hook does not know the ingress port (docs/decisions.md).
      // (`--physdev-is-in` false), so only the negated form matches.
      return p.neg;
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
  if (!chain.some((x) => x.target.t === 'jump' && x.target.endpoint === want)) return null;
  return r.target.endpoint === want;
}

/**
 * Destination index of a long chain (KUBE-SERVICES holds one rule per service VIP). It is a speed-up
 * of the linear walk only: a rule is indexed under its `-d <ip>/32` when it has no side-effecting
 * match (statistic, recent), so skipping it when the packet's destination differs cannot change
 * anything — netfilter would have tested it and found no match. Every other rule stays in `wild`
 * and is tested in order. `evaluated` still counts what netfilter tests: every rule up to the one
 * that ended the walk (or the whole chain when the packet falls through).
 */
interface ChainIndex {
  byDst: Map<number, number[]>;
  wild: number[];
}

const INDEX_MIN_RULES = 32;
let indexing = true;

/** Turns the destination index off (tests and benchmarks compare it with the plain linear walk). */
export function setChainIndexing(on: boolean): void {
  indexing = on;
}

const NO_INDEX: ChainIndex = { byDst: new Map(), wild: [] };
const indexes = new WeakMap<IptRule[], ChainIndex>();

function chainIndex(list: IptRule[]): ChainIndex | null {
  if (!indexing || list.length < INDEX_MIN_RULES) return null;
  let ix = indexes.get(list);
  if (!ix) {
    ix = { byDst: new Map(), wild: [] };
    list.forEach((r, i) => {
      const dst = r.parts.find((p) => p.t === 'dst');
      const sideEffects = r.parts.some((p) => p.t === 'statistic' || p.t === 'recent');
      if (dst && dst.t === 'dst' && !dst.neg && dst.cidr.prefix === 32 && !sideEffects) {
        const at = ix!.byDst.get(dst.cidr.base);
        if (at) at.push(i);
        else ix!.byDst.set(dst.cidr.base, [i]);
      } else ix!.wild.push(i);
    });
    if (ix.wild.length > list.length / 2) ix = NO_INDEX;
    indexes.set(list, ix);
  }
  return ix === NO_INDEX ? null : ix;
}

/** Rule positions a packet to `dst` can match, in chain order (the two lists are each sorted). */
function candidates(ix: ChainIndex, dst: number): number[] {
  const a = ix.byDst.get(dst);
  if (!a) return ix.wild;
  const b = ix.wild;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/** One rule: does it match, and if so what does its target do? `undefined` = keep walking. */
function step(table: IptTable, r: IptRule, w: Walk): Verdict | undefined {
  for (const p of r.parts) if (!matchPart(p, r, w, table)) return undefined;
  w.matched.push({ table: table.name, rule: saveRule(r) });
  const t = r.target;
  switch (t.t) {
    case 'jump': {
      w.depth++;
      const v = walkChain(table, t.chain, w);
      w.depth--;
      return v !== null && v !== 'RETURN' ? v : undefined;
    }
    case 'RETURN':
      return 'RETURN';
    case 'MARK':
      w.mark = t.op === 'or' ? w.mark | t.value : w.mark ^ t.value;
      return undefined;
    case 'DNAT':
      w.dnat = { ip: t.ip, port: t.port };
      w.decided = r;
      return 'DNAT';
    case 'MASQUERADE':
      w.decided = r;
      return 'MASQUERADE';
    case 'none':
      return undefined;
    default:
      w.decided = r;
      return t.t;
  }
}

function walkChain(table: IptTable, chain: string, w: Walk): Verdict {
  const list = chainRules(table, chain) ?? [];
  if (w.depth > 32) return null;
  const ix = chainIndex(list);
  if (ix) {
    for (const i of candidates(ix, w.pkt.dst)) {
      const v = step(table, list[i]!, w);
      if (v !== undefined) {
        w.evaluated += i + 1;
        return v;
      }
    }
    w.evaluated += list.length;
    return null;
  }
  for (const r of list) {
    w.evaluated++;
    const v = step(table, r, w);
    if (v !== undefined) return v;
  }
  return null;
}

/**
 * What runs at LOCAL_IN after the filter table, for a packet to a local address: IPVS
 * (`ip_vs_remote_request4`, priority NF_IP_PRI_NAT_SRC - 2, after filter INPUT) picks a real
 * server or refuses. null = nothing there for this packet.
 */
export type LocalIn = (
  pkt: ProxyPacket,
) =>
  | { action: 'dnat'; endpoint: { ip: Ipv4; port: number }; matched: MatchedRule[] }
  | { action: 'reject'; matched: MatchedRule[] }
  | null;

/**
 * Translates the first packet of a connection through one node's kube-proxy iptables rules; with
 * `localIn` (IPVS mode) the destination is rewritten between filter INPUT and nat POSTROUTING.
 */
export function translateIptables(
  rules: IptablesRules,
  packet: ProxyPacket,
  ctx: ProxyContext,
  localIn?: LocalIn,
): Translation {
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
    proto: packet.protocol.toLowerCase(),
  };
  const natHook = ctx.hook === 'OUTPUT' ? 'OUTPUT' : 'PREROUTING';
  walkChain(rules.nat, natHook, w);
  if (w.dnat) {
    w.pkt = { ...w.pkt, dst: w.dnat.ip, dstPort: w.dnat.port };
    w.dnatDone = true;
  }
  const filterHook = ctx.hook === 'OUTPUT' ? 'OUTPUT' : ctx.isLocal(w.pkt.dst) ? 'INPUT' : 'FORWARD';
  w.decided = null;
  let fv = walkChain(rules.filter, filterHook, w);
  const matched = w.matched;
  let ipvs = false;
  if (localIn && fv !== 'DROP' && fv !== 'REJECT' && ctx.isLocal(w.pkt.dst)) {
    const r = localIn(w.pkt);
    if (r) {
      ipvs = true;
      matched.push(...r.matched);
      if (r.action === 'reject') fv = 'REJECT';
      else {
        w.dnat = r.endpoint;
        w.pkt = { ...w.pkt, dst: r.endpoint.ip, dstPort: r.endpoint.port };
        w.dnatDone = true;
      }
    }
  }
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
    stage: action === 'none' ? null : ipvs ? 'ipvs' : 'netfilter',
  };
}
