import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology, engineTrace, withDesigns } from '../../core/engine';
import { smallScenario } from '../../scenario/presets/small';
import { anchorPoints, computeLayout, hopPoints, L } from './layout';
import { toFlow } from './toFlow';

const engine = buildEngine(smallScenario()).engine!;
const topology = engineTopology(engine);

const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layout', () => {
  it('is deterministic and puts nodes side by side without overlap', () => {
    const a = computeLayout(topology);
    expect(computeLayout(topology)).toEqual(a);
    expect(a.nodes).toHaveLength(3);
    for (let i = 1; i < a.nodes.length; i++) {
      expect(a.nodes[i]!.rect.x).toBeGreaterThanOrEqual(a.nodes[i - 1]!.rect.x + a.nodes[i - 1]!.rect.w);
      expect(a.nodes[i]!.rect.y).toBe(a.nodes[0]!.rect.y);
    }
    expect(a.underlay.y).toBeGreaterThan(a.nodes[0]!.rect.y + a.nodes[0]!.rect.h);
  });

  it('keeps every Pod and device inside its node and apart from each other', () => {
    for (const box of computeLayout(topology).nodes) {
      const kids = [...box.pods.map((p) => p.rect), ...box.devices.map((d) => d.rect)];
      for (const r of kids) {
        expect(r.x).toBeGreaterThanOrEqual(box.rect.x);
        expect(r.x + r.w).toBeLessThanOrEqual(box.rect.x + box.rect.w);
        expect(r.y).toBeGreaterThanOrEqual(L.headerH - 1);
        expect(r.y + r.h).toBeLessThanOrEqual(box.rect.y + box.rect.h);
      }
      for (let i = 0; i < kids.length; i++)
        for (let j = i + 1; j < kids.length; j++) expect(overlap(kids[i]!, kids[j]!)).toBe(false);
    }
  });
});

describe('toFlow', () => {
  it('emits parents before children and one flow node per drawn thing', () => {
    const { nodes } = toFlow(topology, computeLayout(topology));
    const seen = new Set<string>();
    for (const n of nodes) {
      if (n.parentId) expect(seen.has(n.parentId)).toBe(true);
      seen.add(n.id);
    }
    const pods = topology.nodes.reduce((a, n) => a + n.pods.length, 0);
    const devices = topology.nodes.reduce((a, n) => a + n.devices.length, 0);
    expect(nodes.filter((n) => n.type === 'pod')).toHaveLength(pods);
    expect(nodes.filter((n) => n.type === 'device')).toHaveLength(devices);
    expect(nodes.filter((n) => n.type === 'underlay')).toHaveLength(1);
  });

  it('links Pods to the bridge only when there is one, and every NIC to the underlay', () => {
    const bridged = toFlow(topology, computeLayout(topology)).edges;
    const pods = topology.nodes.reduce((a, n) => a + n.pods.length, 0);
    expect(bridged.filter((e) => e.target.endsWith('|cni0'))).toHaveLength(pods);
    expect(bridged.filter((e) => e.target === 'underlay')).toHaveLength(3);
    const routed = engineTopology(withDesigns(engine, { ...topology.designs, intra: 'routed' }));
    const edges = toFlow(routed, computeLayout(routed)).edges;
    expect(edges.some((e) => e.source.startsWith('pod:'))).toBe(false);
  });
});

describe('hop points', () => {
  it('places every hop of a cross-node trace on a drawn anchor', () => {
    const layout = computeLayout(topology);
    const anchors = anchorPoints(topology, layout);
    const trace = engineTrace(engine, {
      from: 'default/client',
      to: 'default/db-0',
      port: 5432,
      protocol: 'TCP',
    });
    const points = hopPoints(trace, anchors);
    expect(points).toHaveLength(trace.hops.length);
    points.forEach((p, i) => expect(p, `hop ${i} ${trace.hops[i]!.netns}`).not.toBeNull());
    // The underlay hop sits on the bar, between the two nodes.
    const u = trace.hops.findIndex((h) => h.netns === 'underlay');
    expect(u).toBeGreaterThan(0);
    expect(points[u]!.y).toBe(layout.underlay.y + layout.underlay.h / 2);
    const n1 = layout.nodes[0]!.rect;
    const n3 = layout.nodes[2]!.rect;
    expect(points[u]!.x).toBeGreaterThan(n1.x + n1.w / 2);
    expect(points[u]!.x).toBeLessThan(n3.x + n3.w / 2);
  });
});
