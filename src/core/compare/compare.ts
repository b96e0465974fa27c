import { engineTrace, type Engine } from '../engine';
import type { Probe, Trace } from '../trace/types';
import { compareSummaries, summarizeTrace, type Difference, type TraceSummary } from './diff';

export interface Comparison {
  a: { trace: Trace; summary: TraceSummary };
  b: { trace: Trace; summary: TraceSummary };
  differences: Difference[];
}

/** The MTU of a Pod's eth0 as the design configured it (`ip link` in the Pod), or null. */
function podMtu(engine: Engine, netns: string): number | null {
  if (netns === 'external' || netns.startsWith('node/')) return null;
  return engine.world.netns(netns)?.links.find((l) => l.name === 'eth0')?.mtu ?? null;
}

/** Traces the same probe on two engines (the same scenario under two design sets) and compares them. */
export function compareDesigns(a: Engine, b: Engine, probe: Probe): Comparison {
  const ta = engineTrace(a, probe);
  const tb = engineTrace(b, probe);
  const sa = summarizeTrace(ta, podMtu(a, probe.from));
  const sb = summarizeTrace(tb, podMtu(b, probe.from));
  return {
    a: { trace: ta, summary: sa },
    b: { trace: tb, summary: sb },
    differences: compareSummaries(sa, sb),
  };
}
