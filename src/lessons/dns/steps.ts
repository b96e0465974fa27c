import type { Lesson } from '../types';
import { FLANNEL_VXLAN, tcp } from '../designs';

/** Names before addresses: the Pod's resolver, the search list, CoreDNS, and headless Services. */
export const lesson: Lesson = {
  id: 'dns',
  title: { en: 'DNS: search list and headless Services', ja: 'DNS：検索リストと headless Service' },
  steps: [
    {
      id: 'query',
      preset: 's',
      designs: FLANNEL_VXLAN,
      probe: tcp('default/client', 'backend', 80),
      hop: 13,
      highlights: [{ netns: 'default/client' }],
      expect: { netnsStartsWith: 'kube-system/coredns-', kind: 'dns' },
      question: null,
    },
    {
      id: 'answer',
      preset: 's',
      designs: FLANNEL_VXLAN,
      probe: tcp('default/client', 'backend', 80),
      hop: 14,
      highlights: [{ netns: 'default/client' }],
      expect: { netns: 'default/client', kind: 'dns', connectionHas: 'dnat' },
      question: {
        answer: 'vip',
        choices: [
          { id: 'vip', claim: { connectionHas: 'dnat' } },
          { id: 'pods', claim: { connectionLacks: 'dnat' } },
        ],
      },
    },
    {
      id: 'headless',
      preset: 's',
      designs: FLANNEL_VXLAN,
      probe: tcp('default/client', 'db', 5432),
      hop: 14,
      highlights: [{ netns: 'default/client' }, { netns: 'default/db-0' }],
      expect: { netns: 'default/client', kind: 'dns', connectionLacks: 'dnat', deliveredTo: 'default/db-0' },
      question: {
        answer: 'no',
        choices: [
          { id: 'no', claim: { connectionLacks: 'dnat' } },
          { id: 'yes', claim: { connectionHas: 'dnat' } },
        ],
      },
    },
  ],
};
