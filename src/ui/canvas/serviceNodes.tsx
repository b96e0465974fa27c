import {
  BaseEdge,
  Handle,
  Position,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import type { ProxyMode } from '../../core/model/scenario';
import type { Topology, TopologyService } from '../../core/topology/types';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { selectHopService } from '../services/activeService';
import type { Layout, Point } from './layout';
import { S, computeServiceLayout, externalAnchors } from './serviceLayout';

export type ServiceCardData = { service: TopologyService };
export type CaptionData = { proxy: ProxyMode; hidden: number };
export type LbData = { services: TopologyService[] };
export type ClientData = Record<string, never>;
export type SvcLinkData = { service: string; points: Point[] };

type ServiceCardNode = Node<ServiceCardData, 'service'>;
type CaptionNode = Node<CaptionData, 'svcCaption'>;
type LbNode = Node<LbData, 'loadBalancer'>;
type ClientNode = Node<ClientData, 'extClient'>;
type SvcLinkEdge = Edge<SvcLinkData, 'svcLink'>;
export type ServiceFlowNode = ServiceCardNode | CaptionNode | LbNode | ClientNode;

const hidden = { opacity: 0, pointerEvents: 'none' as const };
const fixed = { draggable: false, selectable: false } as const;

function ServiceCard({ data }: NodeProps<ServiceCardNode>) {
  const s = data.service;
  const t = useT();
  const current = useApp((st) => selectHopService(st) === s.key);
  const target = useApp((st) => st.probe.to === s.key);
  const choose = useApp((st) => st.chooseProbe);
  const first = s.ports[0];
  const nodePorts = s.ports.filter((p) => p.nodePort !== null).map((p) => p.nodePort);
  const extIps = [...s.loadBalancerIPs, ...s.externalIPs];
  const ready = s.endpoints.filter((e) => e.ready).length;
  return (
    <div
      className={`h-full w-full rounded-lg border-2 border-dashed bg-white/95 font-mono text-xs leading-[19px] text-slate-800 shadow-sm ${
        current ? 'kne-active border-amber-500 bg-amber-50' : target ? 'border-rose-500' : 'border-violet-700'
      }`}
      style={{ padding: S.cardPad }}
      data-testid="service-card"
      data-service={s.key}
      data-active={current}
      role="group"
      aria-label={t.t('svc.card', { svc: s.key, type: s.type })}
    >
      <Handle type="source" position={Position.Left} style={hidden} isConnectable={false} />
      <div className="flex items-center justify-between gap-1" style={{ height: S.titleH }}>
        <span className="min-w-0 truncate font-sans text-sm font-bold text-slate-900" title={s.key}>
          {s.key}
        </span>
        <span className="flex shrink-0 items-center gap-1">
          <span className="rounded bg-violet-700 px-1 font-sans text-[10px] leading-4 font-bold text-white">
            {s.type}
          </span>
          {first && !s.headless && s.type !== 'ExternalName' && (
            <button
              type="button"
              className={`kne-focus nodrag rounded px-1.5 py-0.5 font-sans text-xs font-semibold ${
                target ? 'bg-rose-700 text-white' : 'bg-slate-200 text-slate-800 hover:bg-slate-300'
              }`}
              aria-pressed={target}
              aria-label={t.t('svc.traceTo', { svc: s.key })}
              data-testid="service-trace-to"
              onClick={() => choose({ to: s.key })}
            >
              {t.t('canvas.setTo')}
            </button>
          )}
        </span>
      </div>
      {s.type === 'ExternalName' ? (
        <div className="truncate">{t.t('svc.externalName', { name: s.externalName ?? '' })}</div>
      ) : s.headless ? (
        <div className="truncate font-sans" title={t.t('svc.headless')}>
          {t.t('svc.headless')}
        </div>
      ) : null}
      {s.ports.map((p) => (
        <div key={`${p.protocol}/${p.port}`} className="truncate" data-testid="service-port">
          {s.clusterIP ? `${s.clusterIP}:` : ':'}
          {p.port}/{p.protocol} → {p.targetPort}
        </div>
      ))}
      {nodePorts.length > 0 && (
        <div className="truncate">{t.t('svc.nodePort', { port: nodePorts.join(', ') })}</div>
      )}
      {extIps.length > 0 && <div className="truncate">{t.t('svc.lbIp', { ip: extIps.join(', ') })}</div>}
      <div className={`truncate font-sans ${ready === 0 ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
        {ready === 0 ? t.t('svc.noEndpoints') : t.t('svc.endpoints', { n: ready })}
      </div>
    </div>
  );
}

const MODE_KEY: Record<ProxyMode, MessageKey> = {
  iptables: 'svc.mode.iptables',
  ipvs: 'svc.mode.ipvs',
  nftables: 'svc.mode.nftables',
  ebpf: 'svc.mode.ebpf',
};

function Caption({ data }: NodeProps<CaptionNode>) {
  const t = useT();
  return (
    <div
      className="flex h-full w-full flex-col justify-end text-sm leading-snug"
      data-testid="service-caption"
    >
      <p className="font-bold text-violet-900">{t.t('svc.heading')}</p>
      <p className="text-slate-800">{t.t('svc.caption', { mode: t.t(MODE_KEY[data.proxy]) })}</p>
      {data.hidden > 0 && <p className="text-slate-700">{t.t('svc.more', { n: data.hidden })}</p>}
    </div>
  );
}

const useActiveAnchor = (anchor: string) =>
  useApp((s) => {
    const h = s.trace?.hops[s.hopIndex];
    return !!h && (h.device ? `${h.netns}|${h.device}` : h.netns) === anchor;
  });

function LoadBalancer({ data }: NodeProps<LbNode>) {
  const t = useT();
  const active = useActiveAnchor('external|load balancer');
  const lines = data.services.flatMap((s) =>
    s.loadBalancerIPs.flatMap((ip) =>
      s.ports.filter((p) => p.nodePort !== null).map((p) => `${ip}:${p.port} → :${p.nodePort}`),
    ),
  );
  return (
    <div
      className={`relative h-full w-full rounded-lg border-2 px-2 py-1 text-xs ${
        active ? 'kne-active border-amber-500 bg-amber-100' : 'border-lime-800 bg-lime-50'
      }`}
      data-testid="load-balancer"
      data-anchor="external|load balancer"
      data-active={active}
    >
      {/* The LB forwards onto the node network: a short wire up to the underlay bar. */}
      <span
        aria-hidden="true"
        className="absolute left-1/2 w-[3px] -translate-x-1/2 bg-lime-800"
        style={{ top: -S.extGap, height: S.extGap }}
      />
      <Handle type="target" position={Position.Right} style={hidden} isConnectable={false} />
      <div className="font-bold text-slate-900">{t.t('svc.loadBalancer')}</div>
      <div className="truncate text-slate-700">{t.t('svc.loadBalancerSub')}</div>
      <div className="truncate font-mono text-slate-900" title={lines.join('\n')}>
        {lines[0] ?? ''}
        {lines.length > 1 ? ` +${lines.length - 1}` : ''}
      </div>
    </div>
  );
}

function ExternalClient() {
  const t = useT();
  const active = useActiveAnchor('external');
  const src = useApp((s) => (s.trace?.probe.from === 'external' ? (s.trace.hops[0]?.packet.src ?? '') : ''));
  return (
    <div
      className={`h-full w-full rounded-lg border-2 px-2 py-1 text-xs ${
        active ? 'kne-active border-amber-500 bg-amber-100' : 'border-slate-600 bg-white'
      }`}
      data-testid="external-client"
      data-anchor="external"
    >
      <Handle type="source" position={Position.Left} style={hidden} isConnectable={false} />
      <div className="font-bold text-slate-900">{t.t('svc.extClient')}</div>
      <div className="text-slate-700">{t.t('svc.extClientSub')}</div>
      {src && <div className="font-mono text-slate-900">{src}</div>}
    </div>
  );
}

/** A Service → endpoint Pod link along the corners computed in serviceLayout (not the handles). */
function SvcLink({ id, data }: EdgeProps<SvcLinkEdge>) {
  const active = useApp((s) => !!data && selectHopService(s) === data.service);
  if (!data || data.points.length < 2) return null;
  const d = data.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
  return (
    <BaseEdge
      id={id}
      path={d}
      className={active ? 'kne-edge-svc kne-edge-svc-active' : 'kne-edge-svc'}
      style={{
        stroke: active ? '#d97706' : '#7c3aed',
        strokeWidth: active ? 2.5 : 1.25,
        strokeDasharray: '5 4',
        strokeOpacity: active ? 1 : 0.7,
        fill: 'none',
      }}
    />
  );
}

export const serviceNodeTypes = {
  service: ServiceCard,
  svcCaption: Caption,
  loadBalancer: LoadBalancer,
  extClient: ExternalClient,
};
export const serviceEdgeTypes = { svcLink: SvcLink };

/**
 * The Service layer of the canvas: VIP cards, their dashed links to endpoint Pods, the caption
 * that says a Service is only rules, and the outside world (client, load balancer) when relevant.
 * Also the trace anchors for hops outside the cluster.
 */
export function serviceFlow(
  t: Topology,
  layout: Layout,
  opts: { external: boolean },
): { nodes: ServiceFlowNode[]; edges: SvcLinkEdge[]; anchors: [string, Point][] } {
  const sl = computeServiceLayout(t, layout);
  const nodes: ServiceFlowNode[] = [];
  const edges: SvcLinkEdge[] = [];
  const byKey = new Map(t.services.map((s) => [s.key, s]));
  if (sl.cards.length > 0) {
    nodes.push({
      id: 'svc-caption',
      type: 'svcCaption',
      position: { x: sl.caption.x, y: sl.caption.y },
      width: sl.caption.w,
      height: sl.caption.h,
      data: { proxy: t.designs.proxy, hidden: sl.hidden },
      ...fixed,
    });
  }
  for (const c of sl.cards) {
    const service = byKey.get(c.key);
    if (!service) continue;
    nodes.push({
      id: `svc:${c.key}`,
      type: 'service',
      position: { x: c.rect.x, y: c.rect.y },
      width: c.rect.w,
      height: c.rect.h,
      data: { service },
      ...fixed,
    });
  }
  for (const l of sl.links) {
    edges.push({
      id: `e:svc:${l.service}>${l.pod}`,
      source: `svc:${l.service}`,
      target: `pod:${l.pod}`,
      targetHandle: 'svc',
      type: 'svcLink',
      data: { service: l.service, points: l.points },
      focusable: false,
    });
  }
  const lbServices = t.services.filter((s) => s.type === 'LoadBalancer' && s.loadBalancerIPs.length > 0);
  if (sl.loadBalancer) {
    const r = sl.loadBalancer;
    nodes.push({
      id: 'ext:lb',
      type: 'loadBalancer',
      position: { x: r.x, y: r.y },
      width: r.w,
      height: r.h,
      data: { services: lbServices },
      ...fixed,
    });
  }
  if (opts.external || sl.loadBalancer) {
    const r = sl.client;
    nodes.push({
      id: 'ext:client',
      type: 'extClient',
      position: { x: r.x, y: r.y },
      width: r.w,
      height: r.h,
      data: {},
      ...fixed,
    });
    if (sl.loadBalancer) {
      edges.push({
        id: 'e:client>lb',
        source: 'ext:client',
        target: 'ext:lb',
        type: 'svcLink',
        data: {
          service: '',
          points: [
            { x: r.x, y: r.y + r.h / 2 },
            { x: sl.loadBalancer.x + sl.loadBalancer.w, y: r.y + r.h / 2 },
          ],
        },
        focusable: false,
      });
    }
  }
  return { nodes, edges, anchors: externalAnchors(sl) };
}
