import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../i18n/lang';
import { createHistorySlice } from './historySlice';
import { createPlaybackSlice } from './playbackSlice';
import { createPolicySlice } from './policySlice';
import { createPresetSlice } from './presetSlice';
import { createL7Slice } from './l7Slice';
import { createScenarioSlice } from './scenarioSlice';
import { createServicesSlice } from './servicesSlice';
import { createShareSlice } from './shareSlice';
import { createSimSlice } from './simSlice';
import type { AppState, StoreDeps } from './types';
import { createViewSlice } from './viewSlice';

export type AppStore = StoreApi<AppState>;

/** One store per app instance, with its dependencies (simulator, storage) injected. */
export function createAppStore(deps: StoreDeps, initial: { lang?: Lang } = {}): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createScenarioSlice(set, get, deps),
    ...createViewSlice(set, get, deps, initial.lang ?? 'en'),
    ...createSimSlice(set, get, deps),
    ...createPlaybackSlice(set, get),
    ...createServicesSlice(set, get, deps),
    // Wraps the scenario slice's setDesigns so a design toggle is undoable like any edit.
    ...createHistorySlice(set, get, deps, createScenarioSlice(set, get, deps)),
    ...createShareSlice(set, get, deps),
    ...createPolicySlice(set, get, deps),
    ...createPresetSlice(set, get, deps),
    ...createL7Slice(set, get, deps),
  }));
}
