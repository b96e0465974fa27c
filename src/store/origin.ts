import type { Scenario } from '../core/model/scenario';
import { findPreset } from '../scenario/presets/registry';
import type { AppState } from './types';

/**
 * Is the scenario on screen still the preset the picker names? `imported` after an import (until
 * it is undone or another preset is loaded), `edited` when its objects differ from the preset's
 * (the designs are shown on their own and do not count), else `preset`.
 */
export type ScenarioOrigin = 'preset' | 'edited' | 'imported';

const presetJson = new Map<string, string>();
const sameCache = new WeakMap<Scenario, boolean>();

const objects = (s: Scenario): string => JSON.stringify({ ...s, designs: null });

function isPreset(scenario: Scenario, preset: string, seed: number): boolean {
  const hit = sameCache.get(scenario);
  if (hit !== undefined) return hit;
  const key = `${preset}@${seed}`;
  let json = presetJson.get(key);
  if (json === undefined) {
    const entry = findPreset(preset);
    json = entry ? objects(entry.build(seed)) : '';
    presetJson.set(key, json);
  }
  const same = json === objects(scenario);
  sameCache.set(scenario, same);
  return same;
}

export function selectScenarioOrigin(s: AppState): ScenarioOrigin {
  if (s.scenario === null) return 'preset';
  if (s.importDepth !== null && s.past.length >= s.importDepth) return 'imported';
  return isPreset(s.scenario, s.base.preset, s.base.seed) ? 'preset' : 'edited';
}
