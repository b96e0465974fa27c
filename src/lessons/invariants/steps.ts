import type { Lesson } from '../types';
import { CALICO_BGP, tcp } from '../designs';

const probe = tcp('default/pod-a', 'default/pod-b', 8080);

/** The two promises of the Kubernetes network model: every Pod has its own IP; Pods talk without NAT. */
export const lesson: Lesson = {
  id: 'invariants',
  title: { en: 'The two rules of the Pod network', ja: 'Pod ネットワークの二つの約束' },
  steps: [
    {
      id: 'own-ip',
      preset: 'cross-node-routing',
      designs: CALICO_BGP,
      probe,
      hop: 0,
      highlights: [
        { netns: 'default/pod-a', device: 'eth0' },
        { netns: 'default/pod-b', device: 'eth0' },
      ],
      expect: { netns: 'default/pod-a', device: 'eth0', kind: 'route', src: { pod: 'default/pod-a' } },
      question: null,
    },
    {
      id: 'no-nat',
      preset: 'cross-node-routing',
      designs: CALICO_BGP,
      probe,
      hop: 6,
      highlights: [{ netns: 'default/pod-b', device: 'eth0' }],
      expect: {
        netns: 'default/pod-b',
        kind: 'deliver',
        src: { pod: 'default/pod-a' },
        verdict: 'delivered',
      },
      question: {
        answer: 'pod-ip',
        choices: [
          { id: 'pod-ip', claim: { src: { pod: 'default/pod-a' } } },
          { id: 'node-ip', claim: { src: { node: 'node-1' } } },
          { id: 'gateway', claim: { src: '169.254.1.1' } },
        ],
      },
    },
  ],
};
