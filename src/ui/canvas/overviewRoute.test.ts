import { describe, expect, it } from 'vitest';
import { CELL, STRIDE, type OverviewMap } from '../../worker/overview';
import { SPINE_X, overviewRoute } from './overviewRoute';

/** A map of `n` nodes in rows of 4 (one zone), as the worker lays it out. */
function grid(n: number): OverviewMap {
  const pitch = CELL.size + CELL.gap;
  const geometry = new Float32Array(n * STRIDE);
  for (let i = 0; i < n; i++) {
    geometry[i * STRIDE] = CELL.bandPad + (i % 4) * pitch;
    geometry[i * STRIDE + 1] = CELL.bandHead + Math.floor(i / 4) * pitch;
    geometry[i * STRIDE + 2] = 10;
  }
  const rows = Math.ceil(n / 4);
  const h = CELL.bandHead + rows * pitch - CELL.gap + CELL.bandPad;
  return {
    geometry,
    names: Array.from({ length: n }, (_, i) => `node-${i}`).join('\n'),
    zones: [{ zone: '', nodes: n, pods: n * 10, x: 0, y: 0, w: 4 * pitch + 2 * CELL.bandPad, h }],
    width: 4 * pitch + 2 * CELL.bandPad,
    height: h,
    totalNodes: n,
    totalPods: n * 10,
    minPods: 10,
    maxPods: 10,
    examplePod: '',
  };
}

/** Does the open segment a→b pass through the inside of cell i? */
function throughCell(map: OverviewMap, i: number, a: { x: number; y: number }, b: { x: number; y: number }) {
  const x0 = map.geometry[i * STRIDE]! + 0.5;
  const y0 = map.geometry[i * STRIDE + 1]! + 0.5;
  const [x1, y1] = [x0 + CELL.size - 1, y0 + CELL.size - 1];
  if (a.x === b.x) return a.x > x0 && a.x < x1 && Math.max(a.y, b.y) > y0 && Math.min(a.y, b.y) < y1;
  return a.y > y0 && a.y < y1 && Math.max(a.x, b.x) > x0 && Math.min(a.x, b.x) < x1;
}

describe('the traced path on the overview map', () => {
  const map = grid(16);
  it('runs node → underlay → node with orthogonal segments and crosses no other node', () => {
    const visits = [6, 13, 3];
    const path = overviewRoute(map, visits);
    expect(path.some((p) => p.x === SPINE_X)).toBe(true);
    for (let k = 1; k < path.length; k++) {
      const [a, b] = [path[k - 1]!, path[k]!];
      expect(a.x === b.x || a.y === b.y).toBe(true);
      for (let i = 0; i < map.totalNodes; i++)
        if (!visits.includes(i))
          expect(throughCell(map, i, a, b), `segment ${k} crosses node-${i}`).toBe(false);
    }
  });

  it('a single node is just its centre; no nodes, no path', () => {
    expect(overviewRoute(map, [5])).toHaveLength(1);
    expect(overviewRoute(map, [])).toEqual([]);
  });
});
