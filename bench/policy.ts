import { buildEngine } from '../src/core/engine';
import type { K8sNetworkPolicy } from '../src/core/model/k8s';
import type { Scenario } from '../src/core/model/scenario';
import {
  compilePolicies,
  computeMatrix,
  podAllowed,
  policyKey,
  updateMatrix,
  type ReachabilityMatrix,
} from '../src/core/policy';
import { largeScenario, xlargeScenario } from '../src/scenario/presets/scale';
import { fmt, heapMiB, rng, table, time } from './util';

const PORT = { port: 8080, protocol: 'TCP' as const };

/** An edit a team would make: the policy additionally admits one more port from the same peers. */
function edited(p: K8sNetworkPolicy): K8sNetworkPolicy {
  const copy = structuredClone(p);
  const rules = copy.spec.ingress ?? [];
  if (rules.length > 0) rules[0]!.ports = [...(rules[0]!.ports ?? []), { protocol: 'TCP', port: 8443 }];
  else
    copy.spec.podSelector = { matchLabels: { ...(copy.spec.podSelector?.matchLabels ?? {}), edited: 'yes' } };
  return copy;
}

function preset(name: string, make: () => Scenario, rows: (string | number)[][]): void {
  const scenario = make();
  const engine = buildEngine(scenario).engine;
  if (!engine) throw new Error(`${name}: scenario did not build`);
  const cluster = engine.cluster;
  const compiled = time(() => compilePolicies(cluster, scenario.namespaces, scenario.networkPolicies));
  const index = compiled.value;
  // Warm-up (kept alive), then the measured full matrix; its heap is what a second, retained copy adds.
  const warm = computeMatrix(index, [PORT]);
  const before = heapMiB();
  const full = time(() => computeMatrix(index, [PORT]));
  let m: ReachabilityMatrix | null = full.value;
  const heap = heapMiB() - before;
  void warm.layers.length;
  const C = m.classes.count;
  // One incremental edit (a random existing policy, seeded), then the same edit from scratch to check.
  const r = rng(3);
  const pol = scenario.networkPolicies[Math.floor(r() * scenario.networkPolicies.length)]!;
  const key = policyKey(pol);
  const next = edited(pol);
  const upd = time(() => updateMatrix(m!, index, next, key));
  m = upd.value;
  const check = compilePolicies(cluster, scenario.namespaces, [
    ...scenario.networkPolicies.filter((p) => policyKey(p) !== key),
    next,
  ]);
  const fresh = computeMatrix(check, [PORT]);
  let mismatches = 0;
  const pods = cluster.pods.length;
  for (let i = 0; i < 20000; i++) {
    const a = Math.floor(r() * pods);
    const b = Math.floor(r() * pods);
    if (podAllowed(m, 0, a, b) !== podAllowed(fresh, 0, a, b)) mismatches++;
  }
  rows.push([
    name,
    cluster.pods.length,
    scenario.networkPolicies.length,
    C,
    fmt(compiled.ms, 0),
    fmt(full.ms, 1),
    fmt(heap, 1),
    fmt(upd.ms, 1),
    `${mismatches}/20000`,
  ]);
}

/**
 * NetworkPolicy reachability at scale: full Pods × Pods matrix for one port/protocol (computed as
 * class × class bitmaps), the heap it holds, and one incremental policy edit. Bars: full matrix
 * L ≤ 50 ms, XL ≤ 1 s; matrix heap ≤ 32 MiB; incremental edit at XL ≤ 100 ms.
 */
export function benchPolicy(): void {
  console.log('\n## NetworkPolicy: reachability matrix for TCP/8080');
  const rows: (string | number)[][] = [
    [
      'preset',
      'Pods',
      'policies',
      'classes',
      'compile ms',
      'matrix ms',
      'matrix heap MiB',
      'edit ms',
      'edit ≠ full',
    ],
  ];
  preset('L', () => largeScenario(1), rows);
  preset('XL', () => xlargeScenario(1), rows);
  console.log(table(rows));
  console.log('bars: matrix L ≤ 50 ms, XL ≤ 1000 ms; heap ≤ 32 MiB; XL edit ≤ 100 ms');
}
