import { wrap, type Remote } from 'comlink';
import type { Designs, Scenario } from '../core/model/scenario';
import type { Probe, Trace } from '../core/trace/types';
import { unpackTrace } from '../core/trace/wire';
import type { Topology } from '../core/topology/types';
import type { LoadResult, ShowWhat, SimApi } from './api';

/**
 * The page's handle on the simulator. Traces are latest-wins: when a newer trace was requested
 * before an older one answered, the older resolves to null and the caller ignores it.
 */
export interface SimClient {
  readonly mode: 'worker' | 'in-thread';
  load(scenario: Scenario): Promise<LoadResult>;
  setDesigns(designs: Designs): Promise<Topology>;
  trace(probe: Probe, endpoint?: string): Promise<Trace | null>;
  show(netns: string, what: ShowWhat): Promise<string>;
  dispose(): void;
}

export interface SimClientOptions {
  /** Run the engine on the page's thread (tests, or a browser without module workers). */
  inThread?: boolean;
  /** Called when the worker itself fails (script error): pending calls would otherwise hang. */
  onFatal?: (message: string) => void;
}

export function createSimClient(options: SimClientOptions = {}): SimClient {
  let worker: Worker | null = null;
  let api: Promise<SimApi | Remote<SimApi>>;
  const useWorker = !options.inThread && typeof Worker !== 'undefined';
  if (useWorker) {
    worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (e) => options.onFatal?.(e.message || 'the simulator worker failed'));
    api = Promise.resolve(wrap<SimApi>(worker));
  } else {
    api = import('./sim.worker').then((m) => m.createSimApi());
  }

  let latestTrace = 0;
  return {
    mode: useWorker ? 'worker' : 'in-thread',
    load: async (scenario) => (await api).load(scenario),
    setDesigns: async (designs) => (await api).setDesigns(designs),
    async trace(probe, endpoint) {
      const seq = ++latestTrace;
      const packed = await (await api).trace(probe, endpoint);
      return seq === latestTrace ? unpackTrace(packed) : null;
    },
    show: async (netns, what) => (await api).show(netns, what),
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}
