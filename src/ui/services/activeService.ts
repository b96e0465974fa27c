import type { AppState } from '../../store';

/**
 * The Service the current hop translates for (a DNAT or load-balancer hop), else null. The tracer
 * records it on the hop (`service`, `NS/NAME`), so nothing here parses the sentence's arguments.
 */
export function selectHopService(st: AppState): string | null {
  const hop = st.trace?.hops[st.hopIndex];
  if (!hop || (hop.kind !== 'dnat' && hop.kind !== 'lb') || hop.service === undefined) return null;
  return st.topology?.services.some((s) => s.key === hop.service) ? hop.service : null;
}
