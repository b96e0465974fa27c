import { Component, Suspense, lazy, useState, type ComponentType, type ReactNode } from 'react';
import { useT } from '../hooks/useT';
import { useLayout, type ToolId } from './layoutStore';

/** A failed load (a chunk the network did not deliver) shown inside the panel, with a retry. */
class LoadBoundary extends Component<
  { children: ReactNode; fallback: (error: Error) => ReactNode },
  { error: Error | null }
> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * A tools panel whose code is fetched the first time the panel is shown (the dock open on its tab),
 * so a first visit downloads only what the first view draws. Once shown it stays mounted, like the
 * other panels, so what the user typed survives switching tabs. A load that fails says so in the
 * panel with a "Try again" button (a new import, not the cached failure); the page and the user's
 * work stay as they were.
 */
export function LazyTool({ id, load }: { id: ToolId; load: () => Promise<ComponentType> }) {
  const t = useT();
  const shown = useLayout((s) => s.open && s.tool === id);
  const [seen, setSeen] = useState(shown);
  // one lazy component per attempt: React.lazy keeps a failed import, so a retry needs a new one
  const make = () => lazy(() => load().then((c) => ({ default: c })));
  const [{ Panel, attempt }, setLoader] = useState(() => ({ Panel: make(), attempt: 0 }));
  if (shown && !seen) setSeen(true);
  if (!seen) return null;
  return (
    <LoadBoundary
      key={attempt}
      fallback={(error) => (
        <div role="alert" className="m-3 rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-950">
          <p className="mb-2 [overflow-wrap:anywhere]">
            {t.t('layout.loadFailed', { message: error.message })}
          </p>
          <button
            type="button"
            className="kne-focus rounded-md border border-red-800 bg-white px-3 py-1 font-semibold"
            data-testid="tool-retry"
            onClick={() => setLoader((l) => ({ Panel: make(), attempt: l.attempt + 1 }))}
          >
            {t.t('layout.retry')}
          </button>
        </div>
      )}
    >
      <Suspense
        fallback={
          <p className="p-3 text-sm text-slate-700" role="status" data-testid="tool-loading">
            {t.t('layout.loading')}
          </p>
        }
      >
        <Panel />
      </Suspense>
    </LoadBoundary>
  );
}
