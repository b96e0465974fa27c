import type { Cluster, Problem } from './model/cluster';
import type { Designs, Scenario } from './model/scenario';
import type { Probe, Trace } from './trace/types';
import type { Topology } from './topology/types';
import type { ShowWhat } from './show';
import { resolveCluster } from './ipam/resolve';
import { INTRA_DESIGNS } from './cni/registry';
import { World } from './cni/world';
import { tracePacket } from './trace/trace';
import { buildTopology } from './topology/build';
import { renderShow } from './linux/render/show';

/**
 * The facade the worker, the CLI and tests use: a scenario in, a resolved cluster and its modelled
 * Linux state out, and the questions a user asks of it (topology, traces, tables).
 */
export interface Engine {
  readonly cluster: Cluster;
  readonly world: World;
}

/** Resolves a scenario (IPAM, validation) and prepares its Linux state for the chosen designs. */
export function buildEngine(scenario: Scenario): { engine: Engine | null; problems: Problem[] } {
  const { cluster, problems } = resolveCluster(scenario, INTRA_DESIGNS[scenario.designs.intra].addressing);
  if (!cluster) return { engine: null, problems };
  return { engine: { cluster, world: new World(cluster, scenario.designs) }, problems };
}

/**
 * The same scenario under other designs. Pod addressing depends on the intra-node design
 * (a bridge gateway takes .1), so the cluster is resolved again.
 */
export function withDesigns(engine: Engine, designs: Designs): Engine {
  const { engine: next, problems } = buildEngine({ ...engine.cluster.scenario, designs });
  if (!next)
    throw new Error(`designs made a valid scenario invalid: ${problems.map((p) => p.message).join('; ')}`);
  return next;
}

export function engineTopology(engine: Engine): Topology {
  return buildTopology(engine.world);
}

export function engineTrace(engine: Engine, probe: Probe): Trace {
  return tracePacket(engine.world, probe);
}

/** What the named command prints in a netns; an error line if the netns does not exist. */
export function engineShow(engine: Engine, netns: string, what: ShowWhat): string {
  const ns = engine.world.netns(netns);
  if (!ns) return `Cannot open network namespace "${netns}": No such file or directory\n`;
  return renderShow(ns, what);
}
