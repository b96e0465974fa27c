import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactRows } from './compact';
import { compilePolicies } from './compile';
import { evaluateFlow } from './evaluate';
import { computeMatrix } from './matrix';
import { type Walk, forEachNamespacePair, namespaceIds } from './summary';
import { PORTS, namespacesArb, nodes, podsArb, policiesArb } from './testing/arbitraries';

/**
 * The compact rows and the namespace-pair summary against the per-pair answer of `evaluateFlow`
 * (loopback allowed, as the datapath does), on random clusters and policies.
 */

const RUNS = { numRuns: 150 };

describe('compact reach', () => {
  it('every compact row equals the per-pair answers', () => {
    fc.assert(
      fc.property(podsArb, namespacesArb, policiesArb, (pods, namespaces, policies) => {
        const index = compilePolicies({ pods, nodes }, namespaces, policies);
        const m = computeMatrix(index, PORTS);
        PORTS.forEach((pp, layer) => {
          const rows = [...compactRows(m, layer)];
          const expected = pods.map((a) =>
            pods
              .map((b) =>
                a === b ||
                (a.hostNetwork && a.nodeIndex === b.nodeIndex) ||
                evaluateFlow(index, a, b, pp.port, pp.protocol).allowed
                  ? '.'
                  : 'X',
              )
              .join(''),
          );
          expect(rows).toEqual(expected);
        });
      }),
      RUNS,
    );
  });

  it('the namespace-pair summary counts the allowed Pod pairs of every namespace pair', () => {
    fc.assert(
      fc.property(podsArb, namespacesArb, policiesArb, (pods, namespaces, policies) => {
        const index = compilePolicies({ pods, nodes }, namespaces, policies);
        const m = computeMatrix(index, PORTS);
        const ids = namespaceIds(index);
        PORTS.forEach((pp, layer) => {
          // a row's walk over its allowed or its denied classes only sets the cost: all three agree
          const counted = (walk: Walk): Map<string, [number, number]> => {
            const got = new Map<string, [number, number]>();
            forEachNamespacePair(
              m,
              index,
              layer,
              (a, b, ok, pairs) => got.set(`${ids.namespaces[a]}>${ids.namespaces[b]}`, [ok, pairs]),
              ids,
              walk,
            );
            return got;
          };
          const want = new Map<string, [number, number]>();
          const size = (ns: string): number => pods.filter((p) => p.namespace === ns).length;
          for (const a of pods)
            for (const b of pods) {
              const ok =
                a === b ||
                (a.hostNetwork && a.nodeIndex === b.nodeIndex) ||
                evaluateFlow(index, a, b, pp.port, pp.protocol).allowed;
              if (!ok) continue;
              const k = `${a.namespace}>${b.namespace}`;
              want.set(k, [(want.get(k)?.[0] ?? 0) + 1, size(a.namespace) * size(b.namespace)]);
            }
          for (const walk of ['auto', 'allowed', 'denied'] as const) expect(counted(walk)).toEqual(want);
        });
      }),
      RUNS,
    );
  });
});
