import type { Trace } from '../../core/trace/types';
import { L, type Layout, type Point, type Rect } from './layout';

/**
 * The packet's path drawn along the links it takes, not as straight lines across the drawing: each
 * leg leaves a box sideways into the gutter beside it, runs along the gaps between rows and
 * columns (never through another Pod or device), and crosses between nodes under them, on the
 * underlay. Pure: the same trace and layout give the same polyline.
 */

/** Where a hop is drawn: inside a box of a node (Pod, device, NIC), on the underlay bar, or elsewhere. */
type Place = { kind: 'box'; node: number; rect: Rect } | { kind: 'bar' } | { kind: 'outside' };

const inside = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;

/** The box a point sits in: the innermost Pod or device rect of a node. */
export function placeOf(layout: Layout, p: Point): Place {
  const u = layout.underlay;
  if (inside(u, p)) return { kind: 'bar' };
  for (let k = 0; k < layout.nodes.length; k++) {
    const n = layout.nodes[k]!;
    if (!inside(n.rect, p)) continue;
    const box = n.pods.find((x) => inside(x.rect, p)) ?? n.devices.find((d) => inside(d.rect, p));
    return { kind: 'box', node: k, rect: box?.rect ?? { x: p.x, y: p.y, w: 0, h: 0 } };
  }
  return { kind: 'outside' };
}

const gap = L.gap / 2;

/** Between the nodes and the underlay bar: the lane every cross-node leg runs along. */
const lowLane = (layout: Layout) => layout.underlay.y - L.underlayGap / 2;
/** Below the underlay bar: the lane to and from things outside the cluster. */
const outerLane = (layout: Layout) => layout.underlay.y + layout.underlay.h + 24;
/** The left gutter of a node (inside its padding, left of every column). */
const nodeGutter = (layout: Layout, k: number) => layout.nodes[k]!.rect.x + L.pad / 2;

/** From a point in a box to `lane` (a y in a free horizontal gap), via the gutter left of the box. */
function exitTo(layout: Layout, at: Point, place: Extract<Place, { kind: 'box' }>, laneY: number): Point[] {
  const gx = place.rect.x - gap;
  const own = place.rect.x - L.pad <= layout.nodes[place.node]!.rect.x + 1;
  // A box in the leftmost column leaves straight into the node's gutter.
  if (own)
    return [
      at,
      { x: nodeGutter(layout, place.node), y: at.y },
      { x: nodeGutter(layout, place.node), y: laneY },
    ];
  // Else: into the gap left of it, along the row gap below it, then into the node's gutter.
  const rowGap = place.rect.y + place.rect.h + gap;
  return [
    at,
    { x: gx, y: at.y },
    { x: gx, y: rowGap },
    { x: nodeGutter(layout, place.node), y: rowGap },
    { x: nodeGutter(layout, place.node), y: laneY },
  ];
}

/** A leg between two hop points, as a polyline (both ends included). */
export function routeLeg(layout: Layout, a: Point, b: Point): Point[] {
  const pa = placeOf(layout, a);
  const pb = placeOf(layout, b);
  if (pa.kind === 'box' && pb.kind === 'box' && pa.rect === pb.rect) return [a, b];
  if (pa.kind === 'box' && pb.kind === 'box' && pa.node === pb.node) {
    // Within a node: out of a into the gutter, along the row gap above b, into b from its left.
    const lane = pb.rect.y - gap;
    const out = exitTo(layout, a, pa, lane);
    const entry = reversed(exitTo(layout, b, pb, lane));
    return join(out, entry);
  }
  const laneOf = (p: Place) => (p.kind === 'outside' ? outerLane(layout) : lowLane(layout));
  const legOut = (pt: Point, pl: Place, lane: number): Point[] =>
    pl.kind === 'box' ? exitTo(layout, pt, pl, lane) : [pt, { x: pt.x, y: lane }];
  if (pa.kind === 'outside' || pb.kind === 'outside') {
    const lane = outerLane(layout);
    return join(legOut(a, pa, lane), reversed(legOut(b, pb, lane)));
  }
  const lane = laneOf(pa);
  return join(legOut(a, pa, lane), reversed(legOut(b, pb, lane)));
}

const reversed = (ps: Point[]) => [...ps].reverse();

/** Concatenates two polylines that meet on the same horizontal lane, dropping repeated points. */
function join(a: Point[], b: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of [...a, ...b]) {
    const last = out[out.length - 1];
    if (!last || last.x !== p.x || last.y !== p.y) out.push(p);
  }
  return out;
}

/** The whole path: one routed leg per pair of consecutive drawn hops, and for each leg whether it is tunnelled. */
export function routePath(
  trace: Trace,
  points: (Point | null)[],
  layout: Layout,
): { points: Point[]; legs: { from: number; to: number; encap: boolean }[] } {
  const all: Point[] = [];
  const legs: { from: number; to: number; encap: boolean }[] = [];
  let prev: { p: Point; i: number } | null = null;
  points.forEach((p, i) => {
    if (!p) return;
    if (prev) {
      const leg = routeLeg(layout, prev.p, p);
      const start = all.length === 0 ? 0 : all.length - 1;
      for (const q of all.length ? leg.slice(1) : leg) all.push(q);
      // Tunnelled when both ends travel inside the outer (VXLAN) header.
      legs.push({
        from: start,
        to: all.length - 1,
        encap: Boolean(trace.hops[prev.i]?.outer && trace.hops[i]?.outer),
      });
    } else all.push(p);
    prev = { p, i };
  });
  return { points: all, legs };
}

/** Every rect that the route must not cross: Pods and devices of every node. */
export function obstacles(layout: Layout): Rect[] {
  return layout.nodes.flatMap((n) => [...n.pods.map((p) => p.rect), ...n.devices.map((d) => d.rect)]);
}
