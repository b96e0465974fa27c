import { CELL, STRIDE, type OverviewMap } from '../../worker/overview';
import type { MapView } from './overviewGeometry';
import { SPINE_X, overviewRoute, spineExtent } from './overviewRoute';

/**
 * Paints the overview map on a 2D canvas: zone bands with their labels (in screen pixels, so they
 * stay readable at any zoom), one square per node in a density colour, the underlay as a line down
 * the bands' left edge, amber for the traced path (its nodes, and its way between them along the
 * links: node → underlay → node),
 * a ring for the keyboard cursor and the pointer. Only cells in view are painted, grouped by colour
 * so a frame is a few thousand fillRects.
 */

/** Density ramp (Tailwind sky-100 … sky-800): light = the emptiest node, dark = the fullest. */
const RAMP = ['#e0f2fe', '#bae6fd', '#7dd3fc', '#38bdf8', '#0ea5e9', '#0284c7', '#0369a1', '#075985'];
const PATH = '#f59e0b';
const PATH_EDGE = '#92400e';

export interface DrawOptions {
  dpr: number;
  w: number;
  h: number;
  onPath: ReadonlySet<number>;
  /** The path's nodes in the order the packet visits them (drawn along the links between them). */
  route: readonly number[];
  cursor: number;
  hover: number;
  names: readonly string[];
  labels: { zone(z: string): string; count(nodes: number, pods: number): string; pods(n: number): string };
}

export function drawOverview(
  ctx: CanvasRenderingContext2D,
  map: OverviewMap,
  v: MapView,
  o: DrawOptions,
): void {
  const { dpr, w, h } = o;
  const g = map.geometry;
  const s = CELL.size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#f1f5f9';
  ctx.fillRect(0, 0, w, h);

  // Zone bands.
  ctx.setTransform(dpr * v.zoom, 0, 0, dpr * v.zoom, dpr * v.x, dpr * v.y);
  ctx.lineWidth = 1.5 / v.zoom;
  ctx.setLineDash([6 / v.zoom, 4 / v.zoom]);
  for (const z of map.zones) {
    ctx.fillStyle = 'rgba(255,255,255,0.7)';
    ctx.fillRect(z.x, z.y, z.w, z.h);
    ctx.strokeStyle = '#64748b';
    ctx.strokeRect(z.x, z.y, z.w, z.h);
  }
  ctx.setLineDash([]);

  // Cells in view, by colour bucket.
  const x0 = -v.x / v.zoom - s;
  const y0 = -v.y / v.zoom - s;
  const x1 = (w - v.x) / v.zoom;
  const y1 = (h - v.y) / v.zoom;
  const visible: number[] = [];
  for (let i = 0; i < map.totalNodes; i++) {
    const x = g[i * STRIDE]!;
    const y = g[i * STRIDE + 1]!;
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) visible.push(i);
  }
  const buckets: number[][] = RAMP.map(() => []);
  const share = (i: number) => (g[i * STRIDE + 2]! - map.minPods) / Math.max(1, map.maxPods - map.minPods);
  for (const i of visible) {
    if (o.onPath.has(i)) continue;
    const b = Math.min(RAMP.length - 1, Math.floor(share(i) * RAMP.length));
    buckets[b]!.push(i);
  }
  buckets.forEach((cells, b) => {
    ctx.fillStyle = RAMP[b]!;
    for (const i of cells) ctx.fillRect(g[i * STRIDE]!, g[i * STRIDE + 1]!, s, s);
  });
  const px = s * v.zoom;
  if (px >= 8) {
    ctx.strokeStyle = '#94a3b8';
    ctx.lineWidth = 1 / v.zoom;
    for (const i of visible) ctx.strokeRect(g[i * STRIDE]!, g[i * STRIDE + 1]!, s, s);
  }
  // The underlay (a line down the bands' left padding) and the packet's way along it between nodes.
  const spine = spineExtent(map);
  if (spine) {
    ctx.strokeStyle = '#047857';
    ctx.lineWidth = Math.max(1.5, 2 / v.zoom);
    ctx.beginPath();
    ctx.moveTo(SPINE_X, spine[0]);
    ctx.lineTo(SPINE_X, spine[1]);
    ctx.stroke();
  }
  const way = overviewRoute(map, o.route);
  if (way.length > 1) {
    ctx.strokeStyle = PATH;
    ctx.lineWidth = Math.max(2, 4 / v.zoom);
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(way[0]!.x, way[0]!.y);
    for (const p of way.slice(1)) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
  // The traced path's nodes: amber with a dark edge, never smaller than a few pixels.
  ctx.fillStyle = PATH;
  ctx.strokeStyle = PATH_EDGE;
  ctx.lineWidth = 2 / v.zoom;
  const grow = Math.max(0, 6 / v.zoom - s) / 2;
  for (const i of o.onPath) {
    const x = g[i * STRIDE]! - grow;
    const y = g[i * STRIDE + 1]! - grow;
    ctx.fillRect(x, y, s + 2 * grow, s + 2 * grow);
    ctx.strokeRect(x, y, s + 2 * grow, s + 2 * grow);
  }

  // Screen-space text and rings from here on.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const sx = (i: number) => g[i * STRIDE]! * v.zoom + v.x;
  const sy = (i: number) => g[i * STRIDE + 1]! * v.zoom + v.y;
  // Node names and Pod counts once a cell is big enough to hold them.
  if (px >= 64) {
    ctx.textBaseline = 'top';
    const big = Math.min(16, px / 6);
    for (const i of visible) {
      const dark = !o.onPath.has(i) && share(i) >= 0.5;
      ctx.fillStyle = dark ? '#ffffff' : '#0f172a';
      ctx.font = `600 ${big}px system-ui, sans-serif`;
      ctx.fillText(o.names[i]!, sx(i) + 4, sy(i) + 4, px - 8);
      ctx.font = `${big * 0.9}px system-ui, sans-serif`;
      ctx.fillText(o.labels.pods(g[i * STRIDE + 2]!), sx(i) + 4, sy(i) + 8 + big, px - 8);
    }
  }
  // Zone labels above each band's nodes.
  ctx.textBaseline = 'middle';
  for (const z of map.zones) {
    // Kept on screen while any of the band is (a panned band still says which zone it is).
    const lx = Math.max(8, z.x * v.zoom + v.x + 8);
    if (lx > (z.x + z.w) * v.zoom + v.x) continue;
    const ly = (z.y + CELL.bandHead / 2) * v.zoom + v.y;
    if (ly < -20 || ly > h + 20) continue;
    const text = `${o.labels.zone(z.zone)} — ${o.labels.count(z.nodes, z.pods)}`;
    ctx.font = '600 14px system-ui, sans-serif';
    const tw = ctx.measureText(text).width;
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.fillRect(lx - 4, ly - 11, tw + 8, 22);
    ctx.fillStyle = '#0f172a';
    ctx.fillText(text, lx, ly);
  }
  const ring = (i: number, colour: string, width: number) => {
    if (i < 0) return;
    const size = Math.max(px, 8);
    const off = (size - px) / 2;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.strokeRect(sx(i) - off - width, sy(i) - off - width, size + 2 * width, size + 2 * width);
  };
  ring(o.hover, '#0369a1', 2);
  ring(o.cursor, '#0f172a', 3);
}
