import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'Where Pod addresses come from, and why that makes cross-node routing simple: each node owns a block of the cluster’s Pod network.',
    steps: {
      'node-block': {
        title: 'Each node owns a Pod CIDR',
        body: [
          'The cluster has one Pod network (here `10.244.0.0/16`). The control plane cuts it into one block per node (`/24` by default: `10.244.0.0/24` for node-1, `10.244.1.0/24` for node-2), written into each Node’s `spec.podCIDR`.',
          'When a Pod starts, the CNI plugin’s IPAM picks a free address from its node’s block. pod-a’s address is inside node-1’s block; pod-b’s is inside node-2’s. Service addresses come from a separate range the control plane manages, not from these blocks.',
        ],
      },
      'route-per-node': {
        title: 'One route per node, not one per Pod',
        body: [
          'Because every address in a block belongs to the same node, the other nodes need only one route per node to reach all of its Pods, however many there are.',
          'This is what routing designs distribute (by BGP or as static routes) and what an overlay programs into its tunnel device.',
        ],
        question: {
          prompt: 'node-1 has a packet for 10.244.1.x. How does it know that address lives on node-2?',
          choices: {
            'cidr-route': 'A route for node-2’s whole Pod CIDR',
            arp: 'It asks with ARP on the network between the nodes',
            dns: 'It asks the cluster DNS which node runs the Pod',
          },
          explain:
            'The route lookup matches node-2’s Pod CIDR. No one is asked at packet time: the address plan itself says where the Pod lives.',
        },
      },
    },
  },
  ja: {
    summary:
      'Pod のアドレスはどこから来るのか、そしてそれがノード間のルーティングをなぜ簡単にするのか。各ノードはクラスタの Pod ネットワークの一区画を受け持っています。',
    steps: {
      'node-block': {
        title: 'ノードごとに Pod CIDR を持つ',
        body: [
          'クラスタには Pod ネットワークが一つあります（ここでは `10.244.0.0/16`）。コントロールプレーンはそれをノードごとの区画に分け（既定は `/24`：node-1 は `10.244.0.0/24`、node-2 は `10.244.1.0/24`）、各 Node の `spec.podCIDR` に書き込みます。',
          'Pod が起動すると、CNI プラグインの IPAM がそのノードの区画から空いているアドレスを選びます。pod-a のアドレスは node-1 の区画に、pod-b のアドレスは node-2 の区画に入っています。Service のアドレスはこれらの区画ではなく、コントロールプレーンが管理する別の範囲から払い出されます。',
        ],
      },
      'route-per-node': {
        title: '経路は Pod ごとではなくノードごとに一本',
        body: [
          '区画の中のアドレスはすべて同じノードのものなので、ほかのノードはノードごとに経路を一本持つだけで、そのノードの Pod すべてに届きます。Pod がいくつあっても同じです。',
          'ルーティング方式が（BGP や静的経路で）配っているのも、オーバレイがトンネルデバイスに設定しているのも、この経路です。',
        ],
        question: {
          prompt:
            'node-1 に 10.244.1.x 宛てのパケットがあります。そのアドレスが node-2 にあると、node-1 はどうやって知るのでしょう？',
          choices: {
            'cidr-route': 'node-2 の Pod CIDR 全体への経路がある',
            arp: 'ノード間のネットワークで ARP を投げて尋ねる',
            dns: 'クラスタ DNS にどのノードで動いているかを尋ねる',
          },
          explain:
            '経路検索が node-2 の Pod CIDR に一致します。パケットのたびに誰かに尋ねることはありません。アドレス計画そのものが Pod の居場所を表しています。',
        },
      },
    },
  },
};
