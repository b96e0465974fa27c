import type { Engine } from '../core/engine';

/**
 * The overview of a large cluster, computed in the worker: every Kubernetes node as one cell of a
 * grid, grouped in bands by zone, with its Pod count (the density the page colours). The geometry
 * crosses to the page as ONE Float32Array (transferred, not cloned) and the names as one string, so
 * a 5,000-node cluster costs the page's thread a copy-free handoff instead of an object graph.
 */

/** Well-known label for the failure domain a node sits in (kubernetes.io/docs/reference/labels-annotations-taints). */
const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** Cell size and gaps of the grid, in canvas units. */
export const CELL = { size: 24, gap: 4, bandPad: 12, bandHead: 36, bandGap: 24 } as const;

/** Floats per node in `geometry`: x, y, Pod count, zone index. */
export const STRIDE = 4;

/** One zone band: a labelled box around the zone's nodes. */
export interface OverviewZone {
  zone: string;
  nodes: number;
  pods: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface OverviewMap {
  /** Per node (cluster order): x, y, Pod count, zone index (see STRIDE). */
  geometry: Float32Array;
  /** Node names in cluster order, joined by "\n". */
  names: string;
  zones: OverviewZone[];
  width: number;
  height: number;
  totalNodes: number;
  totalPods: number;
  /** Fewest and most Pods on one node: the ends of the density colour ramp. */
  minPods: number;
  maxPods: number;
  /** A real Pod (`NS/POD`, not host-network) to show as an example in the search box. */
  examplePod: string;
}

const zoneOf = (labels: Record<string, string>): string => labels[ZONE_LABEL] ?? '';

/** The whole cluster laid out: zones as bands (sorted by name), nodes in a grid inside each. */
export function overviewMap(engine: Engine): OverviewMap {
  const c = engine.cluster;
  const n = c.nodes.length;
  const byZone = new Map<string, number[]>();
  for (const node of c.nodes) {
    const z = zoneOf(node.labels);
    const list = byZone.get(z);
    if (list) list.push(node.index);
    else byZone.set(z, [node.index]);
  }
  // About twice as wide as tall overall, like a screen.
  const cols = Math.max(4, Math.ceil(Math.sqrt(n * 2)));
  const pitch = CELL.size + CELL.gap;
  const bandW = cols * pitch - CELL.gap + 2 * CELL.bandPad;
  const geometry = new Float32Array(n * STRIDE);
  const zones: OverviewZone[] = [];
  let y = 0;
  let maxPods = 0;
  let minPods = n > 0 ? Infinity : 0;
  for (const zone of [...byZone.keys()].sort()) {
    const members = byZone.get(zone)!;
    const zi = zones.length;
    const rows = Math.ceil(members.length / cols);
    let pods = 0;
    members.forEach((idx, i) => {
      const count = c.podsOnNode[idx]!.length;
      pods += count;
      maxPods = Math.max(maxPods, count);
      minPods = Math.min(minPods, count);
      const o = idx * STRIDE;
      geometry[o] = CELL.bandPad + (i % cols) * pitch;
      geometry[o + 1] = y + CELL.bandHead + Math.floor(i / cols) * pitch;
      geometry[o + 2] = count;
      geometry[o + 3] = zi;
    });
    const h = CELL.bandHead + rows * pitch - CELL.gap + CELL.bandPad;
    zones.push({ zone, nodes: members.length, pods, x: 0, y, w: bandW, h });
    y += h + CELL.bandGap;
  }
  return {
    geometry,
    names: c.nodes.map((node) => node.name).join('\n'),
    zones,
    width: bandW,
    height: Math.max(0, y - CELL.bandGap),
    totalNodes: n,
    totalPods: c.pods.length,
    minPods,
    maxPods,
    examplePod: examplePod(engine),
  };
}

/** A Pod from the middle of the cluster, preferring namespace default and a Pod network IP. */
function examplePod(engine: Engine): string {
  const pods = engine.cluster.pods.filter((p) => !p.hostNetwork);
  const pod =
    pods.find((p, i) => p.namespace === 'default' && i >= pods.length / 2) ??
    pods[Math.floor(pods.length / 2)];
  return pod ? `${pod.namespace}/${pod.name}` : '';
}

/** A search answer: a Pod (`NS/POD`) or a node, and the node it is on. */
export interface PodMatch {
  kind: 'pod' | 'node';
  key: string;
  node: string;
}

/** Most suggestions a search returns (the page shows them as a list). */
export const SEARCH_LIMIT = 12;

/**
 * Pods (`NS/POD`) and nodes whose name contains `query` (case-insensitive): prefix matches first,
 * then the rest, at most `limit`. A linear scan in the worker: ~150k Pods take a few ms.
 */
export function searchPods(engine: Engine, query: string, limit: number = SEARCH_LIMIT): PodMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const cap = Math.max(1, Math.min(limit, 50));
  const c = engine.cluster;
  const prefix: PodMatch[] = [];
  const inner: PodMatch[] = [];
  const consider = (m: PodMatch, name: string) => {
    const lower = name.toLowerCase();
    const at = lower.indexOf(q);
    if (at < 0) return;
    // Prefix of the Pod name or of NS/POD counts as a prefix match.
    if (at === 0 || lower[at - 1] === '/') prefix.push(m);
    else if (inner.length < cap) inner.push(m);
  };
  for (const node of c.nodes) {
    if (prefix.length >= cap) break;
    consider({ kind: 'node', key: node.name, node: node.name }, node.name);
  }
  for (const pod of c.pods) {
    if (prefix.length >= cap) break;
    const key = `${pod.namespace}/${pod.name}`;
    consider({ kind: 'pod', key, node: c.nodes[pod.nodeIndex]!.name }, key);
  }
  return [...prefix, ...inner].slice(0, cap);
}

/** Where a Pod (`NS/POD`) runs: its node's name; null when unknown. */
export function locatePod(engine: Engine, key: string): { node: string } | null {
  const c = engine.cluster;
  const i = c.podByKey.get(key.trim());
  const pod = i === undefined ? undefined : c.pods[i];
  if (!pod) return null;
  return { node: c.nodes[pod.nodeIndex]!.name };
}
