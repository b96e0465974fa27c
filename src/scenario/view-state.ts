import type { Designs, Scenario } from '../core/model/scenario';
import type { Probe } from '../core/trace/types';
import { DEFAULT_SEED, buildPreset, type PresetId } from './presets/registry';

/**
 * The shareable state of the explorer: everything a link must carry to reproduce a view exactly.
 * Plain JSON. The in-memory form holds the whole scenario; the codec stores only what differs from
 * the named base preset (`preset` + `seed`), and only the view fields that differ from the defaults.
 */

/** UI languages (the product teaches in English and Japanese). */
export type Lang = 'en' | 'ja';

/** One open Linux view: which table (`ip-route`, `iptables-save`, …, see core/show) for which netns. */
export interface PanelRef {
  /** `node/NAME` or `NS/POD`, the netns names the trace uses. */
  netns: string;
  table: string;
}

/** Reserved for guided lessons: which lesson and which step of it. */
export interface LessonRef {
  id: string;
  step: number;
}

/**
 * What part of the canvas was on screen: the centre of the visible area in drawing coordinates and
 * the zoom. A window of another size shows the same centre at the same zoom.
 */
export interface CanvasViewport {
  x: number;
  y: number;
  zoom: number;
}

export interface ViewState {
  /** The base the scenario was built from. */
  preset: PresetId;
  /** Seed of generated presets (uint32). */
  seed: number;
  /** The document, including the chosen datapath designs (`scenario.designs`). */
  scenario: Scenario;
  /** The selected flow, or null when none is selected. */
  probe: Probe | null;
  /** Playback cursor: index of the current hop of the probe's trace. */
  step: number;
  /** Open Linux-table panels, in display order. */
  panels: PanelRef[];
  lang: Lang;
  lesson: LessonRef | null;
  /** Side-by-side comparison: the second set of designs shown next to `scenario.designs`. */
  compare: Designs | null;
  /** The canvas viewport (absent or null: fit the drawing to the window). */
  viewport?: CanvasViewport | null;
}

/** The view fields' defaults; a link omits a field equal to its default. */
export const VIEW_DEFAULTS = {
  preset: 's' as PresetId,
  seed: DEFAULT_SEED,
  probe: null,
  step: 0,
  panels: [] as PanelRef[],
  lang: 'en' as Lang,
  lesson: null,
  compare: null,
} as const;

/** A fresh view of a preset (default: preset S, the app's first screen). */
export function defaultViewState(
  preset: PresetId = VIEW_DEFAULTS.preset,
  seed: number = DEFAULT_SEED,
): ViewState {
  return {
    preset,
    seed,
    scenario: buildPreset(preset, seed),
    probe: null,
    step: VIEW_DEFAULTS.step,
    panels: [],
    lang: VIEW_DEFAULTS.lang,
    lesson: null,
    compare: null,
  };
}
