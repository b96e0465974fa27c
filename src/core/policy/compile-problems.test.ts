import { describe, expect, it } from 'vitest';
import { compilePolicies, policyProblems } from './compile';

describe('policy compile problems', () => {
  it('say a bad ipBlock in English (the CLI) and as a key with args (the page)', () => {
    const index = compilePolicies(
      { pods: [], nodes: [] },
      [],
      [
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'p', namespace: 'default' },
          spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/33' } }, {}] }] },
        },
      ],
    );
    expect(policyProblems(index).map((p) => [p.message, p.say?.key, p.say?.args])).toEqual([
      [
        'default/p: invalid CIDR 10.0.0.0/33',
        'problem.policy.cidr',
        { policy: 'default/p', cidr: '10.0.0.0/33' },
      ],
      [
        'default/p: a peer must set podSelector, namespaceSelector or ipBlock',
        'problem.policy.peerEmpty',
        { policy: 'default/p' },
      ],
    ]);
  });
});
