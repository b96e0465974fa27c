import type { L7Entry } from '../../core/l7/types';
import type { Layout, Point, Rect } from './layout';

/**
 * Where Gateway / IngressClass cards sit: a column left of the cluster, each card level with the
 * first of its proxy Pods, linked to every proxy Pod by a dashed "implemented by" path that runs
 * into the Pod box from its left edge. A Gateway is a declaration, not a device on the wire.
 */
export const G = {
  cardW: 248,
  cardPad: 8,
  rowH: 19,
  gap: 12,
  colGap: 40,
} as const;

/** Rows a card shows: kind label, name, one per listener (or the hosts line), the status line. */
export function gatewayCardRows(listeners: number): number {
  return 3 + Math.max(1, listeners);
}

export interface GatewayLink {
  via: string;
  pod: string;
  points: Point[];
}

export function computeL7Layout(
  entries: { entry: L7Entry; rows: number }[],
  layout: Layout,
): { cards: { via: string; rect: Rect }[]; links: GatewayLink[] } {
  const pods = new Map<string, Rect>();
  for (const box of layout.nodes) for (const p of box.pods) pods.set(p.key, p.rect);
  const x = -G.colGap - G.cardW;
  let floor = -Infinity;
  const cards: { via: string; rect: Rect }[] = [];
  const links: GatewayLink[] = [];
  entries.forEach(({ entry, rows }, k) => {
    const targets = entry.pods.map((p) => [p, pods.get(p)] as const).filter(([, r]) => r);
    const h = G.cardPad * 2 + rows * G.rowH;
    const want = targets[0]?.[1]?.y ?? 0;
    const y = Math.max(want, floor);
    floor = y + h + G.gap;
    const rect = { x, y, w: G.cardW, h };
    cards.push({ via: entry.via, rect });
    const sy = y + G.cardPad + G.rowH * 1.5;
    const laneX = -G.colGap / 2 + (k % 4) * 4;
    for (const [pod, r] of targets) {
      const ty = r!.y + 20;
      links.push({
        via: entry.via,
        pod,
        points: [
          { x: x + G.cardW, y: sy },
          { x: laneX, y: sy },
          { x: laneX, y: ty },
          { x: r!.x, y: ty },
        ],
      });
    }
  });
  return { cards, links };
}
