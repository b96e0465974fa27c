import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology, engineTrace } from '../../core/engine';
import { smallScenario } from '../../scenario/presets/small';
import { anchorPoints, computeLayout, hopPoints } from './layout';
import { serviceFlow } from './serviceNodes';
import { natMarks } from './natMarks';

const engine = buildEngine(smallScenario()).engine!;
const topology = engineTopology(engine);
const layout = computeLayout(topology);

function marksFor(probe: Parameters<typeof engineTrace>[1]) {
  const anchors = anchorPoints(topology, layout);
  const svc = serviceFlow(topology, layout, { external: probe.from === 'external' });
  for (const [k, p] of svc.anchors) anchors.set(k, p);
  const trace = engineTrace(engine, probe);
  return { trace, marks: natMarks(trace, hopPoints(trace, anchors)) };
}

describe('NAT marks on the drawn path', () => {
  it('a Pod to a ClusterIP Service: one DNAT mark, at the hop, naming the endpoint it chose', () => {
    const { trace, marks } = marksFor({
      from: 'default/client',
      to: 'default/backend',
      port: 80,
      protocol: 'TCP',
    });
    const i = trace.hops.findIndex((h) => h.kind === 'dnat');
    expect(marks.map((m) => m.kind)).toEqual(['dnat']);
    expect(marks[0]!.hop).toBe(i);
    expect(marks[0]!.addr).toBe(`${trace.hops[i]!.packet.dst}:${trace.hops[i]!.packet.dstPort}`);
  });

  it('from outside to a LoadBalancer: the load balancer, DNAT and SNAT are each marked, stacked where they share a point', () => {
    const { trace, marks } = marksFor({
      from: 'external',
      to: 'default/frontend',
      port: 80,
      protocol: 'TCP',
    });
    expect(marks.map((m) => m.kind)).toEqual(['lb', 'dnat', 'snat']);
    const snat = trace.hops[marks[2]!.hop]!;
    expect(marks[2]!.addr.startsWith(snat.packet.src)).toBe(true);
    for (const m of marks) {
      const same = marks.filter((o) => o.at.x === m.at.x && o.at.y === m.at.y);
      expect(same.map((o) => o.stack)).toEqual(same.map((_, k) => k));
    }
  });

  it('a Pod to a Pod: nothing rewritten, no mark', () => {
    const { marks } = marksFor({
      from: 'default/client',
      to: 'default/frontend-2',
      port: 8080,
      protocol: 'TCP',
    });
    expect(marks).toEqual([]);
  });
});
