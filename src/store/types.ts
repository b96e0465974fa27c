import type { Problem } from '../core/model/cluster';
import type { Protocol } from '../core/model/k8s';
import type { Designs, Scenario } from '../core/model/scenario';
import type { Trace } from '../core/trace/types';
import type { CanvasViewport } from '../scenario/view-state';
import type { Topology } from '../core/topology/types';
import type { Lang } from '../i18n/lang';
import type { ShowWhat } from '../worker/api';
import type { SimClient, WorkerLoss } from '../worker/client';
import type { ServicesSlice } from './servicesSlice';
import type { PolicySlice } from './policySlice';
import type { HistorySlice } from './historySlice';
import type { ShareSlice, WorkStore } from './shareSlice';
import type { PresetSlice } from './presetSlice';
import type { LessonSlice } from './lessonSlice';
import type { CompareSlice } from './compareSlice';
import type { L7Slice } from './l7Slice';

export interface ProbeForm {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
}

/** The document: the scenario and the chosen designs. */
export interface ScenarioSlice {
  scenario: Scenario | null;
  loadScenario(scenario: Scenario): Promise<void>;
  setDesigns(patch: Partial<Designs>): Promise<void>;
}

/** What the user looks at: language, the probe form, the selected netns and Linux tab. */
export interface ViewSlice {
  lang: Lang;
  probe: ProbeForm;
  selectedNetns: string | null;
  linuxTab: ShowWhat;
  setLanguage(lang: Lang): void;
  setProbe(patch: Partial<ProbeForm>): void;
  pickPod(role: 'from' | 'to', podKey: string): void;
  /**
   * A user's choice of From / To / port / protocol (canvas buttons, the lists): picking a Service
   * as To sets one of its real ports (kept when the current port is one), and the trace re-runs at
   * once so the hop list never shows another probe.
   */
  chooseProbe(patch: Partial<ProbeForm>): void;
  selectNetns(netns: string | null): void;
  setLinuxTab(tab: ShowWhat): void;
  /** What the canvas shows (null: the whole drawing, fitted); part of a shared link. */
  viewport: CanvasViewport | null;
  /** Bumped when a link or saved view asks the canvas to show `viewport` again. */
  viewportRestore: number;
  /** The user panned or zoomed (the canvas reports where it stopped). */
  setViewport(v: CanvasViewport | null): void;
}

export type SimStatus = 'idle' | 'loading' | 'ready' | 'tracing';

/** Results from the worker; never persisted. */
export interface SimSlice {
  status: SimStatus;
  topology: Topology | null;
  trace: Trace | null;
  problems: Problem[];
  error: string | null;
  linux: { netns: string; tab: ShowWhat; text: string | null } | null;
  runTrace(options?: { autoplay?: boolean }): Promise<void>;
  refreshLinux(): Promise<void>;
  reportError(message: string): void;
  dismissError(): void;
  /** Set when the simulator worker died and a new one took over (worker/client.ts). */
  workerLost: WorkerLoss | null;
  reportWorkerLost(reason: WorkerLoss | null): void;
}

/** The hop cursor; the animation layer reads it, nothing else of the packet's motion is stored. */
export interface PlaybackSlice {
  hopIndex: number;
  playing: boolean;
  speed: number;
  selectHop(index: number): void;
  stepForward(): void;
  stepBack(): void;
  firstHop(): void;
  lastHop(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
}

export type AppState = ScenarioSlice &
  ViewSlice &
  SimSlice &
  PlaybackSlice &
  ServicesSlice &
  HistorySlice &
  ShareSlice &
  PolicySlice &
  PresetSlice &
  LessonSlice &
  CompareSlice &
  L7Slice;

export interface StoreDeps {
  sim: SimClient;
  /** Remembers the language between visits (platform/storage); optional in tests. */
  saveLang?: (lang: Lang) => void;
  /** Saved work (autosave, draft); optional in tests. */
  work?: WorkStore;
  /** Loads a language's glyphs before it is shown (platform/fonts.ts); optional in tests. */
  prepareLang?: (lang: Lang) => Promise<void>;
}

export type SetState = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
export type GetState = () => AppState;
