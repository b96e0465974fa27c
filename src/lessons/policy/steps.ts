import type { Lesson } from '../types';
import { FLANNEL_VXLAN, tcp } from '../designs';

/** NetworkPolicy: isolation per direction, enforced at the Pod's veth, and selecting Pods, not Services. */
export const lesson: Lesson = {
  id: 'policy',
  title: { en: 'NetworkPolicy at the veth', ja: 'veth で効く NetworkPolicy' },
  steps: [
    {
      id: 'egress-open',
      preset: 'policy',
      designs: FLANNEL_VXLAN,
      probe: tcp('default/frontend-1', 'default/db-0', 5432),
      hop: 3,
      highlights: [{ netns: 'node/node-1', device: { hostVethOf: 'default/frontend-1' } }],
      expect: { netns: 'node/node-1', device: { hostVethOf: 'default/frontend-1' }, kind: 'policy' },
      question: null,
    },
    {
      id: 'ingress-drop',
      preset: 'policy',
      designs: FLANNEL_VXLAN,
      probe: tcp('default/frontend-1', 'default/db-0', 5432),
      hop: 12,
      highlights: [{ netns: 'node/node-2', device: { hostVethOf: 'default/db-0' } }],
      expect: {
        netns: 'node/node-2',
        device: { hostVethOf: 'default/db-0' },
        kind: 'drop',
        reason: 'POLICY_DENIED',
      },
      question: {
        answer: 'db-veth',
        choices: [
          { id: 'db-veth', claim: { kind: 'drop', device: { hostVethOf: 'default/db-0' } } },
          { id: 'source-node', claim: { kind: 'drop', netns: 'node/node-1' } },
          { id: 'delivered', claim: { verdict: 'delivered' } },
        ],
      },
    },
    {
      id: 'allowed',
      preset: 'policy',
      designs: FLANNEL_VXLAN,
      probe: tcp('default/frontend-1', 'default/backend-1', 9090),
      hop: 14,
      highlights: [{ netns: 'node/node-2', device: { hostVethOf: 'default/backend-1' } }],
      expect: { netns: 'default/backend-1', kind: 'deliver', verdict: 'delivered' },
      question: null,
    },
    {
      id: 'behind-service',
      preset: 'policy-service',
      designs: FLANNEL_VXLAN,
      probe: tcp('default/frontend-1', 'default/db', 5432),
      hop: 13,
      highlights: [
        { netns: 'node/node-1' },
        { netns: 'node/node-2', device: { hostVethOf: 'default/db-0' } },
      ],
      expect: { kind: 'drop', reason: 'POLICY_DENIED', connectionHas: 'dnat' },
      question: {
        answer: 'dropped',
        choices: [
          { id: 'dropped', claim: { verdict: 'dropped', connectionHas: 'dnat' } },
          { id: 'delivered', claim: { verdict: 'delivered' } },
          { id: 'no-dnat', claim: { connectionLacks: 'dnat' } },
        ],
      },
    },
  ],
};
