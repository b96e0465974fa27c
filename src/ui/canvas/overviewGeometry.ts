import { CELL, STRIDE, type OverviewMap } from '../../worker/overview';

/**
 * Pan, zoom, hit-testing and arrow-key moves over the overview map (pure: no DOM). A view maps a
 * map point p to the screen as p * zoom + (x, y).
 */
export interface MapView {
  x: number;
  y: number;
  zoom: number;
}

export const ZOOM = { min: 0.05, max: 6 } as const;
const PITCH = CELL.size + CELL.gap;

/** The whole map centred in a w×h box with `pad` px around it. */
export function fitMap(map: OverviewMap, w: number, h: number, pad = 16): MapView {
  const zoom = clampZoom(
    Math.min((w - 2 * pad) / Math.max(1, map.width), (h - 2 * pad) / Math.max(1, map.height)),
  );
  return { zoom, x: (w - map.width * zoom) / 2, y: (h - map.height * zoom) / 2 };
}

const clampZoom = (z: number) => Math.min(ZOOM.max, Math.max(ZOOM.min, z));

/** Zooms by `factor` keeping the screen point (sx, sy) over the same map point. */
export function zoomAt(v: MapView, factor: number, sx: number, sy: number): MapView {
  const zoom = clampZoom(v.zoom * factor);
  const k = zoom / v.zoom;
  return { zoom, x: sx - (sx - v.x) * k, y: sy - (sy - v.y) * k };
}

/** Centres node `i` in a w×h box, zooming in at least to `minZoom`. */
export function centreOn(
  map: OverviewMap,
  v: MapView,
  i: number,
  w: number,
  h: number,
  minZoom = 1,
): MapView {
  const zoom = Math.max(v.zoom, minZoom);
  const cx = map.geometry[i * STRIDE]! + CELL.size / 2;
  const cy = map.geometry[i * STRIDE + 1]! + CELL.size / 2;
  return { zoom, x: w / 2 - cx * zoom, y: h / 2 - cy * zoom };
}

/** The node whose cell holds the screen point, or -1. */
export function hitNode(map: OverviewMap, v: MapView, sx: number, sy: number): number {
  const mx = (sx - v.x) / v.zoom;
  const my = (sy - v.y) / v.zoom;
  const g = map.geometry;
  for (let i = 0; i < map.totalNodes; i++) {
    const x = g[i * STRIDE]!;
    const y = g[i * STRIDE + 1]!;
    if (mx >= x && mx <= x + CELL.size && my >= y && my <= y + CELL.size) return i;
  }
  return -1;
}

/** Whether node `i` is fully on screen in a w×h box. */
export function inView(map: OverviewMap, v: MapView, i: number, w: number, h: number): boolean {
  const x = map.geometry[i * STRIDE]! * v.zoom + v.x;
  const y = map.geometry[i * STRIDE + 1]! * v.zoom + v.y;
  return x >= 0 && y >= 0 && x + CELL.size * v.zoom <= w && y + CELL.size * v.zoom <= h;
}

/** Nodes in reading order (top to bottom, left to right): where the arrow keys go. */
export function readingOrder(map: OverviewMap): Int32Array {
  const g = map.geometry;
  const order = Int32Array.from({ length: map.totalNodes }, (_, i) => i);
  order.sort((a, b) => g[a * STRIDE + 1]! - g[b * STRIDE + 1]! || g[a * STRIDE]! - g[b * STRIDE]!);
  return order;
}

/**
 * The node an arrow key moves to from `i`: left/right step through reading order; up/down go to
 * the nearest cell in the row above/below (across zone bands). Stays put at the edges.
 */
export function step(map: OverviewMap, order: Int32Array, i: number, key: string): number {
  const g = map.geometry;
  const rank = order.indexOf(i);
  if (key === 'ArrowRight') return order[Math.min(order.length - 1, rank + 1)]!;
  if (key === 'ArrowLeft') return order[Math.max(0, rank - 1)]!;
  if (key === 'Home') return order[0]!;
  if (key === 'End') return order[order.length - 1]!;
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return i;
  const down = key === 'ArrowDown';
  const x = g[i * STRIDE]!;
  const y = g[i * STRIDE + 1]!;
  // The next row's y: the first y past this one in that direction.
  let rowY = NaN;
  for (let r = rank; down ? r < order.length : r >= 0; r += down ? 1 : -1) {
    const ry = g[order[r]! * STRIDE + 1]!;
    if (down ? ry > y : ry < y) {
      rowY = ry;
      break;
    }
  }
  if (Number.isNaN(rowY)) return i;
  let best = i;
  let bestD = Infinity;
  for (let j = 0; j < map.totalNodes; j++) {
    if (g[j * STRIDE + 1] !== rowY) continue;
    const d = Math.abs(g[j * STRIDE]! - x);
    if (d < bestD) [best, bestD] = [j, d];
  }
  return best;
}

export { PITCH };
