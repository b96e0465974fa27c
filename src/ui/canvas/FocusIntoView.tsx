import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { prefersReducedMotion } from '../../platform/motion';

/** Room kept between a focused control and the canvas edge, in screen pixels. */
const MARGIN = 16;
/** A control closer to the edge than its focus ring (3 px outline, 2 px offset) is moved too. */
const RING = 6;

/**
 * Keyboard users tab through the buttons inside the drawing (From/To, devices, Service cards). A
 * focused control outside the visible canvas is panned into view, as a browser scrolls a focused
 * element into view on a page: the canvas clips its drawing and keeps it under its own viewport, so
 * the browser's own scroll cannot do it. The zoom is kept; the pan is instant with reduced motion.
 */
export function FocusIntoView() {
  const flow = useStoreApi();
  const { getViewport, setViewport } = useReactFlow();
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const root = flow.getState().domNode;
      const el = e.target;
      if (!root || !(el instanceof HTMLElement) || !root.contains(el) || !el.closest('.react-flow__node'))
        return;
      // Keyboard focus only (:focus-visible): a click focuses its button too, and panning under
      // the pointer between press and release would lose the click.
      if (!el.matches(':focus-visible')) return;
      // the browser may have scrolled the clipped wrapper to reach the control: undo that first
      root.scrollTop = 0;
      root.scrollLeft = 0;
      const box = root.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      const outside =
        r.left < box.left + RING ||
        r.right > box.right - RING ||
        r.top < box.top + RING ||
        r.bottom > box.bottom - RING;
      if (!outside) return;
      // then bring it in with a margin
      let dx = 0;
      let dy = 0;
      if (r.left < box.left + MARGIN) dx = box.left + MARGIN - r.left;
      else if (r.right > box.right - MARGIN) dx = box.right - MARGIN - r.right;
      if (r.top < box.top + MARGIN) dy = box.top + MARGIN - r.top;
      else if (r.bottom > box.bottom - MARGIN) dy = box.bottom - MARGIN - r.bottom;
      if (dx === 0 && dy === 0) return;
      const v = getViewport();
      void setViewport(
        { x: v.x + dx, y: v.y + dy, zoom: v.zoom },
        { duration: prefersReducedMotion() ? 0 : 200 },
      );
    };
    // on the document: the canvas element is not there yet when this first runs
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [flow, getViewport, setViewport]);
  return null;
}
