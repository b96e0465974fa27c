import type { Problem } from '../core/model/cluster';
import type { Designs, Scenario } from '../core/model/scenario';
import { DEFAULT_SEED, type PresetId } from '../scenario/presets/registry';
import { fitProbe } from './scenarioSlice';
import type { GetState, ScenarioSlice, SetState, StoreDeps } from './types';

/** How many edits undo reaches back. */
export const HISTORY_LIMIT = 100;

export type EditResult = { ok: true } | { ok: false; problems: Problem[] };

/**
 * The document's history: every scenario change (editor, designs, import) goes through here, is
 * validated by the worker first, and is recorded so it can be undone. An invalid change is never
 * applied: the worker keeps the previous scenario and the problems come back with their paths.
 */
export interface HistorySlice {
  /** The named preset (and seed) the scenario started from: share links store edits against it. */
  base: { preset: PresetId; seed: number };
  past: Scenario[];
  future: Scenario[];
  /** Problems of the last rejected edit (cleared by the next accepted one). */
  editProblems: Problem[];
  /** `past.length` right after the last import (null: none since the document was set): the preset label says "Imported". */
  importDepth: number | null;
  /** Marks the document as imported (YAML or JSON import, after its edit was applied). */
  markImported(): void;
  /** Replaces the whole document (preset switch, link, file): validated, and a fresh history. */
  setScenario(
    scenario: Scenario,
    options?: { preset?: PresetId; seed?: number; keepHistory?: boolean },
  ): Promise<EditResult>;
  /** One undoable edit of the current scenario. */
  applyEdit(edit: (s: Scenario) => Scenario): Promise<EditResult>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  clearEditProblems(): void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The history slice, plus `setDesigns` wrapped so a design toggle is an undoable edit too.
 * `inner` is the scenario slice it wraps.
 */
export function createHistorySlice(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  inner: ScenarioSlice,
): HistorySlice & Pick<ScenarioSlice, 'setDesigns'> {
  /** Loads `next` in the worker; on success shows it and re-runs the selected flow at the same hop. */
  async function swap(next: Scenario): Promise<EditResult> {
    set({ status: 'loading', error: null });
    try {
      const result = await deps.sim.load(next);
      if (!result.topology) {
        set({ status: get().topology ? 'ready' : 'idle', editProblems: result.problems });
        return { ok: false, problems: result.problems };
      }
      const { trace, hopIndex, selectedNetns } = get();
      const netnsGone =
        selectedNetns !== null &&
        !result.topology.nodes.some(
          (n) => n.netns === selectedNetns || n.pods.some((p) => p.key === selectedNetns),
        );
      set({
        scenario: next,
        topology: result.topology,
        problems: result.problems,
        editProblems: [],
        probe: fitProbe(get().probe, result.topology),
        status: 'ready',
        ...(netnsGone ? { selectedNetns: null } : {}),
      });
      if (trace) {
        await get().runTrace({ autoplay: false });
        get().selectHop(hopIndex);
      } else set({ trace: null, hopIndex: 0, playing: false });
      await get().refreshLinux();
      return { ok: true };
    } catch (e) {
      set({ status: get().topology ? 'ready' : 'idle', error: message(e) });
      return { ok: false, problems: [] };
    }
  }

  const record = (before: Scenario) =>
    set((s) => ({ past: [...s.past, before].slice(-HISTORY_LIMIT), future: [] }));

  // Undo and redo run one at a time: a second key press while the worker loads waits its turn.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    base: { preset: 's', seed: DEFAULT_SEED },
    past: [],
    future: [],
    editProblems: [],
    importDepth: null,
    markImported() {
      set({ importDepth: get().past.length });
    },
    setScenario(scenario, options = {}) {
      return serial(async () => {
        const r = await swap(scenario);
        if (r.ok) {
          const { base } = get();
          set({
            base: { preset: options.preset ?? base.preset, seed: options.seed ?? base.seed },
            ...(options.keepHistory ? {} : { past: [], future: [], importDepth: null }),
          });
        }
        return r;
      });
    },
    applyEdit(edit) {
      return serial(async () => {
        const before = get().scenario;
        if (!before) return { ok: false, problems: [] };
        const next = edit(before);
        if (JSON.stringify(next) === JSON.stringify(before)) return { ok: true };
        const r = await swap(next);
        if (r.ok) record(before);
        return r;
      });
    },
    undo() {
      return serial(async () => {
        const { past, scenario } = get();
        const prev = past[past.length - 1];
        if (!prev || !scenario) return;
        const r = await swap(prev);
        if (r.ok) set((s) => ({ past: s.past.slice(0, -1), future: [scenario, ...s.future] }));
      });
    },
    redo() {
      return serial(async () => {
        const { future, scenario } = get();
        const next = future[0];
        if (!next || !scenario) return;
        const r = await swap(next);
        if (r.ok)
          set((s) => ({ future: s.future.slice(1), past: [...s.past, scenario].slice(-HISTORY_LIMIT) }));
      });
    },
    clearEditProblems() {
      set({ editProblems: [] });
    },
    setDesigns(patch: Partial<Designs>) {
      return serial(async () => {
        const before = get().scenario;
        await inner.setDesigns(patch);
        const after = get().scenario;
        if (before && after && after !== before) record(before);
      });
    },
  };
}
