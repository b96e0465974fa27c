import { describe, expect, it } from 'vitest';
import { buildEngine, engineTrace, withDesigns } from '../../core/engine';
import { smallScenario } from '../../scenario/presets/small';
import { isNatHop, natRows } from './natRows';

const engine = buildEngine(smallScenario()).engine!;
const probe = { from: 'default/client', to: 'default/backend', port: 80, protocol: 'TCP' } as const;

describe('NAT before/after rows', () => {
  it('iptables: the DNAT hop rewrites the VIP to the endpoint the previous hop did not have', () => {
    const t = engineTrace(engine, probe);
    const i = t.hops.findIndex((h) => h.kind === 'dnat');
    const rows = natRows(t.hops[i]!, t.hops[i - 1]!);
    const dst = rows.find((r) => r.key === 'dst')!;
    expect(dst.before).toBe(`${t.hops[i - 1]!.packet.dst}:80`);
    expect(dst.after).toBe(`${t.hops[i]!.packet.dst}:${t.hops[i]!.packet.dstPort}`);
    expect(dst.changed).toBe(true);
    expect(rows.find((r) => r.key === 'src')!.changed).toBe(false);
  });

  it('eBPF at connect(): with no previous hop, the VIP the program asked for is the "before"', () => {
    const e = withDesigns(engine, { ...engine.world.designs, proxy: 'ebpf' });
    const t = engineTrace(e, probe);
    expect(t.hops[0]!.kind).toBe('dnat');
    const dst = natRows(t.hops[0]!, null).find((r) => r.key === 'dst')!;
    expect(dst.before).toBe(t.hops[0]!.say.args.vip);
    expect(dst.changed).toBe(true);
  });

  it('external traffic: the SNAT hop changes only the source', () => {
    const t = engineTrace(engine, { ...probe, from: 'external', to: 'default/frontend' });
    const i = t.hops.findIndex((h) => h.kind === 'snat');
    const rows = natRows(t.hops[i]!, t.hops[i - 1]!);
    expect(rows.filter((r) => r.changed).map((r) => r.key)).toEqual(['src']);
    expect(t.hops.filter(isNatHop).map((h) => h.kind)).toEqual(['lb', 'dnat', 'snat']);
  });
});
