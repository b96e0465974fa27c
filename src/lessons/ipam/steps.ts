import type { Lesson } from '../types';
import { FLANNEL_VXLAN, tcp } from '../designs';

const probe = tcp('default/pod-a', 'default/pod-b', 8080);

/** Each node gets a Pod CIDR; its Pods take addresses from it, and the other nodes route that block. */
export const lesson: Lesson = {
  id: 'ipam',
  title: { en: 'IPAM: a Pod CIDR per node', ja: 'IPAM：ノードごとの Pod CIDR' },
  steps: [
    {
      id: 'node-block',
      preset: 'cross-node-overlay',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 0,
      highlights: [{ netns: 'node/node-1' }, { netns: 'default/pod-a', device: 'eth0' }],
      expect: { netns: 'default/pod-a', kind: 'route', src: { pod: 'default/pod-a' } },
      question: null,
    },
    {
      id: 'route-per-node',
      preset: 'cross-node-overlay',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 3,
      highlights: [{ netns: 'node/node-1', device: 'flannel.1' }, { netns: 'node/node-2' }],
      expect: { netns: 'node/node-1', device: 'flannel.1', kind: 'route', ruleHas: { podCidrOf: 'node-2' } },
      question: {
        answer: 'cidr-route',
        choices: [
          { id: 'cidr-route', claim: { kind: 'route', ruleHas: { podCidrOf: 'node-2' } } },
          { id: 'arp', claim: { kind: 'arp' } },
          { id: 'dns', claim: { kind: 'dns' } },
        ],
      },
    },
  ],
};
