import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterPod } from '../model/cluster';
import type { K8sNetworkPolicy } from '../model/k8s';
import { compilePolicies, policyKey } from './compile';
import { evaluateFlow } from './evaluate';
import { type ReachabilityMatrix, computeMatrix, podAllowed } from './matrix';
import { updateMatrix } from './update';
import { PORTS, namespacesArb, nodes, podsArb, policiesArb, policyArb } from './testing/arbitraries';

/** Random small clusters and policies (fast-check) checking the laws of NetworkPolicy. */

/** Pod-level truth table of a matrix, as a string (independent of class numbering). */
function table(m: ReachabilityMatrix, n: number): string {
  let s = '';
  for (let l = 0; l < m.ports.length; l++)
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) s += podAllowed(m, l, a, b) ? '1' : '0';
  return s;
}

/** Per-flow truth table; with `loopback`, a Pod to itself is allowed as the matrix (datapath) says. */
function flowTable(pods: ClusterPod[], index: ReturnType<typeof compilePolicies>, loopback = false): string {
  let s = '';
  for (const pp of PORTS)
    for (const a of pods)
      for (const b of pods)
        s += (loopback && a === b) || evaluateFlow(index, a, b, pp.port, pp.protocol).allowed ? '1' : '0';
  return s;
}

const RUNS = { numRuns: 150 };

describe('NetworkPolicy laws', () => {
  it('with no policies everything is allowed', () => {
    fc.assert(
      fc.property(podsArb, namespacesArb, (pods, namespaces) => {
        const index = compilePolicies({ pods, nodes }, namespaces, []);
        const all = '1'.repeat(PORTS.length * pods.length * pods.length);
        expect(flowTable(pods, index)).toBe(all);
        expect(table(computeMatrix(index, PORTS), pods.length)).toBe(all);
      }),
      RUNS,
    );
  });

  it('a new policy only closes flows of Pods it newly isolates and only opens flows of Pods already isolated', () => {
    fc.assert(
      fc.property(
        podsArb,
        namespacesArb,
        policiesArb,
        policyArb('added'),
        (pods, namespaces, policies, added) => {
          const before = compilePolicies({ pods, nodes }, namespaces, policies);
          const after = compilePolicies({ pods, nodes }, namespaces, [...policies, added]);
          const key = policyKey(added);
          for (const pp of PORTS)
            for (const a of pods)
              for (const b of pods) {
                const o = evaluateFlow(before, a, b, pp.port, pp.protocol);
                const n = evaluateFlow(after, a, b, pp.port, pp.protocol);
                for (const dir of ['egress', 'ingress'] as const) {
                  if (o[dir].allowed && !n[dir].allowed) {
                    expect(o[dir].isolated).toBe(false);
                    expect(n[dir].selectedBy).toContain(key);
                  }
                  if (!o[dir].allowed && n[dir].allowed) {
                    expect(o[dir].isolated).toBe(true);
                    expect(n[dir].allowedBy?.policy).toBe(key);
                  }
                }
              }
        },
      ),
      RUNS,
    );
  });

  it('policy order never matters', () => {
    fc.assert(
      fc.property(podsArb, namespacesArb, policiesArb, fc.nat(), (pods, namespaces, policies, seed) => {
        const shuffled = [...policies].sort(
          (p, q) => ((policies.indexOf(p) * 7 + seed) % 5) - ((policies.indexOf(q) * 7 + seed) % 5),
        );
        const reversed = [...policies].reverse();
        // a name used twice is a replacement; order decides which object wins, so dedupe first
        const keys = policies.map(policyKey);
        if (new Set(keys).size !== keys.length) return;
        const a = compilePolicies({ pods, nodes }, namespaces, policies);
        const b = compilePolicies({ pods, nodes }, namespaces, shuffled);
        const c = compilePolicies({ pods, nodes }, namespaces, reversed);
        expect(flowTable(pods, b)).toBe(flowTable(pods, a));
        expect(flowTable(pods, c)).toBe(flowTable(pods, a));
        expect(table(computeMatrix(c, PORTS), pods.length)).toBe(table(computeMatrix(a, PORTS), pods.length));
        for (const p of pods)
          expect(evaluateFlow(c, p, pods[0]!, 80, 'TCP').ingress.allowedBy).toEqual(
            evaluateFlow(a, p, pods[0]!, 80, 'TCP').ingress.allowedBy,
          );
      }),
      RUNS,
    );
  });

  it('the class-based matrix agrees with evaluateFlow for every cell', () => {
    fc.assert(
      fc.property(podsArb, namespacesArb, policiesArb, (pods, namespaces, policies) => {
        const index = compilePolicies({ pods, nodes }, namespaces, policies);
        expect(table(computeMatrix(index, PORTS), pods.length)).toBe(flowTable(pods, index, true));
      }),
      { numRuns: 300 },
    );
  });

  it('incremental update after each edit equals full recomputation', () => {
    const editArb = fc.tuple(fc.nat(3), fc.boolean(), policyArb('e'));
    fc.assert(
      fc.property(
        podsArb,
        namespacesArb,
        policiesArb,
        fc.array(editArb, { minLength: 1, maxLength: 4 }),
        (pods, namespaces, policies, edits) => {
          const index = compilePolicies({ pods, nodes }, namespaces, policies);
          let m = computeMatrix(index, PORTS);
          const current = new Map(policies.map((p) => [policyKey(p), p]));
          for (const [which, del, fresh] of edits) {
            const keys = [...current.keys()];
            const target = keys.length > 0 && which < keys.length ? keys[which]! : null;
            let key: string;
            let next: K8sNetworkPolicy | null;
            if (target && del) {
              key = target;
              next = null;
              current.delete(key);
            } else {
              const [ns, name] = target ? target.split('/') : [fresh.metadata.namespace!, `new${which}`];
              next = { ...fresh, metadata: { name: name!, namespace: ns! } };
              key = policyKey(next);
              current.set(key, next);
            }
            m = updateMatrix(m, index, next, key);
            const full = compilePolicies({ pods, nodes }, namespaces, [...current.values()]);
            expect(table(m, pods.length)).toBe(table(computeMatrix(full, PORTS), pods.length));
            expect(flowTable(pods, index)).toBe(flowTable(pods, full));
          }
        },
      ),
      RUNS,
    );
  });
});
