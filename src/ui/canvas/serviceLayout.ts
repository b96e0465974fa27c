import type { Topology, TopologyService } from '../../core/topology/types';
import { L, type Layout, type Point, type Rect } from './layout';

/**
 * Where Services and the outside world sit. Services are abstractions, not boxes on the wire: a
 * column of VIP cards to the right of the cluster, each linked to its endpoint Pods by a thin
 * path that runs above the nodes (a "bus" per Service) and drops into the gap beside the node
 * holding the Pod. The external client and the load balancer sit below the underlay, outside it.
 */

export const S = {
  cardW: 272,
  cardPad: 8,
  titleH: 26,
  rowH: 19,
  cardGap: 14,
  laneGap: 8,
  colGap: 28,
  captionH: 132,
  busTop: -26,
  busStep: 9,
  extW: 210,
  extH: 64,
  extGap: 56,
  /** Cards drawn at most; the rest are counted on the caption. */
  maxCards: 12,
} as const;

/** Rows of text a card shows (title aside): a headless note, one per port, NodePort, LB IPs, endpoints. */
export function cardRows(s: TopologyService): number {
  const ports = Math.max(1, s.ports.length);
  const nodePorts = s.ports.some((p) => p.nodePort !== null) ? 1 : 0;
  const lb = s.loadBalancerIPs.length + s.externalIPs.length > 0 ? 1 : 0;
  const note = s.headless || s.type === 'ExternalName' ? 1 : 0;
  return note + ports + nodePorts + lb + 1;
}

export interface ServiceLink {
  service: string;
  pod: string;
  /** Path corners in flow coordinates, from the card to the Pod's right edge. */
  points: Point[];
}

export interface ServiceLayout {
  caption: Rect;
  cards: { key: string; rect: Rect }[];
  links: ServiceLink[];
  hidden: number;
  loadBalancer: Rect | null;
  client: Rect;
  /** The point on the underlay bar where traffic from outside enters (the network's router). */
  router: Point;
}

export function computeServiceLayout(t: Topology, layout: Layout): ServiceLayout {
  const shown = t.services.slice(0, S.maxCards);
  const hidden = t.totals.services - shown.length;
  const lanes = shown.length;
  const laneX0 = layout.width + S.colGap;
  const colX = laneX0 + lanes * S.laneGap + S.colGap;

  let y = 0;
  const cards = shown.map((s) => {
    const h = S.cardPad * 2 + S.titleH + cardRows(s) * S.rowH;
    const rect = { x: colX, y, w: S.cardW, h };
    y += h + S.cardGap;
    return { key: s.key, rect };
  });

  // Pod boxes by key, and the right edge of the node box holding each.
  const podRects = new Map<string, { rect: Rect; nodeRight: number }>();
  for (const box of layout.nodes) {
    for (const p of box.pods) podRects.set(p.key, { rect: p.rect, nodeRight: box.rect.x + box.rect.w });
  }

  const links: ServiceLink[] = [];
  shown.forEach((s, k) => {
    const card = cards[k]!.rect;
    const laneX = laneX0 + (lanes - 1 - k) * S.laneGap;
    // Lanes further left run lower buses, so no lane crosses another Service's bus.
    const busY = S.busTop - (lanes - 1 - k) * S.busStep;
    // In the gap right of each node; Services take different offsets so paths stay apart.
    const gapOffset = 6 + (k % 6) * 6;
    for (const e of s.endpoints) {
      if (!e.pod) continue;
      const target = podRects.get(e.pod);
      if (!target) continue;
      const sy = card.y + S.cardPad + S.titleH / 2;
      const ty = target.rect.y + L.podPad + L.podNameH / 2;
      const gx = Math.min(target.nodeRight + gapOffset, laneX0 - 4);
      links.push({
        service: s.key,
        pod: e.pod,
        points: [
          { x: card.x, y: sy },
          { x: laneX, y: sy },
          { x: laneX, y: busY },
          { x: gx, y: busY },
          { x: gx, y: ty },
          { x: target.rect.x + target.rect.w, y: ty },
        ],
      });
    }
  });

  const hasLb = t.services.some((s) => s.type === 'LoadBalancer' && s.loadBalancerIPs.length > 0);
  const extY = layout.underlay.y + layout.underlay.h + S.extGap;
  const right = layout.underlay.x + layout.underlay.w;
  const loadBalancer = hasLb ? { x: right - S.extW, y: extY, w: S.extW, h: S.extH } : null;
  const client = { x: right + S.colGap, y: extY, w: S.extW, h: S.extH };
  const router = { x: right - S.extW / 2, y: layout.underlay.y + layout.underlay.h / 2 };
  return {
    caption: { x: colX, y: -S.captionH - 12, w: S.cardW, h: S.captionH },
    cards,
    links,
    hidden: Math.max(0, hidden),
    loadBalancer,
    client,
    router,
  };
}

/** Trace anchors of the outside world: the client, the load balancer and the router's entry point. */
export function externalAnchors(sl: ServiceLayout): [string, Point][] {
  const c = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
  const out: [string, Point][] = [
    ['external', c(sl.client)],
    ['external|router', sl.router],
  ];
  if (sl.loadBalancer) out.push(['external|load balancer', c(sl.loadBalancer)]);
  return out;
}
