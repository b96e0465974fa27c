import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology, engineTrace } from '../../core/engine';
import { buildPreset } from '../../scenario/presets/registry';
import { CELL, overviewMap, STRIDE } from '../../worker/overview';
import { drilledTopology, traceNodes } from './overviewFlow';
import { centreOn, fitMap, hitNode, inView, readingOrder, step, zoomAt } from './overviewGeometry';

const engine = buildEngine(buildPreset('l', 1)).engine!;
const map = overviewMap(engine);

describe('overview map view', () => {
  it('fits the whole map, hit-tests cells and zooms about the pointer', () => {
    const v = fitMap(map, 1200, 600);
    expect(map.width * v.zoom).toBeLessThanOrEqual(1200);
    expect(map.height * v.zoom).toBeLessThanOrEqual(600);
    for (let i = 0; i < map.totalNodes; i++) expect(inView(map, v, i, 1200, 600)).toBe(true);
    const i = 17;
    const sx = (map.geometry[i * STRIDE]! + CELL.size / 2) * v.zoom + v.x;
    const sy = (map.geometry[i * STRIDE + 1]! + CELL.size / 2) * v.zoom + v.y;
    expect(hitNode(map, v, sx, sy)).toBe(i);
    expect(hitNode(map, v, -50, -50)).toBe(-1);
    const z = zoomAt(v, 3, sx, sy);
    expect(z.zoom).toBeCloseTo(v.zoom * 3);
    expect(hitNode(map, z, sx, sy)).toBe(i);
    const c = centreOn(map, v, i, 1200, 600, 2);
    expect(c.zoom).toBe(2);
    expect(hitNode(map, c, 600, 300)).toBe(i);
  });

  it('arrow keys walk every node in reading order and move between rows', () => {
    const order = readingOrder(map);
    expect(new Set(order).size).toBe(map.totalNodes);
    let i = order[0]!;
    const seen = new Set([i]);
    for (let k = 1; k < map.totalNodes; k++) seen.add((i = step(map, order, i, 'ArrowRight')));
    expect(seen.size).toBe(map.totalNodes);
    expect(step(map, order, i, 'ArrowRight')).toBe(i);
    const first = order[0]!;
    const below = step(map, order, first, 'ArrowDown');
    expect(map.geometry[below * STRIDE + 1]).toBeGreaterThan(map.geometry[first * STRIDE + 1]!);
    expect(step(map, order, below, 'ArrowUp')).toBe(first);
    expect(step(map, order, first, 'ArrowUp')).toBe(first);
  });
});

describe('aggregated canvas mapping', () => {
  it('a drill-in draws only the focused nodes and the Services behind their Pods', () => {
    const t = engineTopology(engine, ['node-5']);
    const d = drilledTopology(t);
    expect(d.nodes.map((n) => n.name)).toEqual(['node-5']);
    const pods = new Set(d.nodes[0]!.pods.map((p) => p.key));
    expect(d.services.length).toBeGreaterThan(0);
    for (const s of d.services) expect(s.endpoints.some((e) => e.pod && pods.has(e.pod))).toBe(true);
    // Without focus (or a small cluster) nothing is filtered.
    const overview = engineTopology(engine);
    expect(drilledTopology(overview)).toBe(overview);
  });

  it('lists the nodes a trace passes through', () => {
    const t = engineTopology(engine, ['node-1', 'node-2']);
    const [a, b] = [t.nodes.find((n) => n.name === 'node-1')!, t.nodes.find((n) => n.name === 'node-2')!];
    const trace = engineTrace(engine, {
      from: a.pods[0]!.key,
      to: b.pods[0]!.key,
      port: 80,
      protocol: 'TCP',
    });
    expect(traceNodes(trace)).toEqual(['node-1', 'node-2']);
  });
});
