import { expose } from 'comlink';
import {
  buildEngine,
  engineShow,
  engineTopology,
  engineTrace,
  withDesigns,
  type Engine,
} from '../core/engine';
import type { SimApi } from './api';
import { packTrace } from '../core/trace/wire';

/**
 * SimApi over the pure engine. The engine (cluster + Linux state) lives here and never crosses to
 * the page; each call returns small plain JSON. Also used in-thread by client.ts when no Worker
 * exists (tests).
 */
export function createSimApi(): SimApi {
  let engine: Engine | null = null;
  const loaded = (): Engine => {
    if (!engine) throw new Error('No scenario is loaded yet');
    return engine;
  };
  return {
    async load(scenario) {
      const { engine: next, problems } = buildEngine(scenario);
      // With errors the previous scenario stays loaded (api.ts contract).
      if (next) engine = next;
      return { problems, topology: next ? engineTopology(next) : null };
    },
    async setDesigns(designs) {
      engine = withDesigns(loaded(), designs);
      return engineTopology(engine);
    },
    async trace(probe, endpoint) {
      return packTrace(engineTrace(loaded(), probe, endpoint));
    },
    async show(netns, what) {
      return engineShow(loaded(), netns, what);
    },
  };
}

// Expose only when running as a worker (the in-thread fallback imports this module too).
const inWorker =
  typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' &&
  typeof (globalThis as { document?: unknown }).document === 'undefined';
if (inWorker) expose(createSimApi());
