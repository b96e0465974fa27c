import type { GetState, SetState, SimSlice, StoreDeps } from './types';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createSimSlice(set: SetState, get: GetState, deps: StoreDeps): SimSlice {
  return {
    status: 'idle',
    topology: null,
    trace: null,
    problems: [],
    error: null,
    linux: null,
    async runTrace(options = {}) {
      const { probe } = get();
      // Nothing to trace in this scenario (e.g. no Pods left): never keep another scenario's hops.
      if (!probe.from || !probe.to) {
        set({ trace: null, hopIndex: 0, playing: false });
        return;
      }
      set({ status: 'tracing', error: null });
      try {
        // A forced Service endpoint (ServicesSlice) applies when it is a candidate; else seeded random.
        const trace = await deps.sim.trace({ ...probe }, get().traceEndpoint || undefined);
        if (!trace) return; // superseded by a newer trace
        set({ trace, hopIndex: 0, playing: options.autoplay ?? true, status: 'ready' });
      } catch (e) {
        set({ status: 'ready', error: message(e) });
      }
    },
    async refreshLinux() {
      const { selectedNetns: netns, linuxTab: tab } = get();
      if (!netns) {
        set({ linux: null });
        return;
      }
      set({ linux: { netns, tab, text: null } });
      try {
        const text = await deps.sim.show(netns, tab);
        const now = get();
        // Latest wins: ignore an answer for a netns/tab the user has already left.
        if (now.selectedNetns === netns && now.linuxTab === tab) set({ linux: { netns, tab, text } });
      } catch (e) {
        set({ error: message(e), linux: { netns, tab, text: '' } });
      }
    },
    reportError(msg) {
      set({ error: msg });
    },
    dismissError() {
      set({ error: null, workerLost: null });
    },
    workerLost: null,
    reportWorkerLost(workerLost) {
      set({ workerLost });
    },
  };
}
