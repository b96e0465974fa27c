import type { Designs } from '../core/model/scenario';
import type { Hop, HttpResult, L7HopFacts, OuterHeaders, PacketHeaders, Trace } from '../core/trace/types';

/**
 * The `trace --json` document: the Trace's verdict, reason, deliveredTo and hops, plus the probe;
 * `conntrack` only when the packet was translated (DNAT/SNAT), a hop's `phase` only on the hops of
 * the DNS query that precedes a connection to a name (its `leg` is on every hop), `http` only on a
 * trace through an L7 proxy.
 */
export interface TraceJson {
  verdict: Trace['verdict'];
  reason: Trace['reason'];
  deliveredTo: string | null;
  hops: {
    netns: string;
    device: string | null;
    kind: Hop['kind'];
    explain: string;
    rule: string | null;
    packet: Pick<PacketHeaders, 'src' | 'dst' | 'protocol' | 'srcPort' | 'dstPort' | 'ttl'>;
    outer: OuterHeaders | null;
    /** Kept for old readers: `"dns"` on the hops of the `dns` leg (the same hops as `leg: "dns"`). */
    phase?: 'dns';
    /** The connection the hop belongs to: `dns`, `client` or `upstream`. */
    leg: Hop['leg'];
    /** `NS/NAME` of the Service a `dnat`/`lb` hop translated for. */
    service?: string;
    /** The L7 decision on an `l7` hop. */
    l7?: L7HopFacts;
  }[];
  probe: Trace['probe'];
  conntrack?: { netns: string; entry: string }[];
  /** Only when there is a warning: `{ code, args, message }` (e.g. `SERVICE_PORT_NOT_SERVED`). */
  warnings?: { code: string; args: Record<string, string | number>; message: string }[];
  http?: HttpResult;
}

export function traceToJson(t: Trace): TraceJson {
  return {
    verdict: t.verdict,
    reason: t.reason,
    deliveredTo: t.deliveredTo,
    hops: t.hops.map((h) => ({
      netns: h.netns,
      device: h.device,
      kind: h.kind,
      explain: h.explain,
      rule: h.rule,
      packet: {
        src: h.packet.src,
        dst: h.packet.dst,
        protocol: h.packet.protocol,
        srcPort: h.packet.srcPort,
        dstPort: h.packet.dstPort,
        ttl: h.packet.ttl,
      },
      // The documented outer header (the page also shows its MACs on the wire; the JSON keeps its shape).
      outer: h.outer
        ? {
            src: h.outer.src,
            dst: h.outer.dst,
            protocol: h.outer.protocol,
            srcPort: h.outer.srcPort,
            dstPort: h.outer.dstPort,
            vni: h.outer.vni,
            ttl: h.outer.ttl,
          }
        : null,
      ...(h.leg === 'dns' ? { phase: 'dns' as const } : {}),
      leg: h.leg,
      ...(h.service !== undefined ? { service: h.service } : {}),
      ...(h.l7 !== undefined ? { l7: h.l7 } : {}),
    })),
    probe: t.probe,
    ...(t.conntrack && t.conntrack.length > 0
      ? { conntrack: t.conntrack.map((c) => ({ netns: c.netns, entry: c.entry })) }
      : {}),
    ...(t.warnings && t.warnings.length > 0
      ? { warnings: t.warnings.map((w) => ({ code: w.code, args: w.args, message: w.message })) }
      : {}),
    ...(t.http ? { http: t.http } : {}),
  };
}

const endpoint = (ip: string, port: number | null): string => (port === null ? ip : `${ip}:${port}`);

function packetText(p: PacketHeaders): string {
  return `${endpoint(p.src, p.srcPort)} → ${endpoint(p.dst, p.dstPort)} ${p.protocol} ttl ${p.ttl}`;
}

function outerText(o: OuterHeaders): string {
  return `${o.src}:${o.srcPort} → ${o.dst}:${o.dstPort} UDP vni ${o.vni} ttl ${o.ttl}`;
}

/**
 * The readable trace: one row per hop (netns, device, kind, packet as it is at that hop), the
 * sentence that explains it, the deciding rule as the real tool prints it, and the outer header
 * while the packet is encapsulated.
 */
export function traceTable(t: Trace, designs: Designs): string {
  const p = t.probe;
  const lines = [
    `trace ${p.from} → ${p.to} ${p.protocol}/${p.port}   (intra=${designs.intra} inter=${designs.inter} proxy=${designs.proxy})`,
    '',
  ];
  const rows = t.hops.map((h, i) => [String(i + 1), h.netns, h.device ?? '-', h.kind, packetText(h.packet)]);
  const head = ['#', 'netns', 'device', 'kind', 'packet'];
  const widths = head.map((c, j) => Math.max(c.length, ...rows.map((r) => r[j]!.length)));
  const fmt = (r: readonly string[]): string =>
    r.map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j]!))).join('  ');
  lines.push(fmt(head));
  const indent = ' '.repeat(widths[0]! + 2);
  // Each leg starts with a heading line: the DNS query (`dns` leg), the connection (`client`), and
  // through an L7 proxy the new connection it opens to the backend (`upstream`).
  t.hops.forEach((h, i) => {
    const prev = t.hops[i - 1];
    if (h.leg === 'dns' && i === 0) lines.push(`-- DNS: ${p.from} resolves ${p.to}`);
    if (h.leg === 'client' && prev?.leg === 'dns') lines.push(`-- connection to ${p.to}`);
    if (h.leg === 'upstream' && prev?.leg !== 'upstream')
      lines.push(
        `-- upstream: ${h.netns} opens a new connection to ${h.packet.dst}:${h.packet.dstPort ?? ''}`,
      );
    lines.push(fmt(rows[i]!));
    lines.push(`${indent}${h.explain}`);
    if (h.rule) {
      // Rule chains (iptables-save, nft) span several lines: keep them under the hop.
      const [head, ...more] = h.rule.split('\n');
      lines.push(`${indent}rule: ${head}`);
      for (const m of more) lines.push(`${indent}      ${m}`);
      if (h.table) lines[lines.length - 1] += `   [${h.table}]`;
    }
    if (h.outer) lines.push(`${indent}outer: ${outerText(h.outer)}`);
  });
  if (t.conntrack && t.conntrack.length > 0) {
    lines.push('', 'conntrack:');
    for (const c of t.conntrack) lines.push(`  ${c.netns}: ${c.entry}`);
  }
  lines.push('');
  lines.push(
    t.verdict === 'delivered'
      ? `verdict: delivered to ${t.deliveredTo ?? '?'} in ${t.hops.length} hops${t.http ? ` (HTTP ${t.http.status})` : ''}`
      : t.verdict === 'answered'
        ? `verdict: answered by ${t.deliveredTo ?? '?'} with HTTP ${t.http?.status ?? '?'}${t.http?.location ? ` (Location: ${t.http.location})` : ''} after ${t.hops.length} hops`
        : `verdict: dropped (${t.reason ?? 'unknown'}) after ${t.hops.length} hops`,
  );
  return `${lines.join('\n')}\n`;
}
