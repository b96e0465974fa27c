import type { Lesson } from '../types';
import { FLANNEL_VXLAN, tcp } from '../designs';

const probe = tcp('default/pod-a', 'default/pod-b', 8080);

/** A Pod is a network namespace; a veth pair is its only cable to the node. */
export const lesson: Lesson = {
  id: 'netns-veth',
  title: { en: 'Pods, namespaces and veth pairs', ja: 'Pod・network namespace・veth ペア' },
  steps: [
    {
      id: 'pod-netns',
      preset: 'same-node',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 0,
      highlights: [{ netns: 'default/pod-a', device: 'eth0' }],
      expect: { netns: 'default/pod-a', device: 'eth0', kind: 'route', ruleHas: { podCidrOf: 'node-1' } },
      question: null,
    },
    {
      id: 'veth-pair',
      preset: 'same-node',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 2,
      highlights: [
        { netns: 'default/pod-a', device: 'eth0' },
        { netns: 'node/node-1', device: { hostVethOf: 'default/pod-a' } },
      ],
      expect: { netns: 'node/node-1', device: 'cni0', kind: 'bridge' },
      question: {
        answer: 'node',
        choices: [
          { id: 'node', claim: { netns: 'node/node-1' } },
          { id: 'peer', claim: { netns: 'default/pod-b' } },
          { id: 'wire', claim: { netns: 'underlay' } },
        ],
      },
    },
    {
      id: 'other-end',
      preset: 'same-node',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 4,
      highlights: [
        { netns: 'node/node-1', device: { hostVethOf: 'default/pod-b' } },
        { netns: 'default/pod-b', device: 'eth0' },
      ],
      expect: { netns: 'default/pod-b', device: 'eth0', kind: 'deliver', deliveredTo: 'default/pod-b' },
      question: null,
    },
  ],
};
