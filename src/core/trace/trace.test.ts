import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildEngine, engineTrace, withDesigns, type Engine } from '../engine';
import { formatIpv4 } from '../net/ipv4';
import { smallScenario } from '../../scenario/presets/small';
import { ALL_DESIGNS, arbScenario } from '../testing/arbitraries';
import type { Trace } from './types';

const engineOf = (s = smallScenario()): Engine => {
  const { engine, problems } = buildEngine(s);
  expect(problems).toEqual([]);
  return engine!;
};

const key = (e: Engine, i: number) => `${e.cluster.pods[i]!.namespace}/${e.cluster.pods[i]!.name}`;
const trace = (e: Engine, from: string, to: string): Trace =>
  engineTrace(e, { from, to, port: 8080, protocol: 'TCP' });

describe('packet tracer', () => {
  it('property: under every design every Pod reaches every other Pod with both Pod IPs unchanged', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const e = engineOf(s);
        const pods = e.cluster.pods;
        for (let a = 0; a < pods.length; a++) {
          for (let b = 0; b < pods.length; b++) {
            if (a === b) continue;
            const t = trace(e, key(e, a), key(e, b));
            expect(t.verdict, `${key(e, a)} -> ${key(e, b)}: ${t.hops.at(-1)?.explain}`).toBe('delivered');
            expect(t.deliveredTo).toBe(key(e, b));
            const last = t.hops.at(-1)!;
            expect(last.kind).toBe('deliver');
            expect(last.packet.src).toBe(formatIpv4(pods[a]!.ip));
            expect(last.packet.dst).toBe(formatIpv4(pods[b]!.ip));
            expect(last.outer).toBeNull();
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('property: encapsulation appears exactly on cross-node paths of overlay designs, outer = the two Node IPs', () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), fc.nat(), (s, i, j) => {
        const e = engineOf(s);
        const pods = e.cluster.pods;
        fc.pre(pods.length >= 2);
        const a = i % pods.length;
        const b = j % pods.length;
        fc.pre(a !== b);
        const t = trace(e, key(e, a), key(e, b));
        const encaps = t.hops.filter((h) => h.kind === 'encap');
        const cross = pods[a]!.nodeIndex !== pods[b]!.nodeIndex;
        expect(encaps.length).toBe(cross && s.designs.inter === 'overlay' ? 1 : 0);
        expect(t.hops.filter((h) => h.kind === 'decap').length).toBe(encaps.length);
        for (const h of t.hops.filter((h) => h.outer)) {
          expect(h.outer!.src).toBe(formatIpv4(e.cluster.nodes[pods[a]!.nodeIndex]!.ip));
          expect(h.outer!.dst).toBe(formatIpv4(e.cluster.nodes[pods[b]!.nodeIndex]!.ip));
          expect(h.outer!.dstPort).toBe(
            { bridge: 8472, routed: 4789, ebpf: 8472, ptp: 8472, vpc: 8472 }[s.designs.intra],
          );
        }
        if (cross && s.designs.inter === 'routing') {
          const wire = t.hops.find((h) => h.kind === 'underlay')!;
          expect(wire.packet.src).toBe(formatIpv4(pods[a]!.ip)); // Pod IPs on the wire
          expect(wire.outer).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: no bridge hop in routed or eBPF designs; eBPF hops only in eBPF designs', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const e = engineOf(s);
        const pods = e.cluster.pods;
        for (let a = 0; a < Math.min(pods.length, 4); a++) {
          for (let b = 0; b < pods.length; b++) {
            if (a === b) continue;
            const kinds = new Set(trace(e, key(e, a), key(e, b)).hops.map((h) => h.kind));
            if (s.designs.intra !== 'bridge') expect(kinds.has('bridge')).toBe(false);
            expect(kinds.has('ebpf')).toBe(s.designs.intra === 'ebpf');
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('the same input gives the same trace twice, byte for byte', () => {
    for (const designs of ALL_DESIGNS) {
      const e1 = withDesigns(engineOf(), designs);
      const e2 = withDesigns(engineOf(), designs);
      const probe = { from: 'default/client', to: 'default/db-0', port: 5432, protocol: 'TCP' as const };
      expect(JSON.stringify(engineTrace(e1, probe))).toBe(JSON.stringify(engineTrace(e2, probe)));
    }
  });

  it('TTL drops by one at each routing hop and never at a bridge', () => {
    const e = withDesigns(engineOf(), { intra: 'bridge', inter: 'overlay', proxy: 'iptables' });
    const same = trace(e, 'default/client', 'default/frontend-1');
    expect(same.hops.map((h) => h.kind)).toEqual(['route', 'veth', 'bridge', 'veth', 'deliver']);
    expect(same.hops.at(-1)!.packet.ttl).toBe(64);
    const cross = trace(e, 'default/client', 'default/backend-2');
    expect(cross.hops.at(-1)!.packet.ttl).toBe(62);
    expect(cross.hops.find((h) => h.kind === 'encap')!.rule).toMatch(
      /^[0-9a-f:]{17} dev flannel\.1 dst 192\.168\.1\.12 self permanent$/,
    );
  });

  it('Node → Pod: the kernel picks the source address from the route (flannel.1 carries it)', () => {
    const e = engineOf();
    const t = trace(e, 'node/node-1', 'default/backend-2');
    expect(t.verdict).toBe('delivered');
    expect(t.hops[0]!.packet.src).toBe('10.244.0.0');
    const r = withDesigns(e, { intra: 'routed', inter: 'routing', proxy: 'iptables' });
    expect(trace(r, 'node/node-1', 'default/backend-2').hops[0]!.packet.src).toBe('192.168.1.10');
  });

  it('drops with a typed reason', () => {
    const e = engineOf();
    expect(trace(e, 'default/client', 'default/nope')).toMatchObject({
      verdict: 'dropped',
      reason: 'UNKNOWN_DESTINATION',
    });
    expect(trace(e, 'default/nope', 'default/client')).toMatchObject({
      verdict: 'dropped',
      reason: 'UNKNOWN_SOURCE',
    });
    expect(trace(e, 'default/client', '8.8.8.8')).toMatchObject({
      verdict: 'dropped',
      reason: 'LEFT_CLUSTER',
    });
    // An unused address inside another node's block: routed to that node, which has no such Pod.
    const routed = withDesigns(e, { intra: 'routed', inter: 'routing', proxy: 'iptables' });
    const t = trace(routed, 'default/client', '10.244.2.200');
    expect(t).toMatchObject({ verdict: 'dropped', reason: 'BLACKHOLE' });
    expect(t.hops.at(-1)!.rule).toBe('blackhole 10.244.2.0/24 proto bird');
  });

  it('a trace message stays small (≤ 10 KiB)', () => {
    for (const designs of ALL_DESIGNS) {
      const t = trace(withDesigns(engineOf(), designs), 'default/client', 'default/db-0');
      expect(JSON.stringify(t).length).toBeLessThan(10 * 1024);
    }
  });
});

describe('trace wire format', () => {
  it('packs below 10 KiB and unpacks to the same trace, for Pod, Service and DNS-name probes in every design', async () => {
    const { packTrace, unpackTrace } = await import('./wire');
    for (const designs of ALL_DESIGNS) {
      for (const proxy of ['iptables', 'nftables', 'ipvs', 'ebpf'] as const) {
        const e = withDesigns(engineOf(), { ...designs, proxy });
        for (const [from, to, port] of [
          ['default/client', 'default/db-0', 5432],
          ['default/client', 'default/backend', 80],
          ['default/client', 'backend', 80],
          ['external', 'default/frontend', 80],
        ] as const) {
          const t = engineTrace(e, { from, to, port, protocol: 'TCP' });
          expect(t.verdict, `${from} -> ${to} ${JSON.stringify(designs)} ${proxy}`).toBe('delivered');
          const packed = packTrace(t);
          expect(JSON.stringify(packed).length, `${from} -> ${to}`).toBeLessThanOrEqual(10 * 1024);
          expect(unpackTrace(JSON.parse(JSON.stringify(packed)))).toEqual(t);
        }
      }
    }
  });
});
