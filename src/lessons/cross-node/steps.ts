import type { Lesson, Question } from '../types';
import { CALICO_BGP, FLANNEL_VXLAN, tcp } from '../designs';

const probe = tcp('default/pod-a', 'default/pod-b', 8080);

const onTheWire = (answer: 'pod' | 'node'): Question => ({
  answer,
  choices: [
    { id: 'pod', claim: { dst: { pod: 'default/pod-b' }, outerDst: null } },
    { id: 'node', claim: { outerDst: { node: 'node-2' } } },
  ],
});

/** Across nodes: routing carries Pod IPs on the wire; an overlay wraps them in a packet between Node IPs. */
export const lesson: Lesson = {
  id: 'cross-node',
  title: { en: 'Across nodes: routing and VXLAN', ja: 'ノードをまたぐ：ルーティングと VXLAN' },
  steps: [
    {
      id: 'routing',
      preset: 'cross-node-routing',
      designs: CALICO_BGP,
      probe,
      hop: 3,
      highlights: [
        { netns: 'node/node-1', device: 'eth0' },
        { netns: 'node/node-2', device: 'eth0' },
      ],
      expect: { netns: 'underlay', kind: 'underlay', dst: { pod: 'default/pod-b' }, outerDst: null },
      question: onTheWire('pod'),
    },
    {
      id: 'overlay',
      preset: 'cross-node-overlay',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 7,
      highlights: [
        { netns: 'node/node-1', device: 'flannel.1' },
        { netns: 'node/node-2', device: 'flannel.1' },
      ],
      expect: {
        netns: 'underlay',
        kind: 'underlay',
        dst: { pod: 'default/pod-b' },
        outerDst: { node: 'node-2' },
      },
      question: onTheWire('node'),
    },
    {
      id: 'encap-mtu',
      preset: 'cross-node-overlay',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 5,
      highlights: [{ netns: 'node/node-1', device: 'flannel.1' }],
      expect: { netns: 'node/node-1', device: 'flannel.1', kind: 'encap', outerDst: { node: 'node-2' } },
      question: null,
    },
    {
      id: 'decap',
      preset: 'cross-node-overlay',
      designs: FLANNEL_VXLAN,
      probe,
      hop: 8,
      highlights: [{ netns: 'node/node-2', device: 'flannel.1' }],
      expect: { netns: 'node/node-2', device: 'flannel.1', kind: 'decap', dst: { pod: 'default/pod-b' } },
      question: null,
    },
  ],
};
