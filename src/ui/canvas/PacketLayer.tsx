import { useEffect, useRef } from 'react';
import { easeCubicInOut, select } from 'd3';
import { useStore as useFlowStore } from '@xyflow/react';
import type { Trace } from '../../core/trace/types';
import { HOP_KINDS } from '../../core/trace/hop-kinds';
import { COLOR_HEX } from '../panels/hopStyle';
import { prefersReducedMotion } from '../../platform/motion';
import { useAppStoreApi } from '../../store';
import { hopPoints, type Layout, type Point } from './layout';
import { routePath } from './route';

/** Milliseconds a hop stays on screen at 1× speed. */
export const HOP_MS = 1200;

/** The dot takes the colour of an outcome or L7 hop from the registry; encapsulated packets are amber. */
function dotColor(trace: Trace | null, i: number): string {
  const h = trace?.hops[i];
  if (!h) return COLOR_HEX.sky;
  const info = HOP_KINDS[h.kind];
  if (h.kind === 'drop') return COLOR_HEX[info.color];
  if (h.outer) return COLOR_HEX.amber;
  if (info.category === 'end' || info.category === 'l7') return COLOR_HEX[info.color];
  return COLOR_HEX.sky;
}

/**
 * The packet, on its own SVG layer above the canvas. It reads the hop cursor straight from the
 * store and moves with a D3 transition, so no React Flow node re-renders while it travels. The
 * layer follows pan/zoom by applying the viewport transform to one group.
 */
export function PacketLayer({ anchors, layout }: { anchors: Map<string, Point>; layout?: Layout }) {
  const store = useAppStoreApi();
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const trailRef = useRef<SVGPolylineElement>(null);
  const tunnelRef = useRef<SVGGElement>(null);
  const dotRef = useRef<SVGGElement>(null);

  useEffect(() => {
    let points: (Point | null)[] = [];
    let shownTrace: Trace | null = null;

    const place = (animate: boolean) => {
      const s = store.getState();
      const p = points[s.hopIndex];
      const dot = select(dotRef.current);
      if (!p || !dotRef.current) {
        dot.attr('opacity', 0);
        return;
      }
      const color = dotColor(s.trace, s.hopIndex);
      const encap = Boolean(s.trace?.hops[s.hopIndex]?.outer);
      dot.attr('opacity', 1).attr('data-hop', s.hopIndex);
      dot.select('circle.core').attr('fill', color);
      dot.select('circle.outer').attr('opacity', encap ? 1 : 0);
      const to = `translate(${p.x},${p.y})`;
      const duration = animate && !prefersReducedMotion() ? (HOP_MS * 0.7) / s.speed : 0;
      dot.interrupt();
      if (duration === 0) dot.attr('transform', to);
      else dot.transition().duration(duration).ease(easeCubicInOut).attr('transform', to);
    };

    const redraw = () => {
      const { trace } = store.getState();
      shownTrace = trace;
      points = trace ? hopPoints(trace, anchors) : [];
      // The path along the links it takes (routed around boxes), and the tunnelled legs as an envelope.
      // Without a detailed layout (the overview's tiles) the hops are joined directly.
      const routed =
        trace && layout
          ? routePath(trace, points, layout)
          : {
              points: points.filter((p): p is Point => p !== null),
              legs: [] as { from: number; to: number; encap: boolean }[],
            };
      const text = (ps: Point[]) => ps.map((p) => `${p.x},${p.y}`).join(' ');
      select(trailRef.current).attr('points', text(routed.points));
      const tunnels = routed.legs
        .filter((l) => l.encap)
        .map((l) => text(routed.points.slice(l.from, l.to + 1)));
      select(tunnelRef.current)
        .selectAll('polyline')
        .data(tunnels)
        .join('polyline')
        .attr('points', (d) => d)
        .attr('fill', 'none')
        .attr('stroke', '#b45309')
        .attr('stroke-opacity', 0.3)
        .attr('stroke-width', 18)
        .attr('stroke-linejoin', 'round')
        .attr('stroke-linecap', 'round')
        .attr('data-testid', 'path-tunnel');
      place(false);
    };

    redraw();
    return store.subscribe((s, prev) => {
      if (s.trace !== shownTrace) redraw();
      else if (s.hopIndex !== prev.hopIndex) place(true);
    });
  }, [store, anchors, layout]);

  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      style={{ zIndex: 4 }}
      aria-hidden="true"
      data-testid="packet-layer"
    >
      <g transform={`translate(${tx},${ty}) scale(${zoom})`}>
        <g ref={tunnelRef} data-testid="path-tunnels" />
        <polyline
          ref={trailRef}
          data-testid="path-trail"
          fill="none"
          stroke="#f59e0b"
          strokeOpacity={0.55}
          strokeWidth={6}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
        <g ref={dotRef} opacity={0} data-testid="packet">
          <circle className="outer" r={17} fill="none" stroke="#b45309" strokeWidth={4} opacity={0} />
          <circle className="core" r={11} fill="#0369a1" stroke="#fff" strokeWidth={3} />
        </g>
      </g>
    </svg>
  );
}
