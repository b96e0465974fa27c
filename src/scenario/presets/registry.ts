import type { Scenario } from '../../core/model/scenario';
import type { Probe } from '../../core/trace/types';
import { largeScenario, mediumScenario, xlargeScenario } from './scale';
import { smallScenario } from './small';
import { TEACHING_PRESETS, type TeachingId } from './teaching';

/** Every named base a scenario (and a share link) can start from. */
export type PresetId = 's' | 'm' | 'l' | 'xl' | TeachingId;

/** `xs` = a teaching preset with a handful of objects; `s`…`xl` = the scale classes of the quality bars. */
export type SizeClass = 'xs' | 's' | 'm' | 'l' | 'xl';

export interface PresetEntry {
  id: PresetId;
  /** i18n key of the title; `<key>.summary` is the one-line description. */
  titleKey: string;
  size: SizeClass;
  kind: 'scale' | 'teaching';
  /** Deterministic: the same seed gives the same scenario (seed is ignored by fixed presets). */
  build: (seed: number) => Scenario;
  /** The flow that shows the preset's idea, if it has one. */
  probe?: Probe;
}

/** The default seed of generated presets (any uint32 works). */
export const DEFAULT_SEED = 1;

/** All presets, small to large, then the teaching ones in lesson order. */
export const PRESETS: readonly PresetEntry[] = [
  {
    id: 's',
    titleKey: 'presets.s.title',
    size: 's',
    kind: 'scale',
    build: () => smallScenario(),
    probe: { from: 'default/client', to: 'default/backend-2', port: 9090, protocol: 'TCP' },
  },
  { id: 'm', titleKey: 'presets.m.title', size: 'm', kind: 'scale', build: mediumScenario },
  { id: 'l', titleKey: 'presets.l.title', size: 'l', kind: 'scale', build: largeScenario },
  { id: 'xl', titleKey: 'presets.xl.title', size: 'xl', kind: 'scale', build: xlargeScenario },
  ...TEACHING_PRESETS.map((t): PresetEntry => ({
    id: t.id,
    titleKey: `presets.${t.id}.title`,
    size: 'xs',
    kind: 'teaching',
    build: () => t.build(),
    probe: t.probe,
  })),
];

const BY_ID = new Map<string, PresetEntry>(PRESETS.map((p) => [p.id, p]));

/** Looks a preset up by id (e.g. from a share link); undefined when unknown. */
export function findPreset(id: string): PresetEntry | undefined {
  return BY_ID.get(id);
}

export function isPresetId(id: unknown): id is PresetId {
  return typeof id === 'string' && BY_ID.has(id);
}

/** Builds a preset's scenario; throws only for an unknown id (callers check with isPresetId). */
export function buildPreset(id: PresetId, seed: number = DEFAULT_SEED): Scenario {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`unknown preset ${id}`);
  return entry.build(seed);
}
