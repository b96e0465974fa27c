import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n';
import { useAppStoreApi } from '../../store';
import { useT } from '../hooks/useT';
import { tabKeyTarget } from '../hooks/tabKeys';
import { CANVAS_MIN, DOCK_MIN, TOOLS, dockMax, useLayout, type ToolId } from './layoutStore';

const LABEL: Record<ToolId, MessageKey> = {
  linux: 'layout.tool.linux',
  dns: 'layout.tool.dns',
  policy: 'layout.tool.policy',
  editor: 'layout.tool.editor',
  l7: 'layout.tool.l7',
};

/** Opens the Linux view whenever a netns gets picked (a click on the canvas, a shared link). */
function useLinuxFollowsSelection(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    // Already picked before the page was drawn (a link or a reload restored it).
    if (store.getState().selectedNetns !== null) useLayout.getState().showTool('linux');
    return store.subscribe((s, prev) => {
      if (s.selectedNetns !== null && s.selectedNetns !== prev.selectedNetns)
        useLayout.getState().showTool('linux');
    });
  }, [store]);
}

/**
 * The canvas changes size with the panel: keep what was in its centre at the same zoom (a fit
 * would shrink the drawing and its text with it).
 */
function useRefitOnResize(open: boolean, width: number | null): void {
  const store = useAppStoreApi();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(() =>
      store.setState((s) => ({ viewportRestore: s.viewportRestore + 1 })),
    );
    return () => cancelAnimationFrame(id);
  }, [open, width, store]);
}

/**
 * The secondary tools (Linux view, DNS lookup, NetworkPolicy & YAML, editor, Gateways) as ARIA
 * tabs: one visible at a time, the others stay mounted (their typed input survives). From 1280 px
 * wide an open panel sits beside the canvas (the drawing keeps its height and zoom) and its width
 * can be dragged or set with ← / → on the separator, kept for the next visit; folded, only the tab
 * strip shows under the canvas. Narrower windows stack it under the canvas.
 */
export function ToolDock({ panels }: { panels: Record<ToolId, ReactNode> }) {
  const t = useT();
  const tool = useLayout((s) => s.tool);
  const open = useLayout((s) => s.open);
  const width = useLayout((s) => s.width);
  const showTool = useLayout((s) => s.showTool);
  const toggleOpen = useLayout((s) => s.toggleOpen);
  const setWidth = useLayout((s) => s.setWidth);
  const sectionRef = useRef<HTMLElement>(null);
  const tabsRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; w: number } | null>(null);
  useLinuxFollowsSelection();
  // The panel's drawn width and the centre column's (the separator's range), kept current.
  const [box, setBox] = useState({ w: DOCK_MIN, centre: DOCK_MIN + CANVAS_MIN });
  useEffect(() => {
    const el = sectionRef.current;
    const parent = el?.parentElement;
    if (!el || !parent || typeof ResizeObserver === 'undefined') return;
    const measure = () =>
      setBox({ w: el.getBoundingClientRect().width, centre: parent.getBoundingClientRect().width });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    ro.observe(parent);
    return () => ro.disconnect();
  }, []);
  useRefitOnResize(open, width);
  const max = dockMax(box.centre);

  const onTabKey = (e: KeyboardEvent) => {
    const id = tabKeyTarget(e, TOOLS, tool);
    if (id === null) return;
    showTool(id);
    tabsRef.current?.querySelector<HTMLElement>(`[data-tool="${id}"]`)?.focus();
  };

  const current = () => sectionRef.current?.getBoundingClientRect().width ?? DOCK_MIN;
  // The separator is the panel's left edge: ← widens the panel, → gives the canvas the room.
  const onSepKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 96 : 32;
    let next: number | null = null;
    if (e.key === 'ArrowLeft') next = current() + step;
    else if (e.key === 'ArrowRight') next = current() - step;
    else if (e.key === 'Home') next = DOCK_MIN;
    else if (e.key === 'End') next = max;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    setWidth(next, max);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, w: current() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setWidth(drag.current.w - (e.clientX - drag.current.x), max);
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return (
    <section
      ref={sectionRef}
      aria-label={t.t('layout.tools')}
      className="kne-dock relative flex min-h-0 min-w-0 shrink-0 flex-col rounded-xl border border-slate-300 bg-white"
      data-testid="tool-dock"
      data-open={open}
      data-tool={tool}
    >
      {open && (
        <div
          role="separator"
          tabIndex={0}
          aria-orientation="vertical"
          aria-label={t.t('layout.resize')}
          aria-controls="tool-dock-body"
          aria-valuemin={DOCK_MIN}
          aria-valuemax={max}
          aria-valuenow={Math.round(width ?? box.w)}
          aria-valuetext={t.t('layout.resizeValue', { px: Math.round(width ?? box.w) })}
          className="kne-dock-sep kne-focus group absolute inset-y-0 -left-3 z-10 hidden w-3 cursor-col-resize touch-none items-center justify-center rounded-md hover:bg-sky-100"
          data-testid="tool-dock-resize"
          onKeyDown={onSepKey}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <span aria-hidden="true" className="h-12 w-1 rounded-full bg-slate-400 group-hover:bg-sky-700" />
        </div>
      )}
      <div className="flex shrink-0 items-end gap-2 border-b border-slate-200 px-2">
        <div
          ref={tabsRef}
          role="tablist"
          aria-label={t.t('layout.tools')}
          className="flex min-w-0 flex-1 flex-wrap gap-x-1"
          onKeyDown={onTabKey}
        >
          {TOOLS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tool-tab-${id}`}
              data-tool={id}
              data-testid={`tool-tab-${id}`}
              aria-selected={id === tool}
              aria-controls={`tool-panel-${id}`}
              tabIndex={id === tool ? 0 : -1}
              className={`kne-focus rounded-t-md border-b-4 px-2 py-1.5 text-sm font-semibold whitespace-nowrap ${
                id === tool
                  ? 'border-sky-700 bg-sky-50 text-sky-950'
                  : 'border-transparent text-slate-800 hover:bg-slate-100'
              }`}
              onClick={() => showTool(id)}
            >
              {t.t(LABEL[id])}
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="tool-dock-body"
          className="kne-focus mb-1 shrink-0 rounded-md border border-slate-500 bg-white px-2 py-1 text-sm font-semibold hover:bg-slate-100"
          data-testid="tool-dock-toggle"
          title={t.t(open ? 'layout.hidePanel' : 'layout.showPanel')}
          onClick={toggleOpen}
        >
          <span aria-hidden="true">{open ? '▾ ' : '▴ '}</span>
          <span className="xl:max-2xl:sr-only">{t.t(open ? 'layout.hidePanel' : 'layout.showPanel')}</span>
        </button>
      </div>
      <div id="tool-dock-body" hidden={!open} className="kne-dock-body min-h-0 overflow-auto">
        {TOOLS.map((id) => (
          <div
            key={id}
            role="tabpanel"
            id={`tool-panel-${id}`}
            aria-labelledby={`tool-tab-${id}`}
            hidden={id !== tool}
            data-testid={`tool-panel-${id}`}
          >
            {panels[id]}
          </div>
        ))}
      </div>
    </section>
  );
}
