import type { Lesson } from '../types';
import { FLANNEL_VXLAN, tcp } from '../designs';

/** From outside: NodePort on every node, LoadBalancer in front, and what the Pod sees as the client. */
export const lesson: Lesson = {
  id: 'external',
  title: { en: 'NodePort and LoadBalancer', ja: 'NodePort と LoadBalancer' },
  steps: [
    {
      id: 'nodeport',
      preset: 'nodeport',
      designs: FLANNEL_VXLAN,
      probe: tcp('external', '192.168.1.11', 30080),
      hop: 1,
      highlights: [{ netns: 'node/node-2', device: 'eth0' }, { netns: 'default/web-1' }],
      expect: { netns: 'node/node-2', kind: 'dnat', dst: { pod: 'default/web-1' } },
      question: null,
    },
    {
      id: 'masquerade',
      preset: 'nodeport',
      designs: FLANNEL_VXLAN,
      probe: tcp('external', '192.168.1.11', 30080),
      hop: 3,
      highlights: [{ netns: 'node/node-2', device: 'flannel.1' }],
      expect: { netns: 'node/node-2', kind: 'snat', srcChanged: true },
      question: {
        answer: 'yes',
        choices: [
          { id: 'yes', claim: { srcChanged: true } },
          { id: 'no', claim: { srcChanged: false } },
        ],
      },
    },
    {
      id: 'local',
      preset: 'lb-local',
      designs: FLANNEL_VXLAN,
      probe: tcp('external', 'default/web', 80),
      hop: 6,
      highlights: [{ netns: 'default/web-1', device: 'eth0' }],
      expect: { netns: 'default/web-1', kind: 'deliver', src: '203.0.113.10', verdict: 'delivered' },
      question: {
        answer: 'client',
        choices: [
          { id: 'client', claim: { src: '203.0.113.10' } },
          { id: 'node', claim: { src: { node: 'node-1' } } },
        ],
      },
    },
    {
      id: 'local-refuses',
      preset: 'lb-local',
      designs: FLANNEL_VXLAN,
      probe: tcp('external', '192.168.1.11', 30080),
      hop: 1,
      highlights: [{ netns: 'node/node-2' }],
      expect: { netns: 'node/node-2', kind: 'drop', verdict: 'dropped', reason: 'NO_LOCAL_ENDPOINTS' },
      question: null,
    },
  ],
};
