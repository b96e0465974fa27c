import type { AppStore } from '../src/store/createAppStore';
import type { SimClient } from '../src/worker/client';

/** The test handle bootstrap.ts exposes (`window.__kne`), typed for specs that read it. */
declare global {
  interface Window {
    __kne?: { store: AppStore; sim: SimClient };
  }
}

export {};
