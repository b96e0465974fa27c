import { describe, expect, it } from 'vitest';
import type { K8sNetworkPolicy } from '../model/k8s';
import { compilePolicies } from './compile';
import { policyPicture } from './picture';
import { testNodes, xyzNamespaces, xyzPods } from './testing/xyz';

/** The picture of a policy on the upstream e2e model (x, y, z × a, b, c). */

const np = (spec: K8sNetworkPolicy['spec']): K8sNetworkPolicy => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'p', namespace: 'x' },
  spec,
});

describe('policyPicture', () => {
  const index = (p: K8sNetworkPolicy) =>
    compilePolicies({ pods: xyzPods(), nodes: testNodes(2) }, xyzNamespaces(), [p]);

  it('selected Pods, isolated directions, peers with their Pod counts and ports', () => {
    const pic = policyPicture(
      index(
        np({
          podSelector: { matchLabels: { pod: 'a' } },
          ingress: [
            {
              from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }],
              ports: [{ port: 80, protocol: 'TCP' }],
            },
            { from: [{ podSelector: {} }] },
          ],
        }),
      ),
      'x/p',
    )!;
    expect(pic.selected).toBe(1);
    expect(pic.sample).toEqual(['x/a']);
    expect(pic.podSelector).toBe('pod=a');
    expect(pic.ingress.isolates).toBe(true);
    expect(pic.egress).toEqual({ isolates: false, rules: [] });
    expect(pic.ingress.rules).toEqual([
      { peers: [{ kind: 'nsPods', text: 'ns: ns=y', pods: 3 }], ports: ['80/TCP'] },
      { peers: [{ kind: 'pods', text: '{}', pods: 3 }], ports: [] },
    ]);
  });

  it('a direction listed with no rules denies everything; an unknown key has no picture', () => {
    const idx = index(np({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));
    const pic = policyPicture(idx, 'x/p')!;
    expect(pic.selected).toBe(3);
    expect(pic.ingress).toEqual({ isolates: true, rules: [] });
    expect(pic.egress).toEqual({ isolates: true, rules: [] });
    expect(policyPicture(idx, 'x/nope')).toBeNull();
  });
});
