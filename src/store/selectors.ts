import type { Hop } from '../core/trace/types';
import type { AppState } from './types';

/** The canvas element a hop happens at: its device (`netns|dev`), else its netns. */
export function hopAnchor(hop: Pick<Hop, 'netns' | 'device'>): string {
  return hop.device ? `${hop.netns}|${hop.device}` : hop.netns;
}

export const selectCurrentHop = (s: AppState): Hop | null => s.trace?.hops[s.hopIndex] ?? null;
export const selectPrevHop = (s: AppState): Hop | null =>
  s.hopIndex > 0 ? (s.trace?.hops[s.hopIndex - 1] ?? null) : null;
export const selectActiveAnchor = (s: AppState): string | null => {
  const h = selectCurrentHop(s);
  return h ? hopAnchor(h) : null;
};
export const selectHopCount = (s: AppState): number => s.trace?.hops.length ?? 0;
export const selectDesigns = (s: AppState) => s.topology?.designs ?? null;
