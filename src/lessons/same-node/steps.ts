import type { Lesson, Question } from '../types';
import { designs, tcp } from '../designs';

const probe = tcp('default/pod-a', 'default/pod-b', 8080);

const whatDecides = (answer: 'bridge' | 'route' | 'ebpf'): Question => ({
  answer,
  choices: [
    { id: 'bridge', claim: { kind: 'bridge' } },
    { id: 'route', claim: { kind: 'route', netns: 'node/node-1' } },
    { id: 'ebpf', claim: { kind: 'ebpf' } },
  ],
});

/** Inside one node: the same packet crosses a bridge, a routing table or an eBPF program. */
export const lesson: Lesson = {
  id: 'same-node',
  title: {
    en: 'Two Pods on one node: bridge, routed, eBPF',
    ja: '同じノードの Pod 同士：bridge・routed・eBPF',
  },
  steps: [
    {
      id: 'bridge',
      preset: 'same-node',
      designs: designs('bridge', 'overlay'),
      probe,
      hop: 2,
      highlights: [{ netns: 'node/node-1', device: 'cni0' }],
      expect: { netns: 'node/node-1', device: 'cni0', kind: 'bridge', table: 'bridge fdb' },
      question: {
        answer: 'cni0',
        choices: [
          { id: 'cni0', claim: { device: 'cni0' } },
          { id: 'nic', claim: { device: 'eth0', netns: 'node/node-1' } },
          { id: 'vxlan', claim: { device: 'flannel.1' } },
        ],
      },
    },
    {
      id: 'routed',
      preset: 'same-node',
      designs: designs('routed', 'overlay'),
      probe,
      hop: 2,
      highlights: [{ netns: 'node/node-1', device: { hostVethOf: 'default/pod-a' } }],
      expect: {
        netns: 'node/node-1',
        device: { hostVethOf: 'default/pod-b' },
        kind: 'route',
        table: 'ip route',
      },
      question: whatDecides('route'),
    },
    {
      id: 'ebpf',
      preset: 'same-node',
      designs: designs('ebpf', 'overlay'),
      probe,
      hop: 2,
      highlights: [{ netns: 'node/node-1', device: { hostVethOf: 'default/pod-a' } }],
      expect: { netns: 'node/node-1', device: { hostVethOf: 'default/pod-a' }, kind: 'ebpf' },
      question: whatDecides('ebpf'),
    },
  ],
};
