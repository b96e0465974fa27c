import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { StoreProvider, useApp, type AppStore } from '../store';
import { Canvas } from '../ui/canvas/Canvas';
import { ErrorBanner } from '../ui/components/ErrorBanner';
import { Header } from '../ui/components/Header';
import { useKeyboardPlayback } from '../ui/hooks/useKeyboardPlayback';
import { usePlaybackClock } from '../ui/hooks/usePlaybackClock';
import { DesignPanel } from '../ui/panels/DesignPanel';
import { HopDetail } from '../ui/panels/HopDetail';
import { HopList } from '../ui/panels/HopList';
import { LinuxPanel } from '../ui/panels/LinuxPanel';
import { PlaybackBar } from '../ui/panels/PlaybackBar';
import { TraceForm } from '../ui/panels/TraceForm';
import { ErrorBoundary } from './ErrorBoundary';

function Shell() {
  const lang = useApp((s) => s.lang);
  usePlaybackClock();
  useKeyboardPlayback();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <Header />
      <ErrorBanner />
      <main className="grid flex-1 grid-cols-1 gap-4 p-4 xl:grid-cols-[minmax(0,1fr)_24rem] 2xl:grid-cols-[minmax(0,1fr)_30rem]">
        <div className="flex min-w-0 flex-col gap-3">
          <div className="flex flex-wrap gap-3 [&>*]:flex-auto">
            <DesignPanel />
            <TraceForm />
          </div>
          <Canvas />
          <PlaybackBar />
          <LinuxPanel />
        </div>
        <aside className="flex min-w-0 flex-col gap-3" aria-labelledby="hops-heading">
          <HopList />
          <HopDetail />
        </aside>
      </main>
    </div>
  );
}

export function App({ store }: { store: AppStore }) {
  return (
    <ErrorBoundary lang={() => store.getState().lang}>
      <StoreProvider store={store}>
        <ReactFlowProvider>
          <Shell />
        </ReactFlowProvider>
      </StoreProvider>
    </ErrorBoundary>
  );
}
