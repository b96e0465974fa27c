import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildEngine, engineTrace } from '../engine';
import { engineMatrix } from '../queries';
import type { K8sNetworkPolicy } from '../model/k8s';
import { arbScenario } from '../testing/arbitraries';

/** Random policies over the arbitrary clusters' labels (`app: a0|a1|a2`, namespaces default/shop). */
const arbPolicy: fc.Arbitrary<K8sNetworkPolicy> = fc
  .record({
    ns: fc.constantFrom('default', 'shop'),
    target: fc.option(fc.constantFrom('a0', 'a1', 'a2'), { nil: undefined }),
    ingress: fc.option(
      fc.array(
        fc.record({
          app: fc.option(fc.constantFrom('a0', 'a1', 'a2'), { nil: undefined }),
          otherNs: fc.boolean(),
          port: fc.option(fc.constantFrom(8080, 9090), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
      { nil: undefined },
    ),
    egressDeny: fc.boolean(),
    i: fc.nat(1000),
  })
  .map(({ ns, target, ingress, egressDeny, i }) => ({
    apiVersion: 'networking.k8s.io/v1' as const,
    kind: 'NetworkPolicy' as const,
    metadata: { name: `np-${i}`, namespace: ns },
    spec: {
      podSelector: target ? { matchLabels: { app: target } } : {},
      policyTypes: egressDeny ? ['Ingress' as const, 'Egress' as const] : ['Ingress' as const],
      ingress: (ingress ?? []).map((r) => ({
        from: [
          {
            ...(r.app ? { podSelector: { matchLabels: { app: r.app } } } : {}),
            ...(r.otherNs ? { namespaceSelector: {} } : {}),
          },
        ],
        ...(r.port ? { ports: [{ port: r.port }] } : {}),
      })),
      ...(egressDeny ? { egress: [] } : {}),
    },
  }));

describe('NetworkPolicy: the matrix agrees with a trace for every cell', () => {
  it('property: random clusters, designs and policies', () => {
    fc.assert(
      fc.property(
        arbScenario,
        fc.array(arbPolicy, { maxLength: 3 }),
        fc.constantFrom(8080, 9090),
        (s, policies, port) => {
          const names = new Set<string>();
          const unique = policies.filter(
            (p) =>
              !names.has(`${p.metadata.namespace}/${p.metadata.name}`) &&
              names.add(`${p.metadata.namespace}/${p.metadata.name}`),
          );
          const { engine } = buildEngine({ ...s, networkPolicies: unique });
          const m = engineMatrix(engine!, port, 'TCP');
          const n = m.pods.length;
          for (let r = 0; r < n; r++) {
            for (let c = 0; c < n; c++) {
              const bit = r * n + c;
              const allowed = (m.bits[bit >> 3]! & (1 << (bit & 7))) !== 0;
              const t = engineTrace(engine!, { from: m.pods[r]!, to: m.pods[c]!, port, protocol: 'TCP' });
              expect(
                t.verdict === 'delivered',
                `${m.pods[r]} → ${m.pods[c]}:${port}: ${t.hops.at(-1)?.explain}`,
              ).toBe(allowed);
              if (!allowed) expect(t.reason).toBe('POLICY_DENIED');
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
