import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sNetworkPolicy } from '../model/k8s';
import type { Ipv4 } from '../net/ipv4';
import { compilePolicies, policyKey } from './compile';
import { podFlips } from './diff';
import { type ReachabilityMatrix, computeMatrix, podAllowed } from './matrix';
import { PORTS, namespacesArb, nodes, podsArb, policiesArb, policyArb } from './testing/arbitraries';
import { type PolicyEdit, whatIf } from './what-if';

/**
 * The incremental what-if path (classes rebuilt from cached sub-groups, the selecting policies of
 * untouched classes reused from the previous matrix, the edited policies put back afterwards)
 * against a full recompute: several what-ifs in a row on one live index and one "before" matrix,
 * each equal to the pairwise difference of the before matrix and a matrix compiled from scratch
 * with the edits applied.
 */

const RUNS = { numRuns: 120 };

/** Pod-level flips between two matrices of the same Pods, as sorted strings. */
function pairwise(a: ReachabilityMatrix, b: ReachabilityMatrix, n: number): string[] {
  const out: string[] = [];
  for (let l = 0; l < PORTS.length; l++)
    for (let s = 0; s < n; s++)
      for (let d = 0; d < n; d++) {
        const x = podAllowed(a, l, s, d);
        if (x !== podAllowed(b, l, s, d)) out.push(`${s}>${d}@${l}:${x}`);
      }
  return out.sort();
}

describe('what-if, incremental', () => {
  // which existing policy (or a new name), delete or replace, and the new content
  const editArb = fc.tuple(fc.nat(4), fc.boolean(), policyArb('w'));

  it('a single edit: equals a full recompute, on changed cells when the classes stay', () => {
    // the two paths of whatIf: changed cells only (the diff shares the matrix's classes) or a
    // whole "after" matrix (the edit split or merged classes); both must be taken here
    const paths = { cells: 0, whole: 0 };
    fc.assert(
      fc.property(
        podsArb,
        namespacesArb,
        policiesArb,
        editArb,
        (pods, namespaces, policies, [which, del, fresh]) => {
          const index = compilePolicies({ pods, nodes }, namespaces, policies);
          const before = computeMatrix(index, PORTS);
          const after = new Map(policies.map((p) => [policyKey(p), p]));
          const keys = [...after.keys()];
          const target = which < keys.length ? keys[which]! : null;
          let edit: PolicyEdit;
          if (target && del) {
            after.delete(target);
            edit = { key: target, policy: null };
          } else {
            const [ns, name] = target ? target.split('/') : [fresh.metadata.namespace!, `new${which}`];
            const policy: K8sNetworkPolicy = { ...fresh, metadata: { name: name!, namespace: ns! } };
            after.set(policyKey(policy), policy);
            edit = { key: policyKey(policy), policy };
          }
          const d = whatIf(index, before, [edit]);
          paths[d.jointOfPod === before.classes.classOfPod ? 'cells' : 'whole']++;
          const full = computeMatrix(
            compilePolicies({ pods, nodes }, namespaces, [...after.values()]),
            PORTS,
          );
          const got = [...podFlips(d)].map((f) => `${f.from}>${f.to}@${f.layer}:${f.before}`).sort();
          expect(got).toEqual(pairwise(before, full, pods.length));
        },
      ),
      { numRuns: 200 },
    );
    expect(paths.cells).toBeGreaterThan(0);
    expect(paths.whole).toBeGreaterThan(0);
  });

  it('equals a full recompute for a run of random edits on one live index', () => {
    fc.assert(
      fc.property(
        podsArb,
        namespacesArb,
        policiesArb,
        fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        (pods, namespaces, policies, runs) => {
          const index = compilePolicies({ pods, nodes }, namespaces, policies);
          const before = computeMatrix(index, PORTS);
          const current = new Map(policies.map((p) => [policyKey(p), p]));
          for (const run of runs) {
            const after = new Map(current);
            const edits: PolicyEdit[] = run.map(([which, del, fresh]) => {
              const keys = [...after.keys()];
              const target = which < keys.length ? keys[which]! : null;
              if (target && del) {
                after.delete(target);
                return { key: target, policy: null };
              }
              const [ns, name] = target ? target.split('/') : [fresh.metadata.namespace!, `new${which}`];
              const policy: K8sNetworkPolicy = { ...fresh, metadata: { name: name!, namespace: ns! } };
              after.set(policyKey(policy), policy);
              return { key: policyKey(policy), policy };
            });
            const d = whatIf(index, before, edits);
            const full = computeMatrix(
              compilePolicies({ pods, nodes }, namespaces, [...after.values()]),
              PORTS,
            );
            const got = [...podFlips(d)].map((f) => `${f.from}>${f.to}@${f.layer}:${f.before}`).sort();
            expect(got).toEqual(pairwise(before, full, pods.length));
            // the live index is back as it was
            expect(pairwise(before, computeMatrix(index, PORTS), pods.length)).toEqual([]);
          }
        },
      ),
      RUNS,
    );
  });

  it('a deletion after a what-if that put back a policy with an ipBlock (new atom ids)', () => {
    // p1 (tier=web) may send anywhere (np2-0) and to 10.244.0.0/24 (np1-1, every Pod here);
    // deleting np2-0 flips nothing. The first what-if replaces np1-1 and puts it back, which gives
    // its ipBlock a new atom id: the deletion must not read the old one from the matrix's classes.
    const pod = (i: number, namespace: string, labels: Record<string, string>) => ({
      index: i,
      namespace,
      name: `p${i}`,
      nodeIndex: 0,
      ip: (0x0af4000a + i) as Ipv4,
      labels,
      ports: [],
      ready: true,
      hostNetwork: false,
    });
    const pods = [pod(0, 'y', {}), pod(1, 'x', { tier: 'web' }), pod(2, 'x', {})];
    const ns = (name: string) =>
      ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: {} } }) as const;
    const np = (name: string, spec: K8sNetworkPolicy['spec']): K8sNetworkPolicy => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: 'x' },
      spec,
    });
    const policies = [
      np('np2-0', { podSelector: { matchLabels: { tier: 'web' } }, egress: [{}] }),
      np('np1-1', { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.244.0.0/24' } }] }] }),
    ];
    const index = compilePolicies({ pods, nodes }, [ns('x'), ns('y')], policies);
    const before = computeMatrix(index, PORTS);
    expect([
      ...podFlips(whatIf(index, before, [{ key: 'x/np1-1', policy: np('np1-1', { podSelector: {} }) }])),
    ]).toEqual([]);
    expect([...podFlips(whatIf(index, before, [{ key: 'x/np2-0', policy: null }]))]).toEqual([]);
  });
});
