import type { ReactNode } from 'react';
import { useT } from '../hooks/useT';
import { useLayout } from './layoutStore';

/**
 * The scenario controls (preset, designs, trace form) beside the canvas. On wide screens it
 * scrolls on its own and folds to a narrow strip, so a projected canvas can take the room.
 */
export function ControlsSidebar({ children }: { children: ReactNode }) {
  const t = useT();
  const hidden = useLayout((s) => s.controlsHidden);
  const toggle = useLayout((s) => s.toggleControls);
  return (
    <div
      role="region"
      aria-label={t.t('layout.controls')}
      className="kne-controls flex min-w-0 flex-col gap-2 xl:min-h-0"
      data-testid="controls-sidebar"
      data-hidden={hidden}
    >
      <button
        type="button"
        aria-expanded={!hidden}
        aria-controls="controls-body"
        className={`kne-focus hidden shrink-0 items-center gap-1 self-start rounded-md border border-slate-400 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-100 xl:flex ${
          hidden ? 'xl:[writing-mode:vertical-rl] xl:py-2' : ''
        }`}
        data-testid="controls-toggle"
        onClick={toggle}
      >
        <span aria-hidden="true">{hidden ? '▸' : '◂'}</span>
        {t.t(hidden ? 'layout.showControls' : 'layout.hideControls')}
      </button>
      <div
        id="controls-body"
        className={`flex min-w-0 flex-col gap-2 xl:min-h-0 xl:overflow-y-auto [&>*]:shrink-0 ${hidden ? 'xl:hidden' : ''}`}
      >
        {children}
      </div>
    </div>
  );
}
