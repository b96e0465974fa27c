import type { Lesson } from '../types';
import { designs, tcp } from '../designs';

const probe = tcp('default/client', 'default/backend', 80);

/** The same Service in four kube-proxy modes: a chain walk, an IPVS table, an nft map, an eBPF map. */
export const lesson: Lesson = {
  id: 'proxy-modes',
  title: {
    en: 'kube-proxy: iptables, IPVS, nftables, eBPF',
    ja: 'kube-proxy：iptables・IPVS・nftables・eBPF',
  },
  steps: [
    {
      id: 'iptables',
      preset: 'service',
      designs: designs('bridge', 'overlay', 'iptables'),
      probe,
      hop: 3,
      highlights: [{ netns: 'node/node-1' }],
      expect: { netns: 'node/node-1', kind: 'dnat', table: 'nat', ruleHas: 'KUBE-SERVICES' },
      question: null,
    },
    {
      id: 'ipvs',
      preset: 'service',
      designs: designs('bridge', 'overlay', 'ipvs'),
      probe,
      hop: 3,
      highlights: [{ netns: 'node/node-1' }],
      expect: {
        netns: 'node/node-1',
        kind: 'dnat',
        ruleHas: 'KUBE-CLUSTER-IP',
        dst: { pod: 'default/backend-2' },
      },
      question: null,
    },
    {
      id: 'nftables',
      preset: 'service',
      designs: designs('bridge', 'overlay', 'nftables'),
      probe,
      hop: 3,
      highlights: [{ netns: 'node/node-1' }],
      expect: { netns: 'node/node-1', kind: 'dnat', ruleHas: '@service-ips' },
      question: null,
    },
    {
      id: 'ebpf',
      preset: 'service',
      designs: designs('ebpf', 'overlay', 'ebpf'),
      probe,
      hop: 0,
      highlights: [{ netns: 'default/client' }],
      expect: { netns: 'default/client', kind: 'dnat', dst: { pod: 'default/backend-2' } },
      question: {
        answer: 'socket',
        choices: [
          { id: 'socket', claim: { netns: 'default/client', kind: 'dnat' } },
          { id: 'node', claim: { netns: 'node/node-1', kind: 'dnat' } },
        ],
      },
    },
  ],
};
