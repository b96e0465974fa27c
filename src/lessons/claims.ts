import type { Trace } from '../core/trace/types';
import type { Topology } from '../core/topology/types';
import type { AddrRef, Claim, DeviceRef, Highlight, RuleRef } from './types';

/**
 * Checks what a lesson says against what the engine produced. Names in claims are resolved on the
 * topology the engine built (a Pod's IP, a node's Node IP and Pod CIDR, a Service's ClusterIP, the
 * host end of a Pod's veth), so a lesson never hard-codes an address the IPAM could change.
 */

function podOf(t: Topology, key: string) {
  for (const n of t.nodes) for (const p of n.pods) if (p.key === key) return p;
  return undefined;
}

/** The literal value an address reference stands for, or undefined when it names nothing. */
export function resolveAddr(t: Topology, ref: AddrRef): string | undefined {
  if (typeof ref === 'string') return ref;
  if ('pod' in ref) return podOf(t, ref.pod)?.ip;
  if ('node' in ref) return t.nodes.find((n) => n.name === ref.node)?.ip;
  return t.services.find((s) => s.key === ref.clusterIP)?.clusterIP ?? undefined;
}

export function resolveDevice(t: Topology, ref: DeviceRef): string | undefined {
  return typeof ref === 'string' ? ref : podOf(t, ref.hostVethOf)?.hostVeth.name;
}

function resolveRule(t: Topology, ref: RuleRef): string | undefined {
  if (typeof ref === 'string') return ref;
  if ('podCidrOf' in ref) return t.nodes.find((n) => n.name === ref.podCidrOf)?.podCidr;
  return t.services.find((s) => s.key === ref.clusterIPOf)?.clusterIP ?? undefined;
}

/** The topology id (`netns|device`) or netns a highlight lights up; undefined when it is not drawn. */
export function highlightId(t: Topology, h: Highlight): string | undefined {
  const drawn =
    t.nodes.some((n) => n.netns === h.netns) ||
    h.netns === 'underlay' ||
    h.netns === 'external' ||
    podOf(t, h.netns) !== undefined;
  if (!drawn) return undefined;
  if (!h.device) return h.netns;
  const name = resolveDevice(t, h.device);
  if (name === undefined) return undefined;
  const id = `${h.netns}|${name}`;
  const exists =
    t.nodes.some((n) => n.devices.some((d) => d.id === id)) ||
    t.nodes.some((n) => n.pods.some((p) => p.eth0.id === id || p.hostVeth.id === id));
  return exists ? id : undefined;
}

/**
 * Every way the claim fails for hop `index` of the trace (empty: it holds). Unresolvable names fail
 * too, so a lesson pointing at a Pod that is gone is caught.
 */
export function claimMismatches(claim: Claim, trace: Trace, index: number, t: Topology): string[] {
  const out: string[] = [];
  const hop = trace.hops[index];
  if (!hop) return [`the trace has ${trace.hops.length} hops; no hop ${index}`];
  const eq = (what: string, want: unknown, got: unknown) => {
    if (want !== got) out.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  const addr = (what: string, ref: AddrRef, got: string | undefined) => {
    const want = resolveAddr(t, ref);
    if (want === undefined) out.push(`${what}: ${JSON.stringify(ref)} names nothing in the topology`);
    else eq(what, want, got);
  };
  if (claim.netns !== undefined) eq('netns', claim.netns, hop.netns);
  if (claim.netnsStartsWith !== undefined && !hop.netns.startsWith(claim.netnsStartsWith))
    out.push(`netns: expected ${claim.netnsStartsWith}…, got ${hop.netns}`);
  if (claim.device !== undefined) {
    const want = claim.device === null ? null : resolveDevice(t, claim.device);
    if (want === undefined) out.push(`device: ${JSON.stringify(claim.device)} names nothing`);
    else eq('device', want, hop.device);
  }
  if (claim.kind !== undefined) eq('kind', claim.kind, hop.kind);
  if (claim.table !== undefined) eq('table', claim.table, hop.table);
  if (claim.src !== undefined) addr('src', claim.src, hop.packet.src);
  if (claim.dst !== undefined) addr('dst', claim.dst, hop.packet.dst);
  if (claim.outerDst !== undefined) {
    if (claim.outerDst === null) eq('outer', null, hop.outer);
    else addr('outer dst', claim.outerDst, hop.outer?.dst);
  }
  if (claim.srcChanged !== undefined) {
    const before = trace.hops[index - 1]?.packet.src;
    eq('source changed', claim.srcChanged, before !== undefined && before !== hop.packet.src);
  }
  if (claim.ruleHas !== undefined) {
    const want = resolveRule(t, claim.ruleHas);
    if (want === undefined) out.push(`rule: ${JSON.stringify(claim.ruleHas)} names nothing`);
    else if (!(hop.rule ?? '').includes(want))
      out.push(`rule: expected it to contain ${want}, got ${JSON.stringify(hop.rule)}`);
  }
  if (claim.leg !== undefined) eq('leg', claim.leg, hop.leg);
  if (claim.l7Via !== undefined) eq('l7 via', claim.l7Via, hop.l7?.via);
  if (claim.l7Route !== undefined) eq('l7 route', claim.l7Route, hop.l7?.route);
  if (claim.l7Rule !== undefined) eq('l7 rule', claim.l7Rule, hop.l7?.rule);
  if (claim.l7Backend !== undefined) eq('l7 backend', claim.l7Backend, hop.l7?.backend);
  if (claim.verdict !== undefined) eq('verdict', claim.verdict, trace.verdict);
  if (claim.reason !== undefined) eq('reason', claim.reason, trace.reason);
  if (claim.deliveredTo !== undefined) eq('deliveredTo', claim.deliveredTo, trace.deliveredTo);
  // The connection: every leg but the DNS query before it (the stub resolver's leg).
  const connection = trace.hops.filter((h) => h.leg !== 'dns');
  if (claim.connectionHas !== undefined && !connection.some((h) => h.kind === claim.connectionHas))
    out.push(`the connection has no ${claim.connectionHas} hop`);
  if (claim.connectionLacks !== undefined && connection.some((h) => h.kind === claim.connectionLacks))
    out.push(`the connection has a ${claim.connectionLacks} hop`);
  // The proxy's own connection to the backend (HTTP traces: everything after the l7 decision).
  const upstream = trace.hops.filter((h) => h.leg === 'upstream');
  if (claim.upstreamHas !== undefined && !upstream.some((h) => h.kind === claim.upstreamHas))
    out.push(`the upstream leg has no ${claim.upstreamHas} hop`);
  if (claim.upstreamLacks !== undefined) {
    if (upstream.length === 0) out.push('the trace has no upstream leg');
    else if (upstream.some((h) => h.kind === claim.upstreamLacks))
      out.push(`the upstream leg has a ${claim.upstreamLacks} hop`);
  }
  if (claim.forwardedFor !== undefined)
    addr('X-Forwarded-For', claim.forwardedFor, trace.http?.upstreamHeaders?.['x-forwarded-for']);
  return out;
}
