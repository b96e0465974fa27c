import type { Designs, Scenario } from '../core/model/scenario';
import type { Problem } from '../core/model/cluster';
import type { Probe } from '../core/trace/types';
import type { PackedTrace } from '../core/trace/wire';
import type { Topology } from '../core/topology/types';

import type { ShowWhat } from '../core/show';

export type { ShowWhat };

export interface LoadResult {
  /** Problems found by validation; when any is an error the previous scenario stays loaded. */
  problems: Problem[];
  topology: Topology | null;
}

/**
 * The typed boundary between the page and the simulation core (comlink). Every call returns small
 * plain JSON; the model itself never crosses to the page.
 */
export interface SimApi {
  load(scenario: Scenario): Promise<LoadResult>;
  setDesigns(designs: Designs): Promise<Topology>;
  /** The trace in its compact wire form (≤ 10 KiB); `client.ts` unpacks it. */
  trace(probe: Probe, endpoint?: string): Promise<PackedTrace>;
  show(netns: string, what: ShowWhat): Promise<string>;
}
