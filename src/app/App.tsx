import { useEffect, type CSSProperties } from 'react';
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
import { TraceConntrack } from '../ui/services/NatSummary';
import { LinuxPanel } from '../ui/panels/LinuxPanel';
import { PlaybackBar } from '../ui/panels/PlaybackBar';
import { TraceForm } from '../ui/panels/TraceForm';
import { RequestBuilder } from '../ui/l7/RequestBuilder';
import { DnsPanel } from '../ui/services/DnsPanel';
import { ShareBar } from '../ui/share/ShareBar';
import { ControlsSidebar } from '../ui/layout/ControlsSidebar';
import { useLayout } from '../ui/layout/layoutStore';
import { ToolDock } from '../ui/layout/ToolDock';
import { LazyTool } from '../ui/layout/LazyTool';
import { SkipLinks } from '../ui/layout/SkipLinks';
import { ErrorBoundary } from './ErrorBoundary';
import { Welcome } from '../ui/lessons/Welcome';
import { TeachBar } from '../ui/lessons/TeachBar';
import { LessonPlayer } from '../ui/lessons/LessonPlayer';
import { PresetPoint } from '../ui/lessons/PresetPoint';
import { FromToHint } from '../ui/lessons/FromToHint';
import { PresenterOverlay } from '../ui/presenter/PresenterOverlay';
import { Tables } from '../ui/a11y/Tables';
import { HopNarration } from '../ui/a11y/HopNarration';
import { EmbedShell } from '../ui/embed/EmbedShell';
import { isEmbed } from '../platform/embed';
import { CompareView } from '../ui/compare/CompareView';

// Mounted once: the dock keeps every tool mounted and shows one. The panels a first view does not
// show (policy and YAML, the editor, Gateways) fetch their code when first opened (LazyTool).
const TOOL_PANELS = {
  linux: <LinuxPanel />,
  dns: <DnsPanel />,
  policy: (
    <LazyTool
      id="policy"
      load={() => import('../ui/policy/PolicyWorkspace').then((m) => m.PolicyWorkspace)}
    />
  ),
  editor: <LazyTool id="editor" load={() => import('../ui/editor/EditorPanel').then((m) => m.EditorPanel)} />,
  l7: <LazyTool id="l7" load={() => import('../ui/l7/L7Panel').then((m) => m.L7Panel)} />,
};

/**
 * The workspace. From 1280 px wide it fills the window without page scrolling: the scenario
 * controls (preset, designs, trace form) in a left sidebar that folds away, the canvas with its
 * playback bar taking the remaining height, the open tools panel (tabs) beside it at a width the
 * user sets, and on the right the hop list and the hop detail. Each sidebar scrolls on its own. Narrower windows stack the same
 * parts in one scrolling column.
 */
function Shell() {
  const lang = useApp((s) => s.lang);
  const controlsHidden = useLayout((s) => s.controlsHidden);
  const dockOpen = useLayout((s) => s.open);
  const dockWidth = useLayout((s) => s.width);
  usePlaybackClock();
  useKeyboardPlayback();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900 xl:h-screen xl:overflow-hidden">
      <SkipLinks />
      <Header>
        <div className="kne-headerbar">
          <ShareBar />
        </div>
        <TeachBar />
      </Header>
      <ErrorBanner />
      <Welcome />
      <main
        className={`flex flex-1 flex-col gap-3 p-3 xl:grid xl:min-h-0 ${
          controlsHidden
            ? 'xl:grid-cols-[auto_minmax(0,1fr)_21rem] 2xl:grid-cols-[auto_minmax(0,1fr)_25rem]'
            : 'xl:grid-cols-[17rem_minmax(0,1fr)_21rem] 2xl:grid-cols-[19rem_minmax(0,1fr)_25rem]'
        }`}
      >
        <ControlsSidebar>
          <PresetPicker />
          <DesignPanel />
          <TraceForm />
          <RequestBuilder />
          <FromToHint />
        </ControlsSidebar>
        {/* The canvas and, from 1280 px, the open tools panel beside it (narrower: under it). When
            the welcome banner or a two-row header leaves little height, the canvas column scrolls
            rather than letting the canvas slide over anything. */}
        <div className="kne-centre min-w-0 xl:min-h-0">
          <div
            className="kne-centre-grid flex min-w-0 flex-col gap-2"
            data-dock-open={dockOpen}
            style={dockWidth ? ({ '--tool-w': `${dockWidth}px` } as CSSProperties) : undefined}
          >
            <div className="kne-stage flex min-w-0 flex-col gap-2 xl:min-h-0 xl:overflow-y-auto [&>*]:shrink-0">
              <OverviewBar />
              <PresetPoint />
              <div className="flex h-[75vh] min-h-[22rem] flex-col xl:h-auto xl:flex-1">
                {/* Playback first: from Trace, a couple of Tabs reach Play (the canvas holds many buttons). */}
                <PlaybackBar />
                <Canvas />
              </div>
            </div>
            <ToolDock panels={TOOL_PANELS} />
          </div>
        </div>
        <aside
          className="flex min-w-0 flex-col gap-3 xl:min-h-0 xl:overflow-y-auto [&>*]:shrink-0"
          aria-labelledby="hops-heading"
          data-testid="hops-sidebar"
        >
          <LessonPlayer />
          <HopList />
          <HopDetail />
          <TraceConntrack />
          <Tables />
        </aside>
      </main>
      <HopNarration />
      <PresenterOverlay />
      <CompareView />
    </div>
  );
}

export function App({ store }: { store: AppStore }) {
  return (
    <ErrorBoundary lang={() => store.getState().lang}>
      <StoreProvider store={store}>
        <ReactFlowProvider>{isEmbed() ? <EmbedShell /> : <Shell />}</ReactFlowProvider>
      </StoreProvider>
    </ErrorBoundary>
  );
}
