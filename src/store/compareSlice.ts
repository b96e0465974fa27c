import type { Difference } from '../core/compare/diff';
import type { Problem } from '../core/model/cluster';
import type { Designs } from '../core/model/scenario';
import type { Trace } from '../core/trace/types';
import type { Topology } from '../core/topology/types';
import type { GetState, SetState, StoreDeps } from './types';

/**
 * Compare mode: the same scenario and probe under a second set of designs. Pane A is the main view
 * (its trace and hop cursor); pane B holds its own topology, trace and hop cursor, which follows A's
 * through the hop alignment while `linked`. The worker keeps B's engine built beside A's.
 */
export interface ComparePane {
  designs: Designs;
  topology: Topology;
  trace: Trace;
  differences: Difference[];
  /** For each hop of A, the hop of B at the same place (core/compare/align.ts). */
  align: number[];
  hopIndex: number;
  linked: boolean;
}

/**
 * Why compare mode shows no comparison: no trace yet, the B designs do not fit the scenario (its
 * problems, worded by the i18n layer), or the worker's own error text.
 */
export type CompareError = { noTrace: true } | { problems: Problem[] } | { message: string };

export interface CompareSlice {
  compare: ComparePane | null;
  compareError: CompareError | null;
  /** Traces the current probe under `designs` too and opens (or refreshes) compare mode. */
  openCompare(designs: Designs): Promise<void>;
  closeCompare(): void;
  setCompareHop(index: number): void;
  setCompareLinked(linked: boolean): void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createCompareSlice(set: SetState, get: GetState, deps: StoreDeps): CompareSlice {
  let seq = 0;
  return {
    compare: null,
    compareError: null,
    async openCompare(designs) {
      const probe = get().trace?.probe;
      if (!probe) return set({ compareError: { noTrace: true } });
      const mine = ++seq;
      try {
        const r = await deps.sim.compare(designs, probe);
        if (mine !== seq) return;
        // B's designs do not fit the scenario: say why, keep the comparison shown so far
        if ('problems' in r) return set({ compareError: { problems: r.problems } });
        const prev = get().compare;
        const linked = prev?.linked ?? true;
        set({
          compareError: null,
          compare: {
            designs: { ...designs },
            topology: r.topology,
            trace: r.b,
            differences: r.differences,
            align: r.align,
            linked,
            hopIndex: linked
              ? (r.align[get().hopIndex] ?? 0)
              : Math.min(prev?.hopIndex ?? 0, r.b.hops.length - 1),
          },
        });
      } catch (e) {
        if (mine === seq) set({ compareError: { message: message(e) } });
      }
    },
    closeCompare() {
      seq++;
      set({ compare: null, compareError: null });
    },
    setCompareHop(index) {
      const c = get().compare;
      if (!c) return;
      set({ compare: { ...c, hopIndex: Math.max(0, Math.min(index, c.trace.hops.length - 1)) } });
    },
    setCompareLinked(linked) {
      const c = get().compare;
      if (!c) return;
      set({ compare: { ...c, linked, hopIndex: linked ? (c.align[get().hopIndex] ?? 0) : c.hopIndex } });
    },
  };
}
