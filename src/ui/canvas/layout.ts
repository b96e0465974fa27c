import type { Trace } from '../../core/trace/types';
import type { Topology, TopologyDevice } from '../../core/topology/types';

/**
 * Deterministic layout in flow coordinates: Kubernetes nodes side by side, each a container with
 * its Pods in a grid on top, its host devices below them and its NIC (eth0) at the bottom, right
 * above the underlay bar that links every node. The same topology always gives the same picture.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Point {
  x: number;
  y: number;
}

export const L = {
  pad: 16,
  gap: 12,
  nodeGap: 48,
  headerH: 64,
  podW: 280,
  // Pod box rows (also used by the Pod component so anchors match the drawing).
  podPad: 8,
  podNameH: 30,
  podIpH: 22,
  podRowH: 32,
  podRowGap: 6,
  devH: 72,
  nicH: 58,
  underlayGap: 44,
  underlayH: 64,
} as const;

export const POD_H = L.podPad * 2 + L.podNameH + L.podIpH + 2 * (L.podRowH + L.podRowGap);
/** Offsets of the eth0 and host-veth rows inside a Pod box. */
export const POD_ETH0_Y = L.podPad + L.podNameH + L.podIpH + L.podRowGap;
export const POD_VETH_Y = POD_ETH0_Y + L.podRowH + L.podRowGap;

export interface NodeBox {
  name: string;
  netns: string;
  rect: Rect;
  pods: { key: string; rect: Rect }[];
  devices: { id: string; rect: Rect }[];
}

export interface Layout {
  nodes: NodeBox[];
  underlay: Rect;
  width: number;
  height: number;
}

const KIND_ORDER: Record<TopologyDevice['kind'], number> = {
  bridge: 0,
  veth: 1,
  dummy: 2,
  vxlan: 3,
  loopback: 4,
  physical: 5,
};

/** Host devices drawn in the grid (everything but the NIC), in a stable order. */
export function gridDevices(devices: TopologyDevice[]): TopologyDevice[] {
  return devices
    .filter((d) => d.kind !== 'physical' && d.kind !== 'loopback')
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name));
}

export const nicDevices = (devices: TopologyDevice[]): TopologyDevice[] =>
  devices.filter((d) => d.kind === 'physical');

// A node drilled into at cluster scale holds ~100 Pods: a squarer grid keeps it readable when fitted.
export const podColumns = (n: number): number =>
  n <= 3 ? 1 : n > 30 ? Math.min(12, Math.ceil(Math.sqrt(n))) : Math.min(3, Math.ceil(Math.sqrt(n)));

export function computeLayout(t: Topology): Layout {
  const maxCols = Math.max(1, ...t.nodes.map((n) => podColumns(n.pods.length)));
  const innerW = maxCols * L.podW + (maxCols - 1) * L.gap;
  const nodeW = innerW + 2 * L.pad;
  const devW = (innerW - L.gap) / 2;

  const heights = t.nodes.map((n) => {
    const cols = podColumns(n.pods.length);
    const podRows = Math.ceil(n.pods.length / cols);
    const devRows = Math.ceil(gridDevices(n.devices).length / 2);
    const nics = nicDevices(n.devices).length;
    return (
      L.headerH + podRows * (POD_H + L.gap) + devRows * (L.devH + L.gap) + nics * (L.nicH + L.gap) + L.pad
    );
  });
  const nodeH = Math.max(160, ...heights);

  const nodes: NodeBox[] = t.nodes.map((n, i) => {
    const x0 = i * (nodeW + L.nodeGap);
    const cols = podColumns(n.pods.length);
    const podW = (innerW - (cols - 1) * L.gap) / cols;
    const pods = n.pods.map((p, j) => ({
      key: p.key,
      rect: {
        x: x0 + L.pad + (j % cols) * (podW + L.gap),
        y: L.headerH + Math.floor(j / cols) * (POD_H + L.gap),
        w: podW,
        h: POD_H,
      },
    }));
    const devTop = L.headerH + Math.ceil(n.pods.length / cols) * (POD_H + L.gap);
    const grid = gridDevices(n.devices).map((d, j) => ({
      id: d.id,
      rect: {
        x: x0 + L.pad + (j % 2) * (devW + L.gap),
        y: devTop + Math.floor(j / 2) * (L.devH + L.gap),
        w: devW,
        h: L.devH,
      },
    }));
    // NICs sit at the bottom of the container, nearest the underlay.
    const nics = nicDevices(n.devices)
      .reverse()
      .map((d, j) => ({
        id: d.id,
        rect: { x: x0 + L.pad, y: nodeH - L.pad - (j + 1) * L.nicH - j * L.gap, w: innerW, h: L.nicH },
      }));
    return {
      name: n.name,
      netns: n.netns,
      rect: { x: x0, y: 0, w: nodeW, h: nodeH },
      pods,
      devices: [...grid, ...nics],
    };
  });

  const width = Math.max(nodeW, t.nodes.length * (nodeW + L.nodeGap) - L.nodeGap);
  const underlay = { x: 0, y: nodeH + L.underlayGap, w: width, h: L.underlayH };
  return { nodes, underlay, width, height: underlay.y + underlay.h };
}

const center = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/**
 * Where each drawable thing is, in flow coordinates: devices by id (`netns|dev`), Pods and nodes
 * by netns, and `underlay` / `external`. Trace hops are placed on these anchors.
 */
export function anchorPoints(t: Topology, layout: Layout): Map<string, Point> {
  const m = new Map<string, Point>();
  t.nodes.forEach((n, i) => {
    const box = layout.nodes[i];
    if (!box) return;
    m.set(n.netns, { x: box.rect.x + box.rect.w / 2, y: box.rect.y + L.headerH / 2 });
    for (const d of box.devices) m.set(d.id, center(d.rect));
    n.pods.forEach((p, j) => {
      const r = box.pods[j]?.rect;
      if (!r) return;
      m.set(p.key, { x: r.x + r.w / 2, y: r.y + L.podPad + L.podNameH / 2 });
      m.set(p.eth0.id, { x: r.x + r.w / 2, y: r.y + POD_ETH0_Y + L.podRowH / 2 });
      m.set(p.hostVeth.id, { x: r.x + r.w / 2, y: r.y + POD_VETH_Y + L.podRowH / 2 });
    });
  });
  m.set('underlay', center(layout.underlay));
  m.set('external', { x: layout.underlay.x + layout.underlay.w + 40, y: center(layout.underlay).y });
  return m;
}

/**
 * One point per hop (null when the hop's place is not drawn). A hop on the underlay sits on the
 * bar between the nodes it travels between.
 */
export function hopPoints(trace: Trace, anchors: Map<string, Point>): (Point | null)[] {
  const raw = trace.hops.map((h) => {
    if (h.netns === 'underlay') return null;
    return (h.device ? anchors.get(`${h.netns}|${h.device}`) : undefined) ?? anchors.get(h.netns) ?? null;
  });
  const bar = anchors.get('underlay');
  return trace.hops.map((h, i) => {
    if (h.netns !== 'underlay') return raw[i] ?? null;
    if (!bar) return null;
    const prev = raw
      .slice(0, i)
      .reverse()
      .find((p) => p);
    const next = raw.slice(i + 1).find((p) => p);
    const xs = [prev?.x, next?.x].filter((x): x is number => x !== undefined);
    return { x: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : bar.x, y: bar.y };
  });
}
