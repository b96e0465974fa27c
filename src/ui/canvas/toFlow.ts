import type { Edge, Node } from '@xyflow/react';
import type { Topology, TopologyDevice, TopologyNode, TopologyPod } from '../../core/topology/types';
import type { Layout, Rect } from './layout';

export type K8sNodeData = { node: TopologyNode };
export type DeviceData = { device: TopologyDevice; nic: boolean };
export type PodData = { pod: TopologyPod };
export type UnderlayData = { cidr: string; gateway: string; ports: { id: string; x: number }[] };

export type K8sFlowNode = Node<K8sNodeData, 'k8snode'>;
export type DeviceFlowNode = Node<DeviceData, 'device'>;
export type PodFlowNode = Node<PodData, 'pod'>;
export type UnderlayFlowNode = Node<UnderlayData, 'underlay'>;
export type FlowNode = K8sFlowNode | DeviceFlowNode | PodFlowNode | UnderlayFlowNode;

const rel = (r: Rect, parent: Rect) => ({ x: r.x - parent.x, y: r.y - parent.y });

/**
 * The React Flow view of a topology: a container per Kubernetes node (parents come first, as React
 * Flow requires), its devices and Pods as children, and the underlay bar. Edges: each Pod's veth
 * to the node's bridge (when there is one), the VXLAN device to the NIC it sends through, and each
 * NIC to the underlay.
 */
export function toFlow(t: Topology, layout: Layout): { nodes: FlowNode[]; edges: Edge[] } {
  const nodes: FlowNode[] = [];
  const edges: Edge[] = [];
  const ports: UnderlayData['ports'] = [];

  t.nodes.forEach((n, i) => {
    const box = layout.nodes[i];
    if (!box) return;
    const parentId = `node:${n.name}`;
    nodes.push({
      id: parentId,
      type: 'k8snode',
      position: { x: box.rect.x, y: box.rect.y },
      width: box.rect.w,
      height: box.rect.h,
      data: { node: n },
      draggable: false,
      selectable: false,
    });
    n.pods.forEach((p, j) => {
      const r = box.pods[j]?.rect;
      if (!r) return;
      nodes.push({
        id: `pod:${p.key}`,
        type: 'pod',
        parentId,
        position: rel(r, box.rect),
        width: r.w,
        height: r.h,
        data: { pod: p },
        draggable: false,
        selectable: false,
      });
    });
    const byId = new Map(n.devices.map((d) => [d.id, d]));
    for (const { id, rect } of box.devices) {
      const d = byId.get(id);
      if (!d) continue;
      nodes.push({
        id: `dev:${id}`,
        type: 'device',
        parentId,
        position: rel(rect, box.rect),
        width: rect.w,
        height: rect.h,
        data: { device: d, nic: d.kind === 'physical' },
        draggable: false,
        selectable: false,
      });
    }

    const bridge = n.devices.find((d) => d.kind === 'bridge');
    if (bridge) {
      for (const p of n.pods) {
        edges.push({
          id: `e:${p.key}>${bridge.id}`,
          source: `pod:${p.key}`,
          target: `dev:${bridge.id}`,
          type: 'smoothstep',
          className: 'kne-edge-veth',
        });
      }
    }
    const nic = n.devices.find((d) => d.kind === 'physical');
    if (nic) {
      for (const v of n.devices.filter((d) => d.kind === 'vxlan')) {
        edges.push({
          id: `e:${v.id}>${nic.id}`,
          source: `dev:${v.id}`,
          target: `dev:${nic.id}`,
          type: 'smoothstep',
          className: 'kne-edge-tunnel',
        });
      }
      const nicBox = box.devices.find((d) => d.id === nic.id);
      const portId = `port-${i}`;
      ports.push({
        id: portId,
        x: (nicBox ? nicBox.rect.x + nicBox.rect.w / 2 : box.rect.x + box.rect.w / 2) - layout.underlay.x,
      });
      edges.push({
        id: `e:${nic.id}>underlay`,
        source: `dev:${nic.id}`,
        target: 'underlay',
        targetHandle: portId,
        type: 'straight',
        className: 'kne-edge-underlay',
      });
    }
  });

  nodes.push({
    id: 'underlay',
    type: 'underlay',
    position: { x: layout.underlay.x, y: layout.underlay.y },
    width: layout.underlay.w,
    height: layout.underlay.h,
    data: { cidr: t.underlay.cidr, gateway: t.underlay.gateway, ports },
    draggable: false,
    selectable: false,
  });
  return { nodes, edges };
}
