import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { StoreProvider, useApp, type AppStore } from '../store';
import { Canvas } from '../ui/canvas/Canvas';
import { OverviewBar } from '../ui/canvas/overviewBar';
import { PresetPicker } from '../ui/presets/PresetPicker';
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
import { DnsPanel } from '../ui/services/DnsPanel';
import { EditorPanel } from '../ui/editor/EditorPanel';
import { ShareBar } from '../ui/share/ShareBar';
import { PolicyWorkspace } from '../ui/policy/PolicyWorkspace';
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
      <ShareBar />
      <main className="grid flex-1 grid-cols-1 gap-4 p-4 xl:grid-cols-[minmax(0,1fr)_24rem] 2xl:grid-cols-[minmax(0,1fr)_30rem]">
        <div className="flex min-w-0 flex-col gap-3">
          <div className="flex flex-wrap gap-3 [&>*]:flex-auto">
            <PresetPicker />
            <DesignPanel />
            <TraceForm />
          </div>
          <OverviewBar />
          <Canvas />
          <PlaybackBar />
          <LinuxPanel />
          <PolicyWorkspace />
          <EditorPanel />
          <DnsPanel />
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
