import type { Hop, Trace } from '../trace/types';

/**
 * Two designs on the same flow, side by side: what a platform engineer compares when choosing a
 * CNI or a kube-proxy mode. Computed from the two traces (and the MTU each design gives the
 * source Pod's `eth0`), never from the design names.
 */

/**
 * Bytes a VXLAN encapsulation adds on the wire: outer IPv4 (20) + UDP (8) + VXLAN header (8) + the
 * inner Ethernet header (14), the `VXLAN_HEADROOM` of linux drivers/net/vxlan/vxlan_core.c.
 */
export const VXLAN_OVERHEAD = 50;

/** What one trace did, reduced to the facts that differ between designs. */
export interface TraceSummary {
  verdict: Trace['verdict'];
  reason: Trace['reason'];
  hops: number;
  /** Devices the packet crossed, `netns|device`, in order, each once. */
  devices: string[];
  /** Bytes of encapsulation on the wire (0 when the packet crossed unwrapped). */
  encapBytes: number;
  /** The MTU the design gives the source Pod's eth0 (null when the source is not a Pod). */
  podMtu: number | null;
  /** Hops decided by a rule or table entry (routes, FDB, netfilter chains, IPVS, eBPF maps, policies). */
  rulesEvaluated: number;
  /** Where addresses were rewritten: `dnat@netns`, `snat@netns`. */
  nat: string[];
  /** Where NetworkPolicy was checked: `netns|device`. */
  policy: string[];
}

export type DifferenceKey = 'verdict' | 'hops' | 'devices' | 'encap' | 'mtu' | 'rules' | 'nat' | 'policy';

export interface Difference {
  key: DifferenceKey;
  a: string;
  b: string;
  same: boolean;
}

const place = (h: Hop): string => (h.device ? `${h.netns}|${h.device}` : h.netns);

/** Summarises a trace; `podMtu` is read by the caller from the source netns's eth0. */
export function summarizeTrace(trace: Trace, podMtu: number | null): TraceSummary {
  const devices: string[] = [];
  const seen = new Set<string>();
  for (const h of trace.hops) {
    if (!h.device || h.kind === 'dns') continue;
    const id = place(h);
    if (!seen.has(id)) {
      seen.add(id);
      devices.push(id);
    }
  }
  const encapsulated = trace.hops.some((h) => h.kind === 'encap' || h.outer !== null);
  return {
    verdict: trace.verdict,
    reason: trace.reason,
    hops: trace.hops.length,
    devices,
    encapBytes: encapsulated ? VXLAN_OVERHEAD : 0,
    podMtu,
    rulesEvaluated: trace.hops.filter((h) => h.rule !== null).length,
    nat: trace.hops.filter((h) => h.kind === 'dnat' || h.kind === 'snat').map((h) => `${h.kind}@${h.netns}`),
    policy: trace.hops
      .filter((h) => h.kind === 'policy' || (h.kind === 'drop' && trace.reason === 'POLICY_DENIED'))
      .map(place),
  };
}

const list = (xs: string[]): string => (xs.length ? xs.join(', ') : '—');

/** The differences list, one row per fact, in a fixed order; `same` marks rows that agree. */
export function compareSummaries(a: TraceSummary, b: TraceSummary): Difference[] {
  const row = (key: DifferenceKey, x: string, y: string): Difference => ({ key, a: x, b: y, same: x === y });
  return [
    row(
      'verdict',
      a.reason ? `${a.verdict} (${a.reason})` : a.verdict,
      b.reason ? `${b.verdict} (${b.reason})` : b.verdict,
    ),
    row('hops', String(a.hops), String(b.hops)),
    row(
      'devices',
      list(a.devices.map((d) => d.replace('|', ' '))),
      list(b.devices.map((d) => d.replace('|', ' '))),
    ),
    row('encap', `${a.encapBytes} B`, `${b.encapBytes} B`),
    row('mtu', a.podMtu === null ? '—' : String(a.podMtu), b.podMtu === null ? '—' : String(b.podMtu)),
    row('rules', String(a.rulesEvaluated), String(b.rulesEvaluated)),
    row('nat', list(a.nat), list(b.nat)),
    row('policy', list(a.policy), list(b.policy)),
  ];
}
