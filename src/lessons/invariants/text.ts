import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'Kubernetes promises two things about Pod traffic, and every CNI plugin exists to keep them. Here they are on two Pods on different nodes.',
    steps: {
      'own-ip': {
        title: 'Every Pod has its own IP address',
        body: [
          'A Pod is not a process sharing the node’s address. It gets an address of its own, configured on its own `eth0`, with its own routing table. The containers in the Pod share that one address and talk to each other over `localhost`.',
          'Here `pod-a` starts a connection to `pod-b`. The first thing that happens is ordinary Linux: a route lookup inside pod-a’s network namespace, with pod-a’s address as the source.',
        ],
      },
      'no-nat': {
        title: 'Pods reach each other without NAT',
        body: [
          'The second promise: any Pod can reach any other Pod at its Pod IP, on any node, and the address it sends from is the address the receiver sees. No translation happens between Pods.',
          'That is why a server Pod can log, allow or answer its real peer. Services and traffic from outside the cluster are where translation does happen; later lessons show where.',
        ],
        question: {
          prompt:
            'The packet has crossed from node-1 to node-2. When pod-b receives it, which source address does it see?',
          choices: {
            'pod-ip': 'pod-a’s own Pod IP',
            'node-ip': 'node-1’s Node IP, because the packet left that node',
            gateway: 'The gateway address 169.254.1.1 that pod-a routes through',
          },
          explain:
            'pod-b sees pod-a’s Pod IP. The packet crossed a veth, node-1’s routing table, the wire and node-2’s routing table, and none of them rewrote the source.',
        },
      },
    },
  },
  ja: {
    summary:
      'Kubernetes は Pod の通信について二つのことを約束しています。CNI プラグインはその約束を守るために存在します。別々のノードにいる二つの Pod で確かめてみましょう。',
    steps: {
      'own-ip': {
        title: 'Pod はそれぞれ自分の IP アドレスを持つ',
        body: [
          'Pod はノードのアドレスを借りて動くプロセスではありません。自分専用のアドレスを自分の `eth0` に持ち、ルーティングテーブルも自分のものです。Pod 内のコンテナ同士はその一つのアドレスを共有し、`localhost` で話します。',
          'ここでは `pod-a` が `pod-b` への接続を始めます。最初に起きるのはごく普通の Linux の処理、つまり pod-a の network namespace の中での経路検索で、送信元は pod-a 自身のアドレスです。',
        ],
      },
      'no-nat': {
        title: 'Pod 同士は NAT なしで届く',
        body: [
          '二つ目の約束：どの Pod も、どのノードにいる Pod にも、その Pod IP で直接届きます。そして送った側のアドレスが、そのまま受け取った側に見えます。Pod 間ではアドレス変換が起きません。',
          'だからサーバ側の Pod は、本当の相手をログに残したり、許可したり、返信したりできます。変換が起きるのは Service と、クラスタの外から来る通信です。どこで起きるかは後のレッスンで見ます。',
        ],
        question: {
          prompt:
            'パケットは node-1 から node-2 へ渡りました。pod-b が受け取ったとき、送信元アドレスは何に見えるでしょう？',
          choices: {
            'pod-ip': 'pod-a 自身の Pod IP',
            'node-ip': 'node-1 の Node IP（そのノードから出たので）',
            gateway: 'pod-a が経由するゲートウェイ 169.254.1.1',
          },
          explain:
            'pod-b に見えるのは pod-a の Pod IP です。veth、node-1 のルーティングテーブル、物理ネットワーク、node-2 のルーティングテーブルを通りましたが、どこも送信元を書き換えていません。',
        },
      },
    },
  },
};
