import type { Topology } from '../../core/topology/types';
import type { Trace } from '../../core/trace/types';

/**
 * What the detailed canvas draws of an aggregated topology: the drilled-in nodes only, and the
 * Services with an endpoint among their Pods. Small topologies pass through unchanged.
 */
export function drilledTopology(t: Topology): Topology {
  if (!t.aggregated || t.focus.length === 0) return t;
  const focus = new Set(t.focus);
  const nodes = t.nodes.filter((n) => focus.has(n.name));
  const pods = new Set(nodes.flatMap((n) => n.pods.map((p) => p.key)));
  const services = t.services.filter((s) => s.endpoints.some((e) => e.pod !== null && pods.has(e.pod)));
  return { ...t, nodes, services };
}

/** The nodes a trace passes through (`node/NAME` hops), in order of first visit. */
export function traceNodes(trace: Trace): string[] {
  const seen = new Set<string>();
  for (const h of trace.hops) if (h.netns.startsWith('node/')) seen.add(h.netns.slice('node/'.length));
  return [...seen];
}
