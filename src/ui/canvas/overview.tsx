import { useEffect, useMemo, useRef } from 'react';
import { Background, Controls, ReactFlow, useReactFlow } from '@xyflow/react';
import { useApp, useAppStoreApi } from '../../store';
import { useT } from '../hooks/useT';
import { overviewFlow, traceNodes } from './overviewFlow';
import { overviewNodeTypes } from './overviewNodes';
import { PacketLayer } from './PacketLayer';

const noEdges: never[] = [];
const keepPointerEvents = () => {};

/**
 * Keeps an aggregated view in step: fetches the overview page whenever the overview is shown again
 * (a new scenario, back from a drill-in), and draws the nodes a new trace passes through in detail,
 * so its packet has Pods and devices to move along.
 */
export function useAggregatedView(): void {
  const store = useAppStoreApi();
  const aggregated = useApp((s) => s.topology?.aggregated ?? false);
  const overviewShown = useApp((s) => (s.topology?.aggregated ?? false) && s.topology?.focus.length === 0);
  const topology = useApp((s) => s.topology);
  useEffect(() => {
    if (!overviewShown) return;
    const s = store.getState();
    void s.showOverviewPage(s.overviewPageIndex);
    // Refetch for each newly shown aggregated topology (its identity changes per load or drill).
  }, [store, overviewShown, topology]);

  const lastTrace = useRef(store.getState().trace);
  useEffect(
    () =>
      store.subscribe((s) => {
        if (s.trace === lastTrace.current) return;
        lastTrace.current = s.trace;
        if (!s.trace || !s.topology?.aggregated) return;
        const nodes = traceNodes(s.trace);
        const focus = new Set(s.topology.focus);
        if (nodes.length > 0 && !(nodes.every((n) => focus.has(n)) && nodes.length === focus.size))
          void s.focusNodes(nodes);
      }),
    [store, aggregated],
  );
}

function FitOnPage({ page }: { page: unknown }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView({ padding: 0.04 }));
    return () => cancelAnimationFrame(id);
  }, [page, fitView]);
  return null;
}

/**
 * The overview of a large cluster: node tiles in zone bands, one page at a time (≤ 200 tiles), with
 * React Flow mounting only what is in view. Click a tile to draw that node in detail.
 */
export function OverviewCanvas({ aria }: { aria: Record<string, string> }) {
  const page = useApp((s) => s.overview);
  const t = useT();
  const flow = useMemo(() => (page ? overviewFlow(page) : null), [page]);
  if (!page || !flow) return <p className="p-6 text-lg text-slate-700">{t.t('app.loading')}</p>;
  return (
    <ReactFlow
      nodes={flow.nodes}
      edges={noEdges}
      nodeTypes={overviewNodeTypes}
      onlyRenderVisibleElements
      fitView
      fitViewOptions={{ padding: 0.04 }}
      minZoom={0.1}
      maxZoom={2.5}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      zoomOnDoubleClick={false}
      onNodeClick={keepPointerEvents}
      ariaLabelConfig={aria}
      data-testid="overview-canvas"
    >
      <Background gap={24} color="#cbd5e1" />
      <Controls showInteractive={false} />
      <FitOnPage page={page} />
      <PacketLayer anchors={flow.anchors} />
    </ReactFlow>
  );
}
