import { loadLang, saveLang, workStorage } from '../platform/storage';
import { clearFragment, readFragment } from '../platform/url';
import { startSession } from '../ui/share/session';
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
  const sim = createSimClient({
    onFatal: (m) => store?.getState().reportError(m),
    onRestart: (reason) => store?.getState().reportWorkerLost(reason),
  });
  store = createAppStore({ sim, saveLang, work: workStorage }, { lang: loadLang() });
  window.__kne = { store, sim };
  const s = store;
  // One ingress: a link in the address, else the saved work, else preset S (ui/share/session.ts).
  void startSession(s, { fragment: readFragment(), readFragment, clearFragment, work: workStorage });
  return store;
}
