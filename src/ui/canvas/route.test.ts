import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology, engineTrace, withDesigns } from '../../core/engine';
import { smallScenario } from '../../scenario/presets/small';
import { mediumScenario } from '../../scenario/presets/scale';
import { anchorPoints, computeLayout, hopPoints, type Point, type Rect } from './layout';
import { obstacles, routePath } from './route';

/** Does the open segment a→b pass through the inside of r (touching its edge is fine)? */
function crosses(a: Point, b: Point, r: Rect): boolean {
  const e = 0.5;
  const [x0, x1] = [r.x + e, r.x + r.w - e];
  const [y0, y1] = [r.y + e, r.y + r.h - e];
  if (a.x === b.x) return a.x > x0 && a.x < x1 && Math.max(a.y, b.y) > y0 && Math.min(a.y, b.y) < y1;
  if (a.y === b.y) return a.y > y0 && a.y < y1 && Math.max(a.x, b.x) > x0 && Math.min(a.x, b.x) < x1;
  return true; // a diagonal segment is itself a failure: the route is orthogonal
}

const within = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;

describe('the drawn packet path', () => {
  for (const [name, scenario] of [
    ['S', smallScenario()],
    ['M', mediumScenario(1)],
  ] as const) {
    it(`${name}: every leg is orthogonal and crosses no Pod or device but the ones it starts or ends in`, () => {
      const base = buildEngine(scenario).engine!;
      for (const inter of ['overlay', 'routing'] as const) {
        const engine = withDesigns(base, { intra: 'bridge', inter, proxy: 'iptables' });
        const topology = engineTopology(engine);
        const layout = computeLayout(topology);
        const anchors = anchorPoints(topology, layout);
        const boxes = obstacles(layout);
        const pods = topology.nodes.flatMap((n) => n.pods.map((p) => p.key)).slice(0, 8);
        for (const from of pods)
          for (const to of pods) {
            if (from === to) continue;
            const trace = engineTrace(engine, { from, to, port: 8080, protocol: 'TCP' });
            const points = hopPoints(trace, anchors);
            const { points: path, legs } = routePath(trace, points, layout);
            expect(legs.length).toBeGreaterThan(0);
            for (const leg of legs) {
              const a = path[leg.from]!;
              const b = path[leg.to]!;
              const own = boxes.filter((r) => within(r, a) || within(r, b));
              for (let i = leg.from; i < leg.to; i++) {
                const p = path[i]!;
                const q = path[i + 1]!;
                for (const r of boxes) {
                  if (own.includes(r)) continue;
                  expect(crosses(p, q, r), `${from}→${to} ${inter}: (${p.x},${p.y})→(${q.x},${q.y})`).toBe(
                    false,
                  );
                }
              }
            }
            if (inter === 'overlay' && trace.hops.some((h) => h.outer))
              expect(legs.some((l) => l.encap)).toBe(true);
          }
      }
    });
  }
});
