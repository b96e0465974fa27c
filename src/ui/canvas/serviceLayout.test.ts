import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology } from '../../core/engine';
import { smallScenario } from '../../scenario/presets/small';
import { anchorPoints, computeLayout, hopPoints } from './layout';
import { computeServiceLayout, externalAnchors } from './serviceLayout';
import { engineTrace } from '../../core/engine';

const engine = buildEngine(smallScenario()).engine!;
const topology = engineTopology(engine);
const layout = computeLayout(topology);
const sl = computeServiceLayout(topology, layout);

const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('service layout', () => {
  it('draws one card per Service beside the cluster, never over a node or the underlay', () => {
    expect(sl.cards.map((c) => c.key)).toEqual(topology.services.map((s) => s.key));
    for (const c of sl.cards) {
      expect(c.rect.x).toBeGreaterThan(layout.width);
      for (const n of layout.nodes) expect(overlap(c.rect, n.rect)).toBe(false);
      expect(overlap(c.rect, layout.underlay)).toBe(false);
    }
    for (let i = 1; i < sl.cards.length; i++)
      expect(overlap(sl.cards[i - 1]!.rect, sl.cards[i]!.rect)).toBe(false);
  });

  it('links each Service to exactly its endpoint Pods, running above the nodes and ending at the Pod', () => {
    for (const s of topology.services) {
      const pods = s.endpoints.flatMap((e) => (e.pod ? [e.pod] : []));
      expect(
        sl.links
          .filter((l) => l.service === s.key)
          .map((l) => l.pod)
          .sort(),
      ).toEqual(pods.sort());
    }
    const podRect = new Map(layout.nodes.flatMap((n) => n.pods.map((p) => [p.key, p.rect])));
    for (const l of sl.links) {
      const bus = l.points[2]!;
      expect(bus.y).toBeLessThan(0); // above every node box (they start at y = 0)
      const end = l.points.at(-1)!;
      const r = podRect.get(l.pod)!;
      expect(end.x).toBe(r.x + r.w);
      expect(end.y).toBeGreaterThan(r.y);
      expect(end.y).toBeLessThan(r.y + r.h);
      // Every segment is horizontal or vertical.
      for (let i = 1; i < l.points.length; i++) {
        const a = l.points[i - 1]!;
        const b = l.points[i]!;
        expect(a.x === b.x || a.y === b.y).toBe(true);
      }
    }
  });

  it('puts the load balancer and the external client below the underlay, and anchors the external hops there', () => {
    const lb = sl.loadBalancer!;
    expect(lb).not.toBeNull(); // preset S has a LoadBalancer Service
    expect(lb.y).toBeGreaterThan(layout.underlay.y + layout.underlay.h);
    expect(sl.client.y).toBeGreaterThan(layout.underlay.y + layout.underlay.h);
    expect(overlap(lb, sl.client)).toBe(false);

    const anchors = anchorPoints(topology, layout);
    for (const [k, p] of externalAnchors(sl)) anchors.set(k, p);
    const t = engineTrace(engine, { from: 'external', to: 'default/frontend', port: 80, protocol: 'TCP' });
    const points = hopPoints(t, anchors);
    expect(points.every((p) => p !== null)).toBe(true);
    expect(t.hops[0]!.kind).toBe('lb');
    expect(points[0]).toEqual({ x: lb.x + lb.w / 2, y: lb.y + lb.h / 2 });
  });
});
