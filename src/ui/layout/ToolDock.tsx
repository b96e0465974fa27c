import {
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import type { MessageKey } from '../../i18n';
import { useAppStoreApi } from '../../store';
import { useT } from '../hooks/useT';
import { tabKeyTarget } from '../hooks/tabKeys';
import { DOCK_MIN, TOOLS, dockMax, useLayout, type ToolId } from './layoutStore';

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
 * The canvas changes height with the panel: keep what was in its centre at the same zoom (a fit
 * would shrink the drawing to half its size and its text with it).
 */
function useRefitOnResize(open: boolean, height: number | null): void {
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
  }, [open, height, store]);
}

/**
 * The secondary tools (Linux view, DNS lookup, NetworkPolicy & YAML, editor) as ARIA tabs under
 * the canvas: one visible at a time, the others stay mounted (their typed input survives), the
 * panel folds away and its height can be dragged or set with ↑ / ↓ on the separator.
 */
export function ToolDock({ panels }: { panels: Record<ToolId, ReactNode> }) {
  const t = useT();
  const tool = useLayout((s) => s.tool);
  const open = useLayout((s) => s.open);
  const height = useLayout((s) => s.height);
  const showTool = useLayout((s) => s.showTool);
  const toggleOpen = useLayout((s) => s.toggleOpen);
  const setHeight = useLayout((s) => s.setHeight);
  const tabsRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ y: number; h: number } | null>(null);
  useLinuxFollowsSelection();
  const [measured, setMeasured] = useState(DOCK_MIN);
  useEffect(() => {
    const el = bodyRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setMeasured(el.getBoundingClientRect().height));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useRefitOnResize(open, height);

  const onTabKey = (e: KeyboardEvent) => {
    const id = tabKeyTarget(e, TOOLS, tool);
    if (id === null) return;
    showTool(id);
    tabsRef.current?.querySelector<HTMLElement>(`[data-tool="${id}"]`)?.focus();
  };

  const current = () => bodyRef.current?.getBoundingClientRect().height ?? DOCK_MIN;
  const onSepKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 96 : 32;
    const d = e.key === 'ArrowUp' ? step : e.key === 'ArrowDown' ? -step : 0;
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    setHeight(current() + d);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, h: current() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setHeight(drag.current.h - (e.clientY - drag.current.y));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const shown = height ?? undefined;
  return (
    <section
      aria-label={t.t('layout.tools')}
      className={`kne-dock flex min-h-0 shrink-0 flex-col rounded-xl border border-slate-300 bg-white ${open ? '' : 'xl:!h-auto'}`}
      data-testid="tool-dock"
      data-open={open}
      data-tool={tool}
    >
      {open && (
        <div
          role="separator"
          tabIndex={0}
          aria-orientation="horizontal"
          aria-label={t.t('layout.resize')}
          aria-controls="tool-dock-body"
          aria-valuemin={DOCK_MIN}
          aria-valuemax={typeof window === 'undefined' ? DOCK_MIN : dockMax()}
          aria-valuenow={Math.round(shown ?? measured)}
          className="kne-focus group hidden h-3 shrink-0 cursor-row-resize touch-none items-center justify-center rounded-t-xl hover:bg-sky-50 xl:flex"
          data-testid="tool-dock-resize"
          onKeyDown={onSepKey}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <span aria-hidden="true" className="h-1 w-12 rounded-full bg-slate-400 group-hover:bg-sky-700" />
        </div>
      )}
      <div className="flex shrink-0 items-end gap-2 border-b border-slate-200 px-2">
        <div
          ref={tabsRef}
          role="tablist"
          aria-label={t.t('layout.tools')}
          className="flex min-w-0 flex-1 flex-wrap gap-1"
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
              className={`kne-focus rounded-t-md border-b-4 px-2.5 py-1.5 text-sm font-semibold whitespace-nowrap ${
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
      <div
        ref={bodyRef}
        id="tool-dock-body"
        hidden={!open}
        className="kne-dock-body min-h-0 overflow-auto xl:h-[var(--dock-h)]"
        style={{ '--dock-h': shown ? `${shown}px` : 'clamp(10rem, 26vh, 22rem)' } as CSSProperties}
      >
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
