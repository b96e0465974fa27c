import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../i18n/lang';
import { createPlaybackSlice } from './playbackSlice';
import { createScenarioSlice } from './scenarioSlice';
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
  }));
}
