import type { Hop, L7HopFacts, Leg, OuterHeaders, PacketHeaders, Trace } from './types';
import { HOP_MESSAGES, say, type HopMessageKey } from './messages';

/**
 * The compact form a trace crosses the worker boundary in (the bar is ≤ 10 KiB per message):
 * `explain` is dropped (it is `say` rendered with the English catalog, so it is rebuilt on
 * arrival), headers are sent only when they changed since the previous hop, and empty fields are
 * left out. `unpackTrace(packTrace(t))` equals `t`.
 */
export interface PackedHop {
  n: string;
  d?: string;
  k: Hop['kind'];
  s: Hop['say'];
  r?: string;
  t?: string;
  /** Headers in full, when a field disappeared since the previous hop (or on the first hop). */
  p?: PacketHeaders;
  /** Only the header fields that changed since the previous hop. */
  q?: Partial<PacketHeaders>;
  /** Outer headers: present when they changed; `null` when encapsulation ended. */
  o?: OuterHeaders | null;
  /** Set when `explain` is not the English rendering of `say`. */
  e?: string;
  /** The hop's leg, when it differs from the previous hop's (the first hop's when not `client`). */
  l?: Leg;
  /** The Service a translating hop belongs to. */
  sv?: string;
  /** Headers before a rewrite: `1` when they are the previous hop's packet, else in full. */
  b?: PacketHeaders | 1;
  /** The L7 decision of an `l7` hop. */
  l7?: L7HopFacts;
}

export interface PackedTrace extends Omit<Trace, 'hops'> {
  hops: PackedHop[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function english(s: Hop['say']): string | null {
  return s.key in HOP_MESSAGES ? say(s.key as HopMessageKey, s.args).explain : null;
}

export function packTrace(trace: Trace): PackedTrace {
  let prevP: PacketHeaders | null = null;
  let prevO: OuterHeaders | null = null;
  let prevLeg: Leg = 'client';
  const hops = trace.hops.map((h) => {
    const ph: PackedHop = { n: h.netns, k: h.kind, s: h.say };
    if (h.device !== null) ph.d = h.device;
    if (h.rule !== null) ph.r = h.rule;
    if (h.table !== null) ph.t = h.table;
    if (!prevP || Object.keys(prevP).some((k) => !(k in h.packet))) ph.p = h.packet;
    else {
      const delta: Partial<PacketHeaders> = {};
      for (const [k, v] of Object.entries(h.packet)) {
        if ((prevP as unknown as Record<string, unknown>)[k] !== v) (delta as Record<string, unknown>)[k] = v;
      }
      if (Object.keys(delta).length > 0) ph.q = delta;
    }
    if (!same(h.outer, prevO)) ph.o = h.outer;
    if (english(h.say) !== h.explain) ph.e = h.explain;
    if (h.leg !== prevLeg) ph.l = h.leg;
    if (h.service !== undefined) ph.sv = h.service;
    if (h.before !== undefined) ph.b = same(h.before, prevP) ? 1 : h.before;
    if (h.l7 !== undefined) ph.l7 = h.l7;
    prevLeg = h.leg;
    prevP = h.packet;
    prevO = h.outer;
    return ph;
  });
  return { ...trace, hops };
}

export function unpackTrace(packed: PackedTrace): Trace {
  let prevP: PacketHeaders | null = null;
  let prevO: OuterHeaders | null = null;
  let prevLeg: Leg = 'client';
  const hops = packed.hops.map((ph): Hop => {
    const packet: PacketHeaders = ph.p ?? (ph.q ? { ...prevP!, ...ph.q } : prevP!);
    const outer = ph.o === undefined ? prevO : ph.o;
    const leg = ph.l ?? prevLeg;
    const before = ph.b === 1 ? prevP : (ph.b ?? null);
    prevP = packet;
    prevO = outer;
    prevLeg = leg;
    return {
      netns: ph.n,
      device: ph.d ?? null,
      kind: ph.k,
      explain: ph.e ?? english(ph.s) ?? '',
      say: ph.s,
      rule: ph.r ?? null,
      table: ph.t ?? null,
      packet,
      outer,
      leg,
      ...(ph.sv !== undefined ? { service: ph.sv } : {}),
      ...(before ? { before } : {}),
      ...(ph.l7 ? { l7: ph.l7 } : {}),
    };
  });
  return { ...packed, hops };
}
