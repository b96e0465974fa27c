import type { Engine } from './engine';
import type { Protocol } from './model/k8s';
import {
  type FlipSummary,
  type MatrixBlock,
  type PolicyEdit,
  type PolicyIndex,
  type PortProto,
  type ReachabilityMatrix,
  compilePolicies,
  computeMatrix,
  flipSummary,
  matrixBlock,
  namespaceIds,
  whatIf,
  withEdits,
} from './policy';
import type { Hop, Probe, Trace } from './trace/types';
import { decidingHops, traceWithPolicies } from './what-if';

/**
 * NetworkPolicy reachability of an engine as the page asks for it — the matrix block and per-Pod
 * summary of the matrix view, a what-if before Apply, a flow traced under the edited policies — on
 * the same core functions the CLI `reach` and the property tests use (computeMatrix, matrixBlock,
 * whatIf/diff). The worker only adapts these answers.
 */

const emptyIndex = new WeakMap<Engine, PolicyIndex>();

/** The engine's policy index; an empty one (kept per engine) when the scenario has no policy. */
export function policyIndexFor(engine: Engine): PolicyIndex {
  if (engine.policy) return engine.policy;
  let idx = emptyIndex.get(engine);
  if (!idx)
    emptyIndex.set(engine, (idx = compilePolicies(engine.cluster, engine.cluster.scenario.namespaces, [])));
  return idx;
}

const matrices = new WeakMap<Engine, Map<string, ReachabilityMatrix>>();

/** The engine's matrix for these ports, computed once per engine (a what-if leaves it valid). */
export function engineMatrixOf(engine: Engine, ports: readonly PortProto[]): ReachabilityMatrix {
  let byPorts = matrices.get(engine);
  if (!byPorts) matrices.set(engine, (byPorts = new Map()));
  const key = ports.map((p) => `${p.port}/${p.protocol}`).join(',');
  let m = byPorts.get(key);
  if (!m) byPorts.set(key, (m = computeMatrix(policyIndexFor(engine), ports)));
  return m;
}

/** Which Pods the matrix view shows: exact namespace ('' = all) and a name substring. */
export interface PodFilter {
  namespace?: string;
  name?: string;
}

export interface EngineMatrixBlock extends MatrixBlock {
  port: number;
  protocol: Protocol;
  /** Pods matching the filter before the `limit` cut, and all Pods. */
  matching: number;
  total: number;
  classes: number;
}

/** The matrix block of the first `limit` Pods matching `filter` on one port/protocol. */
export function engineMatrixBlock(
  engine: Engine,
  port: number,
  protocol: Protocol,
  filter: PodFilter,
  limit: number,
): EngineMatrixBlock {
  const m = engineMatrixOf(engine, [{ port, protocol }]);
  const name = filter.name?.trim() ?? '';
  const matching: number[] = [];
  for (const p of engine.cluster.pods)
    if ((!filter.namespace || p.namespace === filter.namespace) && (!name || p.name.includes(name)))
      matching.push(p.index);
  const block = matrixBlock(policyIndexFor(engine), m, 0, matching.slice(0, limit));
  return {
    ...block,
    port,
    protocol,
    matching: matching.length,
    total: engine.cluster.pods.length,
    classes: m.classes.count,
  };
}

/** One flipped flow of a what-if. */
export interface FlippedFlow {
  from: string;
  to: string;
  before: 'allowed' | 'denied';
  after: 'allowed' | 'denied';
}

/** A namespace pair on one port/protocol, its flip counts and its first flows. */
export interface FlipGroup extends FlipSummary {
  flows: FlippedFlow[];
}

export interface WhatIfAnswer {
  ports: PortProto[];
  allowedToDenied: number;
  deniedToAllowed: number;
  /** Every namespace pair × port with flips, sorted; at most `maxGroups`. */
  groups: FlipGroup[];
  /** Groups left out by the cap. */
  moreGroups: number;
}

const verdict = (b: boolean): 'allowed' | 'denied' => (b ? 'allowed' : 'denied');

/**
 * What `edits` would flip on `ports`, grouped by namespace pair and port with the first
 * `flowsPerGroup` flows of each group.
 */
export function engineWhatIf(
  engine: Engine,
  edits: readonly PolicyEdit[],
  ports: readonly PortProto[],
  maxGroups = 50,
  flowsPerGroup = 5,
): WhatIfAnswer {
  const index = policyIndexFor(engine);
  const d = whatIf(index, engineMatrixOf(engine, ports), edits);
  const summary = flipSummary(d, index);
  const groups: FlipGroup[] = summary.slice(0, maxGroups).map((s) => ({ ...s, flows: [] }));
  // groups by (layer, from namespace, to namespace) as one number: no string per flipped cell
  const ids = namespaceIds(index);
  const NS = ids.namespaces.length;
  const nsId = new Map(ids.namespaces.map((n, i) => [n, i]));
  const layerOf = new Map(d.ports.map((p, l) => [`${p.port}/${p.protocol}`, l]));
  const byKey = new Map<number, FlipGroup>();
  for (const g of groups)
    byKey.set(
      (layerOf.get(`${g.port}/${g.protocol}`)! * NS + nsId.get(g.fromNamespace)!) * NS +
        nsId.get(g.toNamespace)!,
      g,
    );
  let open = groups.length;
  const pods = engine.cluster.pods;
  const nsOfJoint = new Map<number, number[]>();
  const namespacesOf = (j: number): number[] => {
    let ns = nsOfJoint.get(j);
    if (!ns) {
      ns = [];
      for (const i of d.podsOf[j]!) if (!ns.includes(ids.nsOfPod[i]!)) ns.push(ids.nsOfPod[i]!);
      nsOfJoint.set(j, ns);
    }
    return ns;
  };
  // Walk the flipped class pairs, expanding Pods only for groups that still want example flows.
  for (const f of d.flips) {
    if (open === 0) break;
    const base = f.layer * NS;
    const wanted = (a: number, b: number): FlipGroup | undefined => {
      const g = byKey.get((base + a) * NS + b);
      return g && g.flows.length < flowsPerGroup ? g : undefined;
    };
    const from = namespacesOf(f.from);
    const to = namespacesOf(f.to);
    const anyWanted = (): boolean => from.some((a) => to.some((b) => wanted(a, b) !== undefined));
    if (!anyWanted()) continue;
    pairs: for (const ia of d.podsOf[f.from]!)
      for (const ib of d.podsOf[f.to]!) {
        if (ia === ib) continue; // loopback never flips
        const g = wanted(ids.nsOfPod[ia]!, ids.nsOfPod[ib]!);
        if (!g) continue;
        const a = pods[ia]!;
        const b = pods[ib]!;
        // a hostNetwork Pod to its own node's Pods is allowed whatever the policies say
        if (a.hostNetwork && a.nodeIndex === b.nodeIndex) continue;
        g.flows.push({
          from: `${a.namespace}/${a.name}`,
          to: `${b.namespace}/${b.name}`,
          before: verdict(f.before),
          after: verdict(!f.before),
        });
        if (g.flows.length === flowsPerGroup) {
          open--;
          if (!anyWanted()) break pairs;
        }
      }
  }
  let ad = 0;
  let da = 0;
  for (const s of summary) {
    ad += s.allowedToDenied;
    da += s.deniedToAllowed;
  }
  return {
    ports: [...ports],
    allowedToDenied: ad,
    deniedToAllowed: da,
    groups,
    moreGroups: summary.length - groups.length,
  };
}

/** A hop where policy decided, as the page shows it (its sentence in either language). */
export type DecidingHop = Pick<Hop, 'kind' | 'netns' | 'device' | 'say' | 'explain' | 'rule'> & {
  index: number;
};

export interface TraceSide {
  verdict: Trace['verdict'];
  reason: Trace['reason'];
  hops: DecidingHop[];
}

const side = (t: Trace): TraceSide => ({
  verdict: t.verdict,
  reason: t.reason,
  hops: decidingHops(t).map(({ index, hop }) => ({
    index,
    kind: hop.kind,
    netns: hop.netns,
    device: hop.device,
    say: hop.say,
    explain: hop.explain,
    rule: hop.rule,
  })),
});

/** One flow traced under the policies as they are and with `edits` applied. */
export function engineWhatIfTrace(
  engine: Engine,
  edits: readonly PolicyEdit[],
  probe: Probe,
): { before: TraceSide; after: TraceSide } {
  const index = policyIndexFor(engine);
  const before = side(traceWithPolicies(engine, index, probe));
  const after = withEdits(index, edits, () => side(traceWithPolicies(engine, index, probe)));
  return { before, after };
}
