import { DEFAULT_SEED, findPreset, type PresetId } from '../scenario/presets/registry';
import type { OverviewMap, PodMatch } from '../worker/overview';
import { fitProbe } from './scenarioSlice';
import type { GetState, SetState, StoreDeps } from './types';

/**
 * Presets and the large-cluster view. Small presets load like any scenario (editable, undoable,
 * shareable). L and XL are built in the worker: the page never holds their scenario (`scenario` is
 * null, `base` names preset and seed) and sees only the topology: an overview map of every node
 * (one typed array, drawn on a canvas), plus the nodes the user drilled into, drawn in detail.
 */
export interface PresetSlice {
  /** The preset being built (the picker shows progress), or null. */
  presetLoading: PresetId | null;
  /** The overview map of an aggregated view: every node's cell and Pod count (null until asked for). */
  overview: OverviewMap | null;
  /** Loads a preset; teaching presets (and S) then trace their suggested flow. */
  loadPreset(id: PresetId, seed?: number): Promise<void>;
  /** Fetches the overview map from the worker (laid out there, geometry transferred). */
  showOverview(): Promise<void>;
  /** Pods and nodes whose name contains `query`, answered by the worker (capped suggestions). */
  searchPods(query: string): Promise<PodMatch[]>;
  /** Opens a search answer: its node drawn in detail, and a Pod becomes the flow's source. */
  openMatch(match: PodMatch): Promise<void>;
  /** Draws these nodes in detail ([] = back to the overview). */
  focusNodes(nodes: string[]): Promise<void>;
  /**
   * Traces between two Pods typed as `NS/POD`: the worker says where they run, those nodes are
   * drawn in detail and the flow is traced. Returns the keys it could not find.
   */
  traceByName(from: string, to: string): Promise<string[]>;
}

/** Presets too large to build on the page's thread (their scenario stays in the worker). */
export const WORKER_BUILT: ReadonlySet<string> = new Set(['l', 'xl']);

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createPresetSlice(set: SetState, get: GetState, deps: StoreDeps): PresetSlice {
  let overviewSeq = 0;
  let focusSeq = 0;

  async function loadInWorker(id: PresetId, seed: number): Promise<boolean> {
    const r = await deps.sim.loadPreset(id, seed);
    // For `npm run bench -- page`: when the worker's answer reached the page (click → here).
    globalThis.performance?.mark?.('kne:worker-answer');
    if (!r.topology) {
      set({ status: get().topology ? 'ready' : 'idle', problems: r.problems });
      return false;
    }
    set({
      scenario: null,
      base: { preset: id, seed },
      past: [],
      future: [],
      editProblems: [],
      topology: r.topology,
      overview: r.overview ?? null,
      problems: r.problems,
      probe: fitProbe(get().probe, r.topology),
      trace: null,
      hopIndex: 0,
      playing: false,
      selectedNetns: null,
      viewport: null,
      status: 'ready',
    });
    return true;
  }

  return {
    presetLoading: null,
    overview: null,

    async loadPreset(id, seed = DEFAULT_SEED) {
      const entry = findPreset(id);
      if (!entry) return;
      // A new preset is shown whole (a link restores its own viewport after this).
      set({
        presetLoading: id,
        status: 'loading',
        error: null,
        overview: null,
        viewport: null,
      });
      try {
        let ok: boolean;
        if (WORKER_BUILT.has(entry.size)) ok = await loadInWorker(id, seed);
        else ok = (await get().setScenario(entry.build(seed), { preset: id, seed })).ok;
        if (!ok) return;
        const topology = get().topology;
        if (topology?.aggregated && !get().overview) await get().showOverview();
        if (entry.probe) {
          const { from, to, port, protocol } = entry.probe;
          set({ probe: { from, to, port, protocol } });
          await get().runTrace({ autoplay: true });
        } else set({ trace: null, hopIndex: 0, playing: false });
        await get().refreshLinux();
      } catch (e) {
        set({ status: get().topology ? 'ready' : 'idle', error: message(e) });
      } finally {
        set({ presetLoading: null });
      }
    },

    async showOverview() {
      const seq = ++overviewSeq;
      try {
        const overview = await deps.sim.overview();
        if (seq === overviewSeq) set({ overview });
      } catch (e) {
        set({ error: message(e) });
      }
    },

    async searchPods(query) {
      try {
        return await deps.sim.searchPods(query);
      } catch (e) {
        set({ error: message(e) });
        return [];
      }
    },

    async openMatch(match) {
      await get().focusNodes([match.node]);
      if (match.kind === 'pod') set({ probe: { ...get().probe, from: match.key } });
    },

    async focusNodes(nodes) {
      const seq = ++focusSeq;
      try {
        const topology = await deps.sim.focus(nodes);
        if (seq !== focusSeq) return;
        // Both ends of the flow must be drawn: a drill-in offers two Pods of the opened node.
        set({ topology, probe: fitProbe(get().probe, topology) });
      } catch (e) {
        set({ error: message(e) });
      }
    },

    async traceByName(from, to) {
      const keys = [from.trim(), to.trim()];
      const where = await Promise.all(keys.map((k) => deps.sim.locatePod(k)));
      const missing = keys.filter((_, i) => !where[i]);
      if (missing.length > 0) return missing;
      const nodes = [...new Set(where.map((w) => w!.node))];
      await get().focusNodes(nodes);
      set({ probe: { ...get().probe, from: keys[0]!, to: keys[1]! } });
      await get().runTrace({ autoplay: true });
      return [];
    },
  };
}
