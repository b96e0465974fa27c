import { useEffect, useMemo } from 'react';
import { Background, Controls, ReactFlow, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Topology } from '../../core/topology/types';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { anchorPoints, computeLayout } from './layout';
import { nodeTypes } from './nodes';
import { PacketLayer } from './PacketLayer';
import { toFlow } from './toFlow';
import { serviceEdgeTypes, serviceFlow, serviceNodeTypes } from './serviceNodes';
import { OverviewCanvas, useAggregatedView } from './overview';
import { drilledTopology } from './overviewFlow';

// Module scope, so React Flow never sees a new object and remounts every node.
const allNodeTypes = { ...nodeTypes, ...serviceNodeTypes };

// React Flow turns pointer events off on nodes that are neither selectable, draggable nor
// clickable; the buttons inside our nodes need them.
const keepPointerEvents = () => {};

function FitOnChange({ topology }: { topology: Topology }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView({ padding: 0.06 }));
    return () => cancelAnimationFrame(id);
  }, [topology, fitView]);
  return null;
}

/** The cluster drawing: React Flow for the boxes, the packet layer on top. */
export function Canvas() {
  const topology = useApp((s) => s.topology);
  const t = useT();
  const external = useApp((s) => s.probe.from === 'external' || s.trace?.probe.from === 'external');
  // Large clusters: an overview of node tiles until the user drills into nodes (overview.tsx).
  useAggregatedView();
  const overviewMode = Boolean(topology?.aggregated && topology.focus.length === 0);
  const view = useMemo(() => {
    if (!topology || overviewMode) return null;
    const drawn = drilledTopology(topology);
    const layout = computeLayout(drawn);
    const flow = toFlow(drawn, layout);
    // Services (VIP cards linked to their Pods) and the outside world, beside the cluster.
    const svc = serviceFlow(drawn, layout, { external });
    const anchors = anchorPoints(drawn, layout);
    for (const [k, p] of svc.anchors) anchors.set(k, p);
    return { nodes: [...flow.nodes, ...svc.nodes], edges: [...flow.edges, ...svc.edges], anchors };
  }, [topology, external, overviewMode]);
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
          edgeTypes={serviceEdgeTypes}
          fitView
          fitViewOptions={{ padding: 0.06 }}
          minZoom={0.15}
          maxZoom={2.5}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          zoomOnDoubleClick={false}
          onNodeClick={keepPointerEvents}
          ariaLabelConfig={aria}
        >
          <Background gap={24} color="#cbd5e1" />
          <Controls showInteractive={false} />
          <FitOnChange topology={topology} />
          <PacketLayer anchors={view.anchors} />
        </ReactFlow>
      ) : (
        <p className="p-6 text-lg text-slate-700">{t.t('app.loading')}</p>
      )}
      {topology?.aggregated && !overviewMode && (
        <p className="absolute top-2 right-2 rounded bg-white/90 px-2 py-1 text-sm">
          {t.t('canvas.aggregated', {
            shown: topology.nodes.reduce((a, n) => a + n.pods.length, 0),
            total: topology.totals.pods,
          })}
        </p>
      )}
    </section>
  );
}
