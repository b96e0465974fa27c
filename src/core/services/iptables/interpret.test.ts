import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, ipv4 } from '../../net/ipv4';
import type { ProxyContext, ProxyPacket } from '../proxy/types';
import { ep, port, stateOf } from '../testing/state';
import { setChainIndexing, translateIptables } from './interpret';
import { programIptables } from './program';

const nodeIps = new Set([ipv4('192.168.1.10')]);
const ctx = (over: Partial<ProxyContext> = {}): ProxyContext => ({
  hook: 'PREROUTING',
  isLocal: (ip) => nodeIps.has(ip),
  rng: () => 0.9,
  ...over,
});
const pkt = (
  src: string,
  dst: string,
  dstPort: number,
  protocol: ProxyPacket['protocol'] = 'TCP',
): ProxyPacket => ({
  src: ipv4(src),
  dst: ipv4(dst),
  srcPort: 40000,
  dstPort,
  protocol,
});
/** Deterministic generator for tests (mulberry32). */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('iptables interpreter', () => {
  const three = port(
    'ns1/svc1:p80',
    '172.30.0.41',
    80,
    [ep('10.180.0.1:80'), ep('10.180.0.2:80'), ep('10.180.0.3:80')],
    {
      nodePort: 30080,
    },
  );
  const rules = programIptables(stateOf([three]), 0);

  it('DNATs pod → ClusterIP and lists the matched rules in order', () => {
    const t = translateIptables(rules, pkt('10.244.0.5', '172.30.0.41', 80), ctx({ rng: () => 0.1 }));
    expect(t.action).toBe('dnat');
    expect(formatIpv4(t.endpoint!.ip)).toBe('10.180.0.1');
    expect(t.masquerade).toBe(false);
    const nat = t.matched.filter((m) => m.table === 'nat').map((m) => m.rule);
    expect(nat[0]).toBe('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
    expect(nat[1]).toContain('-A KUBE-SERVICES -d 172.30.0.41/32 -p tcp');
    expect(nat[2]).toContain('--probability 0.33333333349 -j KUBE-SEP-');
    expect(nat[3]).toContain('-j DNAT --to-destination 10.180.0.1:80');
    expect(t.evaluated).toBeGreaterThan(4);
  });

  it('masquerades traffic from outside the cluster CIDR and hairpin traffic', () => {
    const outside = translateIptables(rules, pkt('192.168.1.50', '172.30.0.41', 80), ctx());
    expect(outside.masquerade).toBe(true);
    expect(outside.postrouting.at(-1)!.rule).toContain('-j MASQUERADE --random-fully');
    const hairpin = translateIptables(
      rules,
      pkt('10.180.0.2', '172.30.0.41', 80),
      ctx({ forceEndpoint: { ip: ipv4('10.180.0.2'), port: 80 } }),
    );
    expect(formatIpv4(hairpin.endpoint!.ip)).toBe('10.180.0.2');
    expect(hairpin.masquerade).toBe(true);
  });

  it('serves NodePorts on local addresses and rejects services without endpoints', () => {
    const np = translateIptables(rules, pkt('203.0.113.9', '192.168.1.10', 30080), ctx());
    expect(np.action).toBe('dnat');
    expect(np.masquerade).toBe(true);
    const empty = programIptables(stateOf([port('ns1/none:p', '172.30.0.50', 80, [])]), 0);
    const rej = translateIptables(empty, pkt('10.244.0.5', '172.30.0.50', 80), ctx());
    expect(rej.action).toBe('reject');
    expect(rej.matched.at(-1)!.rule).toBe(
      '-A KUBE-SERVICES -d 172.30.0.50/32 -p tcp -m comment --comment "ns1/none:p has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
  });

  it('drops external traffic on a node without local endpoints (externalTrafficPolicy Local)', () => {
    const local = port('ns2/svc2:p80', '172.30.0.42', 80, [ep('10.180.0.2:80', 'node2')], {
      nodePort: 30081,
      externalTrafficPolicy: 'Local',
    });
    const st = stateOf([local]);
    const onNode1 = translateIptables(
      programIptables(st, 0),
      pkt('203.0.113.9', '192.168.1.10', 30081),
      ctx(),
    );
    expect(onNode1.action).toBe('drop');
    const node2Ips = new Set([ipv4('192.168.1.11')]);
    const onNode2 = translateIptables(
      programIptables(st, 1),
      pkt('203.0.113.9', '192.168.1.11', 30081),
      ctx({ isLocal: (ip) => node2Ips.has(ip) }),
    );
    expect(onNode2.action).toBe('dnat');
    expect(onNode2.masquerade).toBe(false);
  });

  it('keeps ClientIP affinity with recent lists', () => {
    const sticky = port('ns1/s:p', '172.30.0.60', 80, [ep('10.180.0.1:80'), ep('10.180.0.2:80')], {
      sessionAffinity: 'ClientIP',
    });
    const r = programIptables(stateOf([sticky]), 0);
    const affinity = new Map();
    const first = translateIptables(
      r,
      pkt('10.244.0.5', '172.30.0.60', 80),
      ctx({ affinity, rng: () => 0.99 }),
    );
    const second = translateIptables(
      r,
      pkt('10.244.0.5', '172.30.0.60', 80),
      ctx({ affinity, rng: () => 0.01 }),
    );
    expect(second.endpoint).toEqual(first.endpoint);
    expect(second.matched.some((m) => m.rule.includes('--rcheck --seconds 10800 --reap'))).toBe(true);
  });

  it('property: every ClusterIP translation targets a ready endpoint, each with ~1/n share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer(),
        (n, notReady, seed) => {
          const eps = Array.from({ length: n + notReady }, (_, i) =>
            ep(`10.180.1.${i + 1}:8080`, null, i < n),
          );
          const r = programIptables(stateOf([port('a/b:c', '172.30.1.1', 80, eps)]), 0);
          const rng = seeded(seed);
          const counts = new Map<string, number>();
          const trials = 600;
          for (let i = 0; i < trials; i++) {
            const t = translateIptables(r, pkt('10.244.0.5', '172.30.1.1', 80), ctx({ rng }));
            const hit = eps.find((e) => e.ip === t.endpoint!.ip);
            expect(hit?.ready).toBe(true);
            counts.set(formatIpv4(t.endpoint!.ip), (counts.get(formatIpv4(t.endpoint!.ip)) ?? 0) + 1);
          }
          for (const c of counts.values()) expect(Math.abs(c / trials - 1 / n)).toBeLessThan(0.1);
          expect(counts.size).toBe(n);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('property: the KUBE-SERVICES destination index reports exactly what the linear walk does', () => {
    // 60 ports: some without endpoints (filter REJECT rules), some NodePorts, one with ClientIP affinity.
    const ports = Array.from({ length: 60 }, (_, i) =>
      port(
        `ns${i}/svc:p`,
        `172.30.${i >> 4}.${(i & 15) + 1}`,
        80 + (i % 3),
        i % 7 === 0 ? [] : [ep(`10.180.${i}.1:8080`), ep(`10.180.${i}.2:8080`)],
        {
          ...(i % 5 === 0 ? { nodePort: 30000 + i } : {}),
          ...(i === 11 ? { sessionAffinity: 'ClientIP' as const } : {}),
        },
      ),
    );
    const r = programIptables(stateOf(ports), 0);
    const dsts = [...ports.map((p) => formatIpv4(p.clusterIP!)), '192.168.1.10', '172.30.9.9', '8.8.8.8'];
    fc.assert(
      fc.property(
        fc.constantFrom(...dsts),
        fc.constantFrom(80, 81, 82, 30000, 30010, 30055),
        fc.constantFrom('10.244.0.5', '192.168.1.50'),
        fc.constantFrom<ProxyContext['hook']>('PREROUTING', 'OUTPUT'),
        fc.integer(),
        (dst, dport, src, hook, seed) => {
          const run = (indexed: boolean) => {
            setChainIndexing(indexed);
            try {
              return translateIptables(
                r,
                pkt(src, dst, dport),
                ctx({ hook, rng: seeded(seed), affinity: new Map() }),
              );
            } finally {
              setChainIndexing(true);
            }
          };
          expect(run(true)).toEqual(run(false));
        },
      ),
      { numRuns: 300 },
    );
  });
});
