import type { Lesson } from '../types';
import { FLANNEL_VXLAN, tcp } from '../designs';

const probe = tcp('default/client', 'default/backend', 80);

/** A Service is rules, not a device: the client's node rewrites the address before the packet leaves. */
export const lesson: Lesson = {
  id: 'service',
  title: { en: 'A Service is rules, not a device', ja: 'Service は機器ではなくルール' },
  steps: [
    {
      id: 'vip',
      preset: 'service',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 2,
      highlights: [
        { netns: 'default/client', device: 'eth0' },
        { netns: 'node/node-1', device: 'cni0' },
      ],
      expect: { netns: 'node/node-1', kind: 'bridge', dst: { clusterIP: 'default/backend' } },
      question: null,
    },
    {
      id: 'dnat-here',
      preset: 'service',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 3,
      highlights: [{ netns: 'node/node-1' }],
      expect: { netns: 'node/node-1', device: null, kind: 'dnat', dst: { pod: 'default/backend-2' } },
      question: {
        answer: 'client-node',
        choices: [
          { id: 'client-node', claim: { netns: 'node/node-1', kind: 'dnat' } },
          { id: 'backend-node', claim: { netns: 'node/node-2', kind: 'dnat' } },
          { id: 'device', claim: { kind: 'deliver' } },
        ],
      },
    },
    {
      id: 'across-nodes',
      preset: 'service',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 13,
      highlights: [{ netns: 'default/backend-2', device: 'eth0' }, { netns: 'default/backend-1' }],
      expect: {
        netns: 'default/backend-2',
        kind: 'deliver',
        dst: { pod: 'default/backend-2' },
        deliveredTo: 'default/backend-2',
      },
      question: null,
    },
  ],
};
