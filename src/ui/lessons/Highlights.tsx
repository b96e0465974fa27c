import { useStore as useFlowStore } from '@xyflow/react';
import { highlightId } from '../../lessons/claims';
import { findLesson } from '../../lessons/registry';
import { useApp } from '../../store';
import type { Point } from '../canvas/layout';

/**
 * Rings around what the lesson step points at (devices, Pods, nodes), on their own SVG layer over
 * the canvas like the packet, so no canvas node re-renders for a highlight.
 */
export function LessonHighlights({ anchors }: { anchors: Map<string, Point> }) {
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const ref = useApp((s) => s.lesson);
  const topology = useApp((s) => s.topology);
  const step = ref ? findLesson(ref.id)?.steps[ref.step] : undefined;
  if (!step || !topology) return null;
  const points = step.highlights
    .map((h) => highlightId(topology, h))
    .map((id) => (id ? anchors.get(id) : undefined))
    .filter((p): p is Point => !!p);
  if (points.length === 0) return null;
  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      style={{ zIndex: 4 }}
      aria-hidden="true"
      data-testid="lesson-highlights"
    >
      <g transform={`translate(${tx},${ty}) scale(${zoom})`}>
        {points.map((p, i) => (
          <g key={i} transform={`translate(${p.x},${p.y})`} data-testid="lesson-highlight">
            <circle
              r={44}
              fill="#fde68a"
              fillOpacity={0.25}
              stroke="#d97706"
              strokeWidth={5}
              strokeDasharray="10 6"
            />
          </g>
        ))}
      </g>
    </svg>
  );
}
