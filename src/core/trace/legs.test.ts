import { describe, expect, it } from 'vitest';
import { buildEngine, engineTrace, withDesigns } from '../engine';
import { smallScenario } from '../../scenario/presets/small';
import { HOP_KIND_IDS, HOP_KINDS, isNatKind } from './hop-kinds';
import { LEGS } from './types';
import { formatIpv4 } from '../net/ipv4';
import { packTrace, unpackTrace } from './wire';
import { HOP_KIND_LABELS } from '../../i18n/hops';

const engine = buildEngine(smallScenario()).engine!;
const tcp = (from: string, to: string, port: number) => ({ from, to, port, protocol: 'TCP' as const });

describe('hop-kind registry', () => {
  it('every kind has a category, a colour and a badge in English and Japanese', () => {
    for (const k of HOP_KIND_IDS) {
      const info = HOP_KINDS[k];
      expect(['l2', 'l3', 'nat', 'policy', 'l7', 'dns', 'end']).toContain(info.category);
      expect(HOP_KIND_LABELS.en[info.label], k).toBeTruthy();
      expect(HOP_KIND_LABELS.ja[info.label], k).toBeTruthy();
    }
  });

  it('the NAT table reads the registry: DNAT, SNAT and the load balancer translate; l7 rewrites headers', () => {
    expect(HOP_KIND_IDS.filter(isNatKind).sort()).toEqual(['dnat', 'lb', 'snat']);
    expect(HOP_KIND_IDS.filter((k) => HOP_KINDS[k].rewrites).sort()).toEqual(['dnat', 'l7', 'lb', 'snat']);
  });
});

describe('traces made of legs', () => {
  it('a connection to a DNS name: the dns leg (query to CoreDNS, then the answer), then the client leg', () => {
    const t = engineTrace(engine, tcp('default/client', 'backend', 80));
    expect(t.verdict).toBe('delivered');
    const legs = t.hops.map((h) => h.leg);
    const firstClient = legs.indexOf('client');
    expect(firstClient).toBeGreaterThan(1);
    // The legs come in order, each a contiguous run of hops.
    expect(legs.slice(0, firstClient).every((l) => l === 'dns')).toBe(true);
    expect(legs.slice(firstClient).every((l) => l === 'client')).toBe(true);
    expect(t.hops[firstClient - 1]!.kind).toBe('dns');
    expect(new Set(legs).size).toBeLessThanOrEqual(LEGS.length);
  });

  it('a plain probe is one client leg', () => {
    const t = engineTrace(engine, tcp('default/client', 'default/db-0', 5432));
    expect(t.hops.every((h) => h.leg === 'client')).toBe(true);
  });
});

describe('facts on hops', () => {
  it('DNAT names its Service and the headers before the rewrite (the VIP)', () => {
    for (const proxy of ['iptables', 'ipvs', 'nftables', 'ebpf'] as const) {
      const e = withDesigns(engine, { ...engine.world.designs, proxy });
      const t = engineTrace(e, tcp('default/client', 'default/backend', 80));
      const dnat = t.hops.find((h) => h.kind === 'dnat')!;
      expect(dnat.service, proxy).toBe('default/backend');
      const vip = e.services.services.find((s) => s.name === 'backend')!.clusterIP;
      expect(dnat.before).toMatchObject({ dstPort: 80 });
      expect(dnat.before!.dst).toBe(formatIpv4(vip!));
      expect(dnat.packet.dst).not.toBe(dnat.before!.dst);
    }
  });

  it('external: the load balancer and the NodePort DNAT name the Service; SNAT keeps the source before', () => {
    const t = engineTrace(engine, tcp('external', 'default/frontend', 80));
    const lb = t.hops.find((h) => h.kind === 'lb')!;
    const dnat = t.hops.find((h) => h.kind === 'dnat')!;
    const snat = t.hops.find((h) => h.kind === 'snat')!;
    expect(lb.service).toBe('default/frontend');
    expect(dnat.service).toBe('default/frontend');
    expect(snat.before!.src).toBe('203.0.113.10');
    expect(snat.packet.src).not.toBe('203.0.113.10');
  });

  it('facts survive the wire format', () => {
    const e = withDesigns(engine, { ...engine.world.designs, proxy: 'ebpf' });
    const t = engineTrace(e, tcp('default/client', 'backend', 80));
    expect(unpackTrace(JSON.parse(JSON.stringify(packTrace(t))))).toEqual(t);
  });
});
