import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useApp, useAppStoreApi } from '../../store';
import { useT } from '../hooks/useT';
import { STRIDE } from '../../worker/overview';
import { traceNodes } from './overviewFlow';
import {
  centreOn,
  fitMap,
  hitNode,
  inView,
  readingOrder,
  step,
  zoomAt,
  type MapView,
} from './overviewGeometry';
import { drawOverview } from './overviewDraw';

/**
 * Keeps an aggregated view in step: fetches the overview map when an aggregated topology is shown
 * without one, and draws the nodes a new trace passes through in detail, so its packet has Pods
 * and devices to move along.
 */
export function useAggregatedView(): void {
  const store = useAppStoreApi();
  const aggregated = useApp((s) => s.topology?.aggregated ?? false);
  const missing = useApp((s) => (s.topology?.aggregated ?? false) && s.overview === null);
  useEffect(() => {
    if (missing) void store.getState().showOverview();
  }, [store, missing]);

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

const BTN =
  'kne-focus flex h-9 w-9 items-center justify-center rounded-md border border-slate-500 bg-white text-lg font-bold hover:bg-slate-100';

/**
 * The overview of a large cluster: every node at once, as one <canvas> (zones as bands, nodes as
 * squares coloured by Pod count, the traced packet's nodes in amber). Pan by dragging, zoom with
 * the wheel, a pinch or the buttons; click a node to draw it in detail. From the keyboard the map is one
 * tab stop: arrow keys move a cursor between nodes (announced in a live region), Enter opens it.
 * Drawing is a rAF-batched redraw of a few thousand rectangles: no DOM per node.
 */
export function OverviewCanvas({ aria }: { aria: Record<string, string> }) {
  const map = useApp((s) => s.overview);
  const trace = useApp((s) => s.trace);
  const focusNodes = useApp((s) => s.focusNodes);
  const t = useT();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<MapView | null>(null);
  const frame = useRef(0);
  const drag = useRef<{ x: number; y: number; vx: number; vy: number; moved: boolean } | null>(null);
  // The keyboard cursor belongs to one map: a new map starts without one.
  const [cursorAt, setCursorAt] = useState<{ map: unknown; i: number }>({ map: null, i: -1 });
  const cursor = cursorAt.map === map ? cursorAt.i : -1;
  const setCursor = (i: number) => setCursorAt({ map, i });
  const [hover, setHover] = useState(-1);

  const names = useMemo(() => (map ? map.names.split('\n') : []), [map]);
  const order = useMemo(() => (map ? readingOrder(map) : new Int32Array()), [map]);
  // The traced packet's nodes, in the order it visits them.
  const route = useMemo(() => {
    const idx = new Map(names.map((n, i) => [n, i]));
    return (trace ? traceNodes(trace) : []).map((n) => idx.get(n) ?? -1).filter((i) => i >= 0);
  }, [names, trace]);
  const onPath = useMemo(() => new Set(route), [route]);

  const labels = useMemo(
    () => ({
      zone: (z: string) => (z ? t.t('overview.zone', { zone: z }) : t.t('overview.noZone')),
      count: (nodes: number, pods: number) =>
        t.t('overview.zoneCount', { nodes: nodes.toLocaleString(), pods: pods.toLocaleString() }),
      pods: (n: number) => t.t('overview.pods', { n }),
    }),
    [t],
  );

  const draw = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = canvas.current;
      const box = wrap.current;
      if (!el || !box || !map) return;
      const dpr = window.devicePixelRatio || 1;
      const w = box.clientWidth;
      const h = box.clientHeight;
      if (el.width !== Math.round(w * dpr) || el.height !== Math.round(h * dpr)) {
        el.width = Math.round(w * dpr);
        el.height = Math.round(h * dpr);
      }
      view.current ??= fitMap(map, w, h);
      const ctx = el.getContext('2d');
      if (!ctx) return;
      drawOverview(ctx, map, view.current, { dpr, w, h, onPath, route, cursor, hover, names, labels });
      const v = view.current;
      el.dataset.view = `${v.x},${v.y},${v.zoom}`;
      el.dataset.ready = 'true';
    });
  }, [map, onPath, route, cursor, hover, names, labels]);

  // A new map is shown whole.
  useEffect(() => {
    view.current = null;
  }, [map]);
  useEffect(draw, [draw]);
  useEffect(() => {
    const box = wrap.current;
    if (!box) return;
    const ro = new ResizeObserver(() => draw());
    ro.observe(box);
    return () => ro.disconnect();
  }, [draw]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // The wheel zooms about the pointer (a non-passive listener, so the page does not scroll).
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!view.current) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      view.current = zoomAt(
        view.current,
        Math.exp(-e.deltaY * 0.0015),
        e.clientX - r.left,
        e.clientY - r.top,
      );
      draw();
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [draw]);

  const size = () => ({ w: wrap.current?.clientWidth ?? 0, h: wrap.current?.clientHeight ?? 0 });
  const zoomBy = (f: number) => {
    if (!view.current) return;
    const { w, h } = size();
    view.current = zoomAt(view.current, f, w / 2, h / 2);
    draw();
  };
  const fit = () => {
    if (!map) return;
    const { w, h } = size();
    view.current = fitMap(map, w, h);
    draw();
  };
  const open = (i: number) => {
    const name = names[i];
    if (name) void focusNodes([name]);
  };

  // Pointers down on the map: one drags, two pinch (zoom about their midpoint, on touch screens).
  const touches = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ d: number } | null>(null);
  const spread = () => {
    const [a, b] = [...touches.current.values()];
    return a && b ? { d: Math.hypot(a.x - b.x, a.y - b.y), mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2 } : null;
  };
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!view.current) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    touches.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (touches.current.size === 2) {
      const s0 = spread();
      pinch.current = s0 ? { d: s0.d } : null;
      drag.current = null;
      return;
    }
    drag.current = { x: e.clientX, y: e.clientY, vx: view.current.x, vy: view.current.y, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (touches.current.has(e.pointerId)) touches.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch.current && view.current) {
      const now = spread();
      if (now && pinch.current.d > 0) {
        const r = e.currentTarget.getBoundingClientRect();
        view.current = zoomAt(view.current, now.d / pinch.current.d, now.mx - r.left, now.my - r.top);
        pinch.current = { d: now.d };
        draw();
      }
      return;
    }
    const d = drag.current;
    if (d && view.current) {
      if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 4) d.moved = true;
      if (d.moved) {
        view.current = { ...view.current, x: d.vx + e.clientX - d.x, y: d.vy + e.clientY - d.y };
        draw();
      }
      return;
    }
    if (!map || !view.current) return;
    const r = e.currentTarget.getBoundingClientRect();
    const i = hitNode(map, view.current, e.clientX - r.left, e.clientY - r.top);
    if (i !== hover) setHover(i);
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    touches.current.delete(e.pointerId);
    if (pinch.current) {
      // The pinch ends with the last finger; a pinch is never a click on a node.
      if (touches.current.size === 0) pinch.current = null;
      drag.current = null;
      return;
    }
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved || !map || !view.current) return;
    const r = e.currentTarget.getBoundingClientRect();
    const i = hitNode(map, view.current, e.clientX - r.left, e.clientY - r.top);
    if (i >= 0) open(i);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!map || !view.current || order.length === 0) return;
    if (e.key === '+' || e.key === '=') zoomBy(1.4);
    else if (e.key === '-') zoomBy(1 / 1.4);
    else if (e.key === '0') fit();
    else if ((e.key === 'Enter' || e.key === ' ') && cursor >= 0) open(cursor);
    else if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) {
      const next = cursor < 0 ? order[0]! : step(map, order, cursor, e.key);
      const { w, h } = size();
      if (!inView(map, view.current, next, w, h) || view.current.zoom < 0.6)
        view.current = centreOn(map, view.current, next, w, h, 1);
      setCursor(next);
    } else return;
    e.preventDefault();
  };

  const describe = (i: number) => {
    if (!map || i < 0) return t.t('overview.cursorNone');
    const zone = map.zones[map.geometry[i * STRIDE + 3]!]?.zone ?? '';
    return t.t(onPath.has(i) ? 'overview.cursorPath' : 'overview.cursor', {
      node: names[i]!,
      zone: zone || t.t('overview.noZone'),
      pods: map.geometry[i * STRIDE + 2]!,
    });
  };

  if (!map) return <p className="p-6 text-lg text-slate-700">{t.t('app.loading')}</p>;
  return (
    <div className="absolute inset-0 flex flex-col" data-testid="overview-canvas">
      <div ref={wrap} className="relative min-h-0 flex-1">
        <canvas
          ref={canvas}
          tabIndex={0}
          role="application"
          aria-label={t.t('overview.map', { nodes: map.totalNodes.toLocaleString() })}
          aria-describedby="kne-overview-cursor"
          className="kne-focus absolute inset-0 h-full w-full cursor-pointer touch-none"
          data-testid="overview-map"
          data-nodes={map.totalNodes}
          data-cursor={cursor >= 0 ? names[cursor] : ''}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onPointerLeave={() => setHover(-1)}
          onKeyDown={onKeyDown}
        />
        <div
          role="group"
          aria-label={aria['controls.ariaLabel']}
          className="absolute bottom-2 left-2 flex flex-col gap-1"
        >
          <button
            type="button"
            className={BTN}
            aria-label={aria['controls.zoomIn.ariaLabel']}
            onClick={() => zoomBy(1.4)}
          >
            +
          </button>
          <button
            type="button"
            className={BTN}
            aria-label={aria['controls.zoomOut.ariaLabel']}
            onClick={() => zoomBy(1 / 1.4)}
          >
            −
          </button>
          <button type="button" className={BTN} aria-label={aria['controls.fitView.ariaLabel']} onClick={fit}>
            ⤢
          </button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-300 bg-white px-3 py-1.5 text-sm">
        <span className="flex items-center gap-1" aria-hidden="true">
          <span className="inline-block h-3 w-3 rounded-sm bg-sky-100 ring-1 ring-slate-400" />
          <span className="inline-block h-3 w-3 rounded-sm bg-sky-400" />
          <span className="inline-block h-3 w-3 rounded-sm bg-sky-800" />
        </span>
        <span>
          {t.t('overview.legend')} ({map.minPods}–{map.maxPods})
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-amber-500" aria-hidden="true" />
          {t.t('overview.legendPath')}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-0.5 bg-emerald-700" aria-hidden="true" />
          {t.t('layout.overview.underlay')}
        </span>
        <span
          id="kne-overview-cursor"
          aria-live="polite"
          className="font-semibold text-slate-900"
          data-testid="overview-cursor"
        >
          {describe(cursor >= 0 ? cursor : hover)}
        </span>
      </div>
    </div>
  );
}
