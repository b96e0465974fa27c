import { loadLang, saveLang, workStorage } from '../platform/storage';
import { clearFragment, readFragment } from '../platform/url';
import { startSession } from '../ui/share/session';
import { createAppStore, type AppStore } from '../store';
import { createSimClient, type SimClient } from '../worker/client';
import { isEmbed, noWork } from '../platform/embed';
import type { Lang } from '../i18n/lang';

declare global {
  interface Window {
    /** Read-only handles for the browser tests (compare the page with the worker). */
    __kne?: { store: AppStore; sim: SimClient };
  }
}

/** Wires the simulator, the store and the first scenario; nothing here runs at import time. */
export function bootstrap(prepareLang?: (lang: Lang) => Promise<void>): AppStore {
  let store: AppStore | null = null;
  const sim = createSimClient({
    onFatal: (m) => store?.getState().reportError(m),
    onRestart: (reason) => store?.getState().reportWorkerLost(reason),
  });
  // The embed view (an iframe elsewhere) never touches the visitor's own saved work.
  const embed = isEmbed();
  const work = embed ? noWork : workStorage;
  store = createAppStore({ sim, saveLang, work, prepareLang }, { lang: loadLang() });
  window.__kne = { store, sim };
  const s = store;
  // One ingress: a link in the address, else the saved work, else preset S (ui/share/session.ts).
  void startSession(s, {
    fragment: readFragment(),
    readFragment,
    clearFragment: embed ? () => {} : clearFragment,
    work,
  });
  return store;
}
