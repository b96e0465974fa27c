import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'A Service gives a set of Pods one stable address. Nothing on the network owns that address: it exists as rules on every node, which rewrite it before the packet leaves the client’s node.',
    steps: {
      vip: {
        title: 'The client sends to an address no one has',
        body: [
          'The client connects to the Service `backend` at its ClusterIP. No interface anywhere carries that address (no Pod, no node, no router), and no route in the cluster points at a device for it.',
          'The packet leaves the client through its veth, still addressed to the ClusterIP, exactly as far as the client’s node.',
        ],
      },
      'dnat-here': {
        title: 'Translated on the client’s node',
        body: [
          'On the client’s node, kube-proxy’s rules see the ClusterIP and rewrite the destination to one of the Service’s endpoints: a Pod IP and its target port (DNAT). Conntrack remembers the choice, so the replies are rewritten back.',
          'From here it is an ordinary Pod-to-Pod packet. The translation happens on the node where the connection started, before the packet leaves it.',
        ],
        question: {
          prompt:
            'The packet is still addressed to the ClusterIP. Where will that address be rewritten to a Pod’s address?',
          choices: {
            'client-node': 'On node-1, the client’s own node, before the packet leaves it',
            'backend-node': 'On node-2, the node of the backend Pod that serves it',
            device: 'At a Service device that receives the packet and forwards it',
          },
          explain:
            'On node-1. The nat rules kube-proxy wrote on the client’s node match the ClusterIP and DNAT it to an endpoint. There is no Service device to receive the packet.',
        },
      },
      'across-nodes': {
        title: 'Load balancing across nodes',
        body: [
          'The endpoint was chosen among all of the Service’s Pods, whichever node they run on: here the choice fell on `backend-2` on node-2, so the rewritten packet crossed the nodes like any Pod packet.',
          'Because every node has the same rules, the Service works from any node, and no node is a bottleneck for it. Trace again from another client, or force another endpoint, and the same rules pick another Pod.',
        ],
      },
    },
  },
  ja: {
    summary:
      'Service は Pod の集合に一つの安定したアドレスを与えます。そのアドレスを持つ機器はネットワークのどこにもありません。各ノード上のルールとして存在し、パケットがクライアントのノードを出る前に書き換えます。',
    steps: {
      vip: {
        title: 'クライアントは誰も持っていないアドレスへ送る',
        body: [
          'クライアントは Service `backend` の ClusterIP へ接続します。そのアドレスを持つインターフェースはどこにもありません（Pod にも、ノードにも、ルータにも）。クラスタ内にそのアドレス用のデバイスを指す経路もありません。',
          'パケットは ClusterIP 宛てのまま veth を通ってクライアントを出て、クライアントのノードまで進みます。',
        ],
      },
      'dnat-here': {
        title: 'クライアントのノードで変換される',
        body: [
          'クライアントのノードで、kube-proxy が書いたルールが ClusterIP を見つけ、宛先を Service のエンドポイントの一つ、つまり Pod IP と targetPort に書き換えます（DNAT）。conntrack がその選択を覚えているので、返りのパケットは元に戻されます。',
          'ここから先は普通の Pod 間のパケットです。変換は接続が始まったノードで、パケットがそこを出る前に起きます。',
        ],
        question: {
          prompt:
            'パケットはまだ ClusterIP 宛てです。このアドレスはどこで Pod のアドレスに書き換えられるでしょう？',
          choices: {
            'client-node': 'クライアント自身のノード node-1 で、パケットが出ていく前に',
            'backend-node': '応答するバックエンド Pod がいる node-2 で',
            device: 'パケットを受け取って転送する Service 用のデバイスで',
          },
          explain:
            'node-1 です。kube-proxy がクライアントのノードに書いた nat ルールが ClusterIP に一致し、エンドポイントへ DNAT します。パケットを受け取る Service 用のデバイスはありません。',
        },
      },
      'across-nodes': {
        title: 'ノードをまたいだ負荷分散',
        body: [
          'エンドポイントは、どのノードで動いているかに関係なく Service の全 Pod から選ばれます。ここでは node-2 の `backend-2` が選ばれたので、書き換え後のパケットは普通の Pod のパケットとしてノードを渡りました。',
          '全ノードが同じルールを持つので、Service はどのノードからでも使え、Service のための特定のノードがボトルネックになることもありません。別のクライアントからトレースし直したり、別のエンドポイントを指定したりすると、同じルールが別の Pod を選びます。',
        ],
      },
    },
  },
};
