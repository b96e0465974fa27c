import { useEffect, useId, useRef } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useApp } from '../../store';
import { hopPoints, type Point } from '../canvas/layout';
import { usePresenter } from './presenterStore';

/**
 * Presenter mode's spotlight, inside the canvas: everything dims except a circle around the current
 * hop's device. It refits the drawing when the mode changes (the canvas just changed size).
 */
export function PresenterFocus({ anchors }: { anchors: Map<string, Point> }) {
  const on = usePresenter((s) => s.on);
  const uid = useId().replace(/:/g, '');
  const { fitView } = useReactFlow();
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const trace = useApp((s) => s.trace);
  const hopIndex = useApp((s) => s.hopIndex);
  // Refit only when the mode really changes: on mount the canvas's own first fit (the cluster at a
  // legible size, or a shared link's viewport) must win.
  const was = useRef(on);
  useEffect(() => {
    if (was.current === on) return;
    was.current = on;
    const id = requestAnimationFrame(() => void fitView({ padding: on ? 0.04 : 0.06 }));
    return () => cancelAnimationFrame(id);
  }, [on, fitView]);
  if (!on || !trace) return null;
  const p = hopPoints(trace, anchors)[hopIndex];
  if (!p) return null;
  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      style={{ zIndex: 5 }}
      aria-hidden="true"
      data-testid="presenter-focus"
    >
      <defs>
        <mask id={`spot-${uid}`}>
          <rect width="100%" height="100%" fill="white" />
          <circle cx={tx + p.x * zoom} cy={ty + p.y * zoom} r={Math.max(70, 150 * zoom)} fill="black" />
        </mask>
      </defs>
      <rect width="100%" height="100%" fill="#0f172a" fillOpacity={0.55} mask={`url(#spot-${uid})`} />
    </svg>
  );
}
