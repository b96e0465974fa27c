import { describe, expect, it } from 'vitest';
import { buildEngine, engineTrace } from '../../core/engine';
import { smallScenario } from '../../scenario/presets/small';
import { outerRows, packetRows } from './headerDiff';

const engine = buildEngine(smallScenario()).engine!;
const trace = engineTrace(engine, {
  from: 'default/client',
  to: 'default/backend-1',
  port: 9090,
  protocol: 'TCP',
});

describe('header diff', () => {
  it('marks nothing on the first hop', () => {
    expect(packetRows(trace.hops[0]!, null).some((r) => r.changed)).toBe(false);
  });

  it('marks exactly the fields that differ from the previous hop', () => {
    for (let i = 1; i < trace.hops.length; i++) {
      const [a, b] = [trace.hops[i - 1]!.packet, trace.hops[i]!.packet];
      const rows = Object.fromEntries(
        packetRows(trace.hops[i]!, trace.hops[i - 1]!).map((r) => [r.key, r.changed]),
      );
      expect(rows.ttl).toBe(a.ttl !== b.ttl);
      expect(rows.dstMac).toBe((a.dstMac ?? null) !== (b.dstMac ?? null));
      expect(rows.src).toBe(a.src !== b.src);
    }
  });

  it('shows outer headers only while encapsulated, all new on the encap hop', () => {
    const e = trace.hops.findIndex((h) => h.kind === 'encap');
    expect(e).toBeGreaterThan(0);
    const rows = outerRows(trace.hops[e]!, trace.hops[e - 1]!);
    expect(rows.map((r) => r.key)).toEqual(['src', 'dst', 'udp', 'vni', 'ttl']);
    expect(rows.every((r) => r.changed)).toBe(true);
    expect(outerRows(trace.hops[0]!, null)).toEqual([]);
  });
});
