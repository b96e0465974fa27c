import {
  BaseEdge,
  Handle,
  Position,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import type { GatewayStatusOut, L7Entry } from '../../core/l7/types';
import type { L7View } from '../../worker/l7View';
import { useT } from '../hooks/useT';
import type { Layout, Point } from './layout';
import { G, computeL7Layout, gatewayCardRows } from './l7Layout';

export type GatewayCardData = {
  entry: L7Entry;
  /** The Gateway's listener status (null for an IngressClass). */
  gateway: GatewayStatusOut | null;
  /** Hosts the Ingresses of this class name (IngressClass only). */
  hosts: string[];
  /** Routes whose status names this entry as an Accepted parent / all that name it. */
  accepted: number;
  routes: number;
};
type GatewayCardNode = Node<GatewayCardData, 'gatewayCard'>;
type GwLinkEdge = Edge<{ points: Point[] }, 'gwLink'>;

const hidden = { opacity: 0, pointerEvents: 'none' as const };

/** The Gateway / IngressClass: a declaration a controller turns into ordinary proxy Pods. */
function GatewayCard({ data }: NodeProps<GatewayCardNode>) {
  const t = useT();
  const { entry, gateway } = data;
  const [kind, ...rest] = entry.via.split('/');
  const name = rest.join('/');
  const kindLabel = kind === 'gateway' ? 'Gateway' : 'IngressClass';
  const ok = data.routes === 0 || data.accepted === data.routes;
  return (
    <div
      className="kne-focus h-full w-full rounded-lg border-2 border-dotted border-rose-700 bg-rose-50/95 font-mono text-xs leading-[19px] text-slate-800 shadow-sm"
      style={{ padding: G.cardPad }}
      data-testid="gateway-card"
      data-via={entry.via}
      role="group"
      tabIndex={0}
      aria-label={t.t('l7.card.label', { kind: kindLabel, name, n: entry.pods.length })}
    >
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
      <div className="truncate font-sans text-[11px] font-semibold text-rose-900">
        {t.t('l7.card.kind', { kind: kindLabel })}
      </div>
      <div className="truncate font-sans text-sm font-bold text-slate-900" title={name}>
        {name}
      </div>
      {gateway ? (
        gateway.listeners.map((l) => (
          <div key={l.name} className="truncate" data-testid="gateway-card-listener">
            {t.t('l7.panel.attached', { name: l.name, n: l.attachedRoutes })}
          </div>
        ))
      ) : (
        <div className="truncate" title={data.hosts.join(', ')}>
          {t.t('l7.card.hosts', { hosts: data.hosts.join(', ') || '*' })}
        </div>
      )}
      <div className={`truncate font-sans ${ok ? 'text-green-900' : 'font-semibold text-red-800'}`}>
        {t.t('l7.card.status', { accepted: data.accepted, n: data.routes, impl: entry.implementation })}
      </div>
    </div>
  );
}

/** The dashed "implemented by" link from a declaration to one of its proxy Pods. */
function GwLink({ id, data }: EdgeProps<GwLinkEdge>) {
  if (!data || data.points.length < 2) return null;
  const d = data.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
  return (
    <BaseEdge
      id={id}
      path={d}
      className="kne-edge-gw"
      style={{ stroke: '#be123c', strokeWidth: 1.5, strokeDasharray: '2 4', fill: 'none' }}
    />
  );
}

export const l7NodeTypes = { gatewayCard: GatewayCard };
export const l7EdgeTypes = { gwLink: GwLink };

/** The cards' data from the worker's L7 view: listener status, routes that name the entry, hosts. */
export function gatewayCardData(view: L7View): GatewayCardData[] {
  return view.entries.map((entry) => {
    const isGw = entry.via.startsWith('gateway/');
    const parent = entry.via.replace(/^(gateway|ingressclass)\//, '');
    const gateway = isGw ? (view.status.gateways.find((g) => g.name === parent) ?? null) : null;
    const naming = view.status.routes.filter((r) => r.parents.some((p) => p.gateway === parent));
    const accepted = naming.filter((r) =>
      r.parents.some(
        (p) => p.gateway === parent && p.conditions.some((c) => c.type === 'Accepted' && c.status === 'True'),
      ),
    ).length;
    const hosts = isGw
      ? []
      : view.routes
          .filter((r) => r.kind === 'Ingress' && naming.some((n) => n.name === r.key))
          .flatMap((r) => r.hosts ?? []);
    return { entry, gateway, hosts: [...new Set(hosts)], accepted, routes: naming.length };
  });
}

/** Gateway / IngressClass cards left of the cluster and their links to the proxy Pods. */
export function l7Flow(
  view: L7View | null,
  layout: Layout,
): { nodes: GatewayCardNode[]; edges: GwLinkEdge[] } {
  if (!view || view.entries.length === 0) return { nodes: [], edges: [] };
  const data = gatewayCardData(view);
  const gl = computeL7Layout(
    data.map((d) => ({ entry: d.entry, rows: gatewayCardRows(d.gateway?.listeners.length ?? 1) })),
    layout,
  );
  const nodes: GatewayCardNode[] = gl.cards.map((c, i) => ({
    id: `gw:${c.via}`,
    type: 'gatewayCard',
    position: { x: c.rect.x, y: c.rect.y },
    width: c.rect.w,
    height: c.rect.h,
    data: data[i]!,
    draggable: false,
    selectable: false,
  }));
  const edges: GwLinkEdge[] = gl.links.map((l) => ({
    id: `e:gw:${l.via}>${l.pod}`,
    source: `gw:${l.via}`,
    target: `pod:${l.pod}`,
    type: 'gwLink',
    data: { points: l.points },
    focusable: false,
  }));
  return { nodes, edges };
}
