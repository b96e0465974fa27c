import { type Engine, engineTrace } from './engine';
import type { PolicyIndex } from './policy';
import type { Probe, Trace } from './trace/types';

/**
 * A trace under other NetworkPolicies than the engine's (a what-if): the same Linux state, Services
 * and load-balancing choice, with policy decided by `policy`. The datapath builders do not depend
 * on policy (the chains a CNI programs for it are rendered from the index at the hop), so only the
 * verdicts and the rules shown change.
 */
export function traceWithPolicies(engine: Engine, policy: PolicyIndex | null, probe: Probe): Trace {
  const view: Engine = {
    cluster: engine.cluster,
    world: engine.world,
    get services() {
      return engine.services;
    },
    policy,
    get l7() {
      return engine.l7;
    },
  };
  return engineTrace(view, probe);
}

/** The hops where policy decided (verdict hops, and the drop that ends a denied flow). */
export function decidingHops(t: Trace): { index: number; hop: Trace['hops'][number] }[] {
  return t.hops
    .map((hop, index) => ({ hop, index }))
    .filter(({ hop }) => hop.kind === 'policy' || (hop.kind === 'drop' && t.reason === 'POLICY_DENIED'));
}
