import { useEffect, useMemo } from 'react';
import { Background, Controls, ReactFlow, useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Topology } from '../../core/topology/types';
import { useApp, useAppStoreApi } from '../../store';
import { useT } from '../hooks/useT';
import { anchorPoints, computeLayout } from './layout';
import { nodeTypes } from './nodes';
import { PacketLayer } from './PacketLayer';
import { PathLegend } from './PathLegend';
import { NatMarks } from './NatMarks';
import { toFlow } from './toFlow';
import { serviceEdgeTypes, serviceFlow, serviceNodeTypes } from './serviceNodes';
import { l7EdgeTypes, l7Flow, l7NodeTypes } from './l7Nodes';
import { OverviewCanvas, useAggregatedView } from './overview';
import { drilledTopology } from './overviewFlow';
import { LessonHighlights } from '../lessons/Highlights';
import { PresenterFocus } from '../presenter/PresenterFocus';
import { FocusIntoView } from './FocusIntoView';

// Module scope, so React Flow never sees a new object and remounts every node.
const allNodeTypes = { ...nodeTypes, ...serviceNodeTypes, ...l7NodeTypes };
const allEdgeTypes = { ...serviceEdgeTypes, ...l7EdgeTypes };

// React Flow turns pointer events off on nodes that are neither selectable, draggable nor
// clickable; the buttons inside our nodes need them.
const keepPointerEvents = () => {};

/**
 * Shows the drawing: the viewport a link or saved view asked for (its centre at its zoom, whatever
 * the window size), else the whole drawing fitted. React Flow queues a fit until the nodes are
 * measured, so a requested viewport is applied after that fit, never before it.
 */
function ViewportSync({ topology }: { topology: Topology }) {
  const { fitView, setViewport } = useReactFlow();
  const flow = useStoreApi();
  const store = useAppStoreApi();
  const restore = useApp((s) => s.viewportRestore);
  useEffect(() => {
    let live = true;
    const v = store.getState().viewport;
    // The cluster itself (nodes and the underlay) fills the canvas, so a node, its Pods and devices
    // are legible at 1440×900; the Service cards and the outside are a pan or the fit button away.
    // A phone-sized canvas shows the first node whole instead (pan for the others).
    const all = flow.getState().nodes;
    const narrow = flow.getState().width < 700;
    const cluster = (
      narrow
        ? all.filter((n) => n.type === 'k8snode').slice(0, 1)
        : all.filter((n) => n.type === 'k8snode' || n.type === 'underlay')
    ).map((n) => ({ id: n.id }));
    void fitView({ padding: 0.03, ...(cluster.length ? { nodes: cluster } : {}) }).then(() => {
      const { width, height } = flow.getState();
      if (live && v && width > 0 && height > 0)
        void setViewport({ x: width / 2 - v.x * v.zoom, y: height / 2 - v.y * v.zoom, zoom: v.zoom });
    });
    return () => {
      live = false;
    };
  }, [topology, restore, fitView, setViewport, flow, store]);
  return null;
}

/** The cluster drawing: React Flow for the boxes, the packet layer on top. */
export function Canvas() {
  const topology = useApp((s) => s.topology);
  const t = useT();
  const setViewport = useApp((s) => s.setViewport);
  const flowApi = useStoreApi();
  // Where the canvas came to rest (a pan, a zoom, a fit): what a link shares as "what was visible".
  const onMoveEnd = (_: MouseEvent | TouchEvent | null, vp: Viewport) => {
    const { width, height } = flowApi.getState();
    setViewport({ x: (width / 2 - vp.x) / vp.zoom, y: (height / 2 - vp.y) / vp.zoom, zoom: vp.zoom });
  };
  const external = useApp((s) => s.probe.from === 'external' || s.trace?.probe.from === 'external');
  // Large clusters: an overview of node tiles until the user drills into nodes (overview.tsx).
  useAggregatedView();
  const overviewMode = Boolean(topology?.aggregated && topology.focus.length === 0);
  const l7 = useApp((s) => s.l7);
  const view = useMemo(() => {
    if (!topology || overviewMode) return null;
    const drawn = drilledTopology(topology);
    const layout = computeLayout(drawn);
    const flow = toFlow(drawn, layout);
    // Services (VIP cards linked to their Pods) and the outside world, beside the cluster.
    const svc = serviceFlow(drawn, layout, { external });
    const anchors = anchorPoints(drawn, layout);
    for (const [k, p] of svc.anchors) anchors.set(k, p);
    // Gateways / IngressClasses: declaration cards left of the cluster, linked to their proxy Pods.
    const gw = l7Flow(l7, layout);
    return {
      nodes: [...flow.nodes, ...svc.nodes, ...gw.nodes],
      edges: [...flow.edges, ...svc.edges, ...gw.edges],
      anchors,
      layout,
    };
  }, [topology, external, overviewMode, l7]);
  const aria = useMemo(
    () => ({
      'controls.ariaLabel': t.t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t.t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t.t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t.t('canvas.fitView'),
    }),
    [t],
  );

  return (
    <section
      aria-labelledby="canvas-heading"
      id="kne-canvas"
      tabIndex={-1}
      className="kne-focus relative min-h-[240px] flex-1 overflow-hidden rounded-b-xl border border-slate-300 bg-slate-100"
      data-testid="canvas"
    >
      <h2 id="canvas-heading" className="sr-only">
        {t.t('canvas.label')}
      </h2>
      {topology && overviewMode ? (
        <OverviewCanvas aria={aria} />
      ) : topology && view ? (
        <ReactFlow
          nodes={view.nodes}
          edges={view.edges}
          nodeTypes={allNodeTypes}
          edgeTypes={allEdgeTypes}
          minZoom={0.15}
          maxZoom={2.5}
          zoomOnPinch
          panOnDrag
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          zoomOnDoubleClick={false}
          onNodeClick={keepPointerEvents}
          onMoveEnd={onMoveEnd}
          ariaLabelConfig={aria}
        >
          <Background gap={24} color="#cbd5e1" />
          <Controls showInteractive={false} />
          <ViewportSync topology={topology} />
          <FocusIntoView />
          <LessonHighlights anchors={view.anchors} />
          <PacketLayer anchors={view.anchors} layout={view.layout} />
          <NatMarks anchors={view.anchors} />
          <PathLegend />
          <PresenterFocus anchors={view.anchors} />
        </ReactFlow>
      ) : (
        <p className="p-6 text-lg text-slate-700">{t.t('app.loading')}</p>
      )}
      {topology?.aggregated && !overviewMode && (
        <p className="absolute top-2 right-2 rounded bg-white/90 px-2 py-1 text-sm">
          {t.t('canvas.aggregated', {
            // The Pods drawn are those of the drilled-in nodes only, against the whole cluster.
            shown: drilledTopology(topology)
              .nodes.reduce((a, n) => a + n.pods.length, 0)
              .toLocaleString(),
            nodes: topology.focus.join(', '),
            total: topology.totals.pods.toLocaleString(),
          })}
        </p>
      )}
    </section>
  );
}
