import type { Engine } from '../core/engine';
import { formatCidr } from '../core/net/cidr';
import { formatIpv4 } from '../core/net/ipv4';

/**
 * The overview of a large cluster, computed in the worker: Kubernetes nodes as tiles (name, Node IP,
 * Pod CIDR, Pod count) grouped by zone and laid out on a grid, one page at a time so the canvas
 * never mounts more than a page of tiles. Positions come from here, not from the page's thread.
 */

/** Tiles per page: with zone bands and labels this stays under the ~500 drawn elements of the canvas bar. */
export const OVERVIEW_PAGE_SIZE = 200;

/** Well-known label for the failure domain a node sits in (kubernetes.io/docs/reference/labels-annotations-taints). */
const ZONE_LABEL = 'topology.kubernetes.io/zone';

export const TILE = { w: 168, h: 76, gap: 12, cols: 12, bandPad: 16, bandHead: 40, bandGap: 32 } as const;

export interface OverviewTile {
  name: string;
  ip: string;
  podCidr: string;
  podCount: number;
  zone: string;
  x: number;
  y: number;
}

/** One zone band: a labelled box around the zone's tiles on this page. */
export interface OverviewGroup {
  zone: string;
  /** Nodes in this zone on this page, and in the whole cluster. */
  count: number;
  total: number;
  pods: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface OverviewPage {
  page: number;
  pages: number;
  pageSize: number;
  /** Index of the first node on this page (nodes in the cluster's order). */
  first: number;
  totalNodes: number;
  totalPods: number;
  tiles: OverviewTile[];
  groups: OverviewGroup[];
  width: number;
  height: number;
}

const zoneOf = (labels: Record<string, string>): string => labels[ZONE_LABEL] ?? '';

/** One page of the overview: nodes `page*size … page*size+size-1` in cluster order, banded by zone. */
export function overviewPage(engine: Engine, page: number, size: number = OVERVIEW_PAGE_SIZE): OverviewPage {
  const c = engine.cluster;
  const pages = Math.max(1, Math.ceil(c.nodes.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const slice = c.nodes.slice(p * size, p * size + size);

  const zoneTotals = new Map<string, number>();
  for (const n of c.nodes) zoneTotals.set(zoneOf(n.labels), (zoneTotals.get(zoneOf(n.labels)) ?? 0) + 1);
  const byZone = new Map<string, typeof slice>();
  for (const n of slice) {
    const z = zoneOf(n.labels);
    const list = byZone.get(z) ?? [];
    list.push(n);
    byZone.set(z, list);
  }
  const zones = [...byZone.keys()].sort();

  const tiles: OverviewTile[] = [];
  const groups: OverviewGroup[] = [];
  const bandW = TILE.cols * (TILE.w + TILE.gap) - TILE.gap + 2 * TILE.bandPad;
  let y = 0;
  for (const zone of zones) {
    const nodes = byZone.get(zone)!;
    const rows = Math.ceil(nodes.length / TILE.cols);
    const h = TILE.bandHead + rows * (TILE.h + TILE.gap) - TILE.gap + TILE.bandPad;
    let pods = 0;
    nodes.forEach((n, i) => {
      const podCount = c.podsOnNode[n.index]!.length;
      pods += podCount;
      tiles.push({
        name: n.name,
        ip: formatIpv4(n.ip),
        podCidr: formatCidr(n.podCidr),
        podCount,
        zone,
        x: TILE.bandPad + (i % TILE.cols) * (TILE.w + TILE.gap),
        y: y + TILE.bandHead + Math.floor(i / TILE.cols) * (TILE.h + TILE.gap),
      });
    });
    groups.push({ zone, count: nodes.length, total: zoneTotals.get(zone) ?? 0, pods, x: 0, y, w: bandW, h });
    y += h + TILE.bandGap;
  }
  return {
    page: p,
    pages,
    pageSize: size,
    first: p * size,
    totalNodes: c.nodes.length,
    totalPods: c.pods.length,
    tiles,
    groups,
    width: bandW,
    height: Math.max(0, y - TILE.bandGap),
  };
}

/** Where a Pod (`NS/POD`) runs: its node's name and the overview page holding it; null when unknown. */
export function locatePod(
  engine: Engine,
  key: string,
  size: number = OVERVIEW_PAGE_SIZE,
): { node: string; page: number } | null {
  const c = engine.cluster;
  const i = c.podByKey.get(key.trim());
  const pod = i === undefined ? undefined : c.pods[i];
  if (!pod) return null;
  return { node: c.nodes[pod.nodeIndex]!.name, page: Math.floor(pod.nodeIndex / size) };
}

/** The overview page a node is on; null when there is no such node. */
export function nodePage(engine: Engine, name: string, size: number = OVERVIEW_PAGE_SIZE): number | null {
  const i = engine.cluster.nodeByName.get(name);
  return i === undefined ? null : Math.floor(i / size);
}
