import type { Node } from '@xyflow/react';
import type { Topology } from '../../core/topology/types';
import type { Trace } from '../../core/trace/types';
import type { OverviewGroup, OverviewPage, OverviewTile } from '../../worker/overview';
import { TILE } from '../../worker/overview';
import type { Point } from './layout';

/**
 * The aggregated canvas as React Flow nodes: one zone band per zone and one tile per node, at the
 * positions the worker computed. Also the drill-in view: only the focused nodes of an aggregated
 * topology, drawn by the detailed canvas.
 */

export type TileFlowNode = Node<{ tile: OverviewTile }, 'tile'>;
export type ZoneFlowNode = Node<{ group: OverviewGroup }, 'zone'>;
export type OverviewFlowNode = TileFlowNode | ZoneFlowNode;

const fixed = { draggable: false, selectable: false, focusable: false } as const;

export function overviewFlow(page: OverviewPage): { nodes: OverviewFlowNode[]; anchors: Map<string, Point> } {
  const nodes: OverviewFlowNode[] = [];
  const anchors = new Map<string, Point>();
  for (const g of page.groups) {
    nodes.push({
      id: `zone:${g.zone}`,
      type: 'zone',
      position: { x: g.x, y: g.y },
      width: g.w,
      height: g.h,
      data: { group: g },
      zIndex: 0,
      ...fixed,
    });
  }
  for (const tile of page.tiles) {
    nodes.push({
      id: `tile:${tile.name}`,
      type: 'tile',
      position: { x: tile.x, y: tile.y },
      width: TILE.w,
      height: TILE.h,
      data: { tile },
      zIndex: 1,
      ...fixed,
    });
    anchors.set(`node/${tile.name}`, { x: tile.x + TILE.w / 2, y: tile.y + TILE.h / 2 });
  }
  return { nodes, anchors };
}

/**
 * What the detailed canvas draws of an aggregated topology: the drilled-in nodes only, and the
 * Services with an endpoint among their Pods. Small topologies pass through unchanged.
 */
export function drilledTopology(t: Topology): Topology {
  if (!t.aggregated || t.focus.length === 0) return t;
  const focus = new Set(t.focus);
  const nodes = t.nodes.filter((n) => focus.has(n.name));
  const pods = new Set(nodes.flatMap((n) => n.pods.map((p) => p.key)));
  const services = t.services.filter((s) => s.endpoints.some((e) => e.pod !== null && pods.has(e.pod)));
  return { ...t, nodes, services };
}

/** The nodes a trace passes through (`node/NAME` hops), in order of first visit. */
export function traceNodes(trace: Trace): string[] {
  const seen = new Set<string>();
  for (const h of trace.hops) if (h.netns.startsWith('node/')) seen.add(h.netns.slice('node/'.length));
  return [...seen];
}
