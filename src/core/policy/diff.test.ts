import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile';
import { changedScope, diff, flipSummary, podFlips } from './diff';
import { computeMatrix, podAllowed } from './matrix';
import { PORTS, namespacesArb, nodes, podsArb, policiesArb, policyArb } from './testing/arbitraries';

/**
 * The what-if diff against the pairwise difference of two full matrices, on random clusters:
 * adding a policy, deleting one, and replacing one; with and without the changed-policy scope.
 */

const RUNS = { numRuns: 150 };

type Change = 'add' | 'delete' | 'replace';

describe('what-if diff', () => {
  it('equals the pairwise difference of the before and after matrices', () => {
    fc.assert(
      fc.property(
        podsArb,
        namespacesArb,
        policiesArb,
        policyArb('np0-0'),
        fc.constantFrom<Change>('add', 'delete', 'replace'),
        fc.boolean(),
        (pods, namespaces, policies, extra, change, scoped) => {
          let after = [...policies];
          if (change === 'add') after.push({ ...extra, metadata: { ...extra.metadata, name: 'added' } });
          else if (change === 'delete') after = after.slice(1);
          else if (after.length > 0) after[0] = { ...extra, metadata: after[0]!.metadata };
          const bi = compilePolicies({ pods, nodes }, namespaces, policies);
          const ai = compilePolicies({ pods, nodes }, namespaces, after);
          const bm = computeMatrix(bi, PORTS);
          const am = computeMatrix(ai, PORTS);
          const d = diff(bm, am, scoped ? changedScope(bi, ai) : undefined);
          const want: string[] = [];
          const ns = (i: number): string => pods[i]!.namespace;
          const counts = new Map<string, [number, number]>();
          PORTS.forEach((pp, l) => {
            for (let a = 0; a < pods.length; a++)
              for (let b = 0; b < pods.length; b++) {
                const x = podAllowed(bm, l, a, b);
                if (x === podAllowed(am, l, a, b)) continue;
                want.push(`${a}>${b}@${l}:${x}`);
                const k = `${ns(a)}|${ns(b)}|${pp.port}/${pp.protocol}`;
                const v = counts.get(k) ?? [0, 0];
                v[x ? 0 : 1]++;
                counts.set(k, v);
              }
          });
          const got = [...podFlips(d)].map((f) => `${f.from}>${f.to}@${f.layer}:${f.before}`);
          expect(got.sort()).toEqual(want.sort());
          const summary = new Map(
            flipSummary(d, ai).map((r) => [
              `${r.fromNamespace}|${r.toNamespace}|${r.port}/${r.protocol}`,
              [r.allowedToDenied, r.deniedToAllowed],
            ]),
          );
          expect(summary).toEqual(counts);
        },
      ),
      RUNS,
    );
  });
});
