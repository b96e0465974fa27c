import { CELL, STRIDE, type OverviewMap } from '../../worker/overview';

export interface MapPoint {
  x: number;
  y: number;
}

/** The underlay's line on the map: down the left padding of the zone bands, past every row of nodes. */
export const SPINE_X = CELL.bandPad / 2;

/** The gap under node `i`'s row, where its link to the underlay runs. */
const gapBelow = (map: OverviewMap, i: number) => map.geometry[i * STRIDE + 1]! + CELL.size + CELL.gap / 2;
const centre = (map: OverviewMap, i: number): MapPoint => ({
  x: map.geometry[i * STRIDE]! + CELL.size / 2,
  y: map.geometry[i * STRIDE + 1]! + CELL.size / 2,
});

/**
 * The traced packet's way across the overview map (map units), along the links it takes: out of
 * a node's cell into the gap under its row, along that gap to the underlay line at the left, along
 * the underlay to the next node's row, and up into that node — never straight across other nodes.
 * `nodes` are map indices in the order the packet visits them. Pure.
 */
export function overviewRoute(map: OverviewMap, nodes: readonly number[]): MapPoint[] {
  if (nodes.length === 0) return [];
  const first = centre(map, nodes[0]!);
  const out: MapPoint[] = [first];
  for (let k = 1; k < nodes.length; k++) {
    const a = nodes[k - 1]!;
    const b = nodes[k]!;
    const ca = centre(map, a);
    const cb = centre(map, b);
    const ga = gapBelow(map, a);
    const gb = gapBelow(map, b);
    out.push({ x: ca.x, y: ga }, { x: SPINE_X, y: ga }, { x: SPINE_X, y: gb }, { x: cb.x, y: gb }, cb);
  }
  return out;
}

/** The underlay line's ends: from the first band's first row to the last band's last row. */
export function spineExtent(map: OverviewMap): [number, number] | null {
  if (map.zones.length === 0) return null;
  const top = map.zones[0]!.y + CELL.bandHead;
  const last = map.zones[map.zones.length - 1]!;
  return [top, last.y + last.h - CELL.bandPad / 2];
}
