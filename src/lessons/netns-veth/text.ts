import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'What a Pod is to the Linux kernel: a network namespace with one interface, wired to the node by a veth pair.',
    steps: {
      'pod-netns': {
        title: 'A Pod is a network namespace',
        body: [
          'Each Pod gets a network namespace: its own interfaces, addresses, routes and neighbour table, invisible to the other Pods. The CNI plugin creates it, puts an `eth0` inside and gives it an address from the node’s Pod CIDR.',
          'The route pod-a uses here is in its own table. Open pod-a’s netns in the Linux panel and `ip route` shows the same entry the hop names.',
        ],
      },
      'veth-pair': {
        title: 'A veth pair is the Pod’s cable',
        body: [
          'pod-a’s `eth0` is one end of a veth pair: two virtual interfaces joined back to back, so a frame sent into one comes out of the other. The CNI plugin moves one end into the Pod and leaves the other end in the node’s namespace, with a name like `veth…`, `cali…` or `lxc…`.',
          'Whatever the node does next (bridge it, route it, run an eBPF program on it) starts at that host end.',
        ],
        question: {
          prompt: 'The frame leaves pod-a through its eth0. In which network namespace does it appear next?',
          choices: {
            node: 'In node-1’s own (host) namespace, at the other end of the veth',
            peer: 'Directly in pod-b’s namespace',
            wire: 'On the physical network between the nodes',
          },
          explain:
            'It comes out of the host end of pod-a’s veth in node-1’s namespace; here that end is a port of the `cni0` bridge, which takes it next. Pods never hand frames straight to each other.',
        },
      },
      'other-end': {
        title: 'And back into a Pod',
        body: [
          'At the destination the same thing happens in reverse: the node sends the frame into the host end of pod-b’s veth, and it comes out of `eth0` inside pod-b, addressed to pod-b’s IP.',
          'Every Pod-to-Pod path starts and ends with a veth. What differs between CNI plugins is the part in the middle, which the next lessons take apart.',
        ],
      },
    },
  },
  ja: {
    summary:
      'Linux カーネルから見た Pod の正体：インターフェースを一つ持つ network namespace と、それをノードにつなぐ veth ペアです。',
    steps: {
      'pod-netns': {
        title: 'Pod は一つの network namespace',
        body: [
          'Pod ごとに network namespace が作られます。インターフェース、アドレス、経路、近隣テーブルがすべて自分専用で、ほかの Pod からは見えません。CNI プラグインがそれを作り、中に `eth0` を置き、ノードの Pod CIDR からアドレスを与えます。',
          'pod-a がここで使う経路は pod-a 自身のテーブルにあります。Linux パネルで pod-a の netns を開くと、`ip route` にこのホップが示すのと同じエントリが見えます。',
        ],
      },
      'veth-pair': {
        title: 'veth ペアは Pod のケーブル',
        body: [
          'pod-a の `eth0` は veth ペアの片端です。veth は背中合わせにつながった二つの仮想インターフェースで、片方に送ったフレームはもう片方から出てきます。CNI プラグインは片端を Pod に入れ、もう片端を `veth…`、`cali…`、`lxc…` といった名前でノード側の namespace に残します。',
          'ノードがこの後どうするか（bridge でつなぐ、ルーティングする、eBPF プログラムを動かす）は、すべてこのホスト側の端から始まります。',
        ],
        question: {
          prompt: 'フレームは eth0 から pod-a を出ました。次に現れるのはどの network namespace でしょう？',
          choices: {
            node: 'node-1 自身（ホスト）の namespace、veth のもう片端',
            peer: 'いきなり pod-b の namespace',
            wire: 'ノード間の物理ネットワーク上',
          },
          explain:
            'pod-a の veth のホスト側の端から、node-1 の namespace に出てきます。ここではその端が `cni0` bridge のポートになっていて、次は bridge が受け取ります。Pod 同士がフレームを直接手渡すことはありません。',
        },
      },
      'other-end': {
        title: 'そしてまた Pod の中へ',
        body: [
          '宛先側では逆のことが起きます。ノードがフレームを pod-b の veth のホスト側の端に送ると、pod-b の中の `eth0` から、pod-b の IP 宛てとして出てきます。',
          'Pod 間の経路はどれも veth で始まり veth で終わります。CNI プラグインごとに違うのはその間の部分で、次のレッスンから分解していきます。',
        ],
      },
    },
  },
};
