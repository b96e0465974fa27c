import { smallScenario } from '../scenario/presets/small';
import { loadLang, saveLang } from '../platform/storage';
import { createAppStore, type AppStore } from '../store';
import { createSimClient, type SimClient } from '../worker/client';

declare global {
  interface Window {
    /** Read-only handles for the browser tests (compare the page with the worker). */
    __kne?: { store: AppStore; sim: SimClient };
  }
}

/** Wires the simulator, the store and the first scenario; nothing here runs at import time. */
export function bootstrap(): AppStore {
  let store: AppStore | null = null;
  const sim = createSimClient({ onFatal: (m) => store?.getState().reportError(m) });
  store = createAppStore({ sim, saveLang }, { lang: loadLang() });
  window.__kne = { store, sim };
  const s = store;
  void (async () => {
    await s.getState().loadScenario(smallScenario());
    // Open on a cross-node flow, already traced, so the first view shows a path.
    await s.getState().runTrace({ autoplay: false });
  })();
  return store;
}
