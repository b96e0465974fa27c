import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'How traffic from outside the cluster gets in at layer 4: a port opened on every node (NodePort), a load balancer in front of those ports (LoadBalancer), and what the Pod sees as the client.',
    steps: {
      nodeport: {
        title: 'NodePort: the same port on every node',
        body: [
          'A NodePort Service opens one port (here 30080) on every node. The client outside reached node-2, yet the only Pod runs on node-1: node-2’s rules translate the packet to that Pod anyway.',
          'As with a ClusterIP, the translation happens on the node the packet entered, and the rewritten packet then crosses to the Pod’s node as Pod traffic.',
        ],
      },
      masquerade: {
        title: 'externalTrafficPolicy: Cluster hides the client',
        body: [
          'The reply from the Pod must come back through node-2, which holds the translation. With `externalTrafficPolicy: Cluster` (the default) node-2 therefore also rewrites the source to one of its own addresses before forwarding (masquerade).',
          'The Pod then answers node-2, and node-2 undoes both rewrites. The price: the Pod never sees the client’s real address.',
        ],
        question: {
          prompt:
            'node-2 has already rewritten the destination to the Pod on node-1. Will the source address change here too?',
          choices: {
            yes: 'Yes: node-2 replaces the client’s address with one of its own',
            no: 'No: the client’s address reaches the Pod unchanged',
          },
          explain:
            'Yes. kube-proxy marked the packet because it came from outside to a Service with the Cluster policy, and `POSTROUTING` masquerades marked packets to the address of the outgoing device.',
        },
      },
      local: {
        title: 'externalTrafficPolicy: Local keeps it',
        body: [
          'With `externalTrafficPolicy: Local`, a node only sends outside traffic to endpoints on that same node, so the reply comes back the same way and no masquerade is needed. The cloud load balancer sends traffic only to nodes that pass kube-proxy’s health check, the ones running a Pod.',
          'type LoadBalancer is NodePort plus that external load balancer, created and kept up to date through the Kubernetes API.',
        ],
        question: {
          prompt: 'The Service has externalTrafficPolicy: Local. Which source address does web-1 see?',
          choices: {
            client: 'The outside client’s own address',
            node: 'node-1’s Node IP',
          },
          explain:
            'The client’s own address: the load balancer picked node-1, where web-1 runs, and node-1 forwarded without masquerading.',
        },
      },
      'local-refuses': {
        title: 'A node without a local Pod refuses',
        body: [
          'The other side of Local: a packet that reaches the NodePort of a node with no endpoint of the Service is dropped there, not forwarded to another node.',
          'That is why the load balancer’s health check matters, and why Pods of such a Service should be spread over the nodes it sends to.',
        ],
      },
    },
  },
  ja: {
    summary:
      'クラスタの外からの通信が L4 でどう入ってくるか。全ノードに開けたポート（NodePort）、その前に立つロードバランサ（LoadBalancer）、そして Pod からクライアントがどう見えるか。',
    steps: {
      nodeport: {
        title: 'NodePort：全ノードで同じポート',
        body: [
          'NodePort の Service は、全ノードで一つのポート（ここでは 30080）を開けます。外のクライアントが着いたのは node-2 ですが、唯一の Pod は node-1 で動いています。それでも node-2 のルールがパケットをその Pod へ変換します。',
          'ClusterIP と同じく、変換はパケットが入ってきたノードで起こり、書き換え後のパケットは Pod の通信として Pod のノードへ渡ります。',
        ],
      },
      masquerade: {
        title: 'externalTrafficPolicy: Cluster ではクライアントが隠れる',
        body: [
          'Pod からの返事は、変換を覚えている node-2 を通って戻らなければなりません。そのため `externalTrafficPolicy: Cluster`（既定）では、node-2 は転送する前に送信元も自分のアドレスに書き換えます（マスカレード）。',
          'Pod は node-2 に返事をし、node-2 が二つの書き換えを元に戻します。その代わり、Pod にはクライアントの本当のアドレスが見えません。',
        ],
        question: {
          prompt:
            'node-2 はすでに宛先を node-1 の Pod に書き換えました。ここで送信元アドレスも変わるでしょうか？',
          choices: {
            yes: 'はい：node-2 がクライアントのアドレスを自分のアドレスに置き換える',
            no: 'いいえ：クライアントのアドレスのまま Pod に届く',
          },
          explain:
            'はい。Cluster ポリシーの Service へ外から来たパケットなので kube-proxy が印（mark）を付けており、`POSTROUTING` が印の付いたパケットを出口デバイスのアドレスでマスカレードします。',
        },
      },
      local: {
        title: 'externalTrafficPolicy: Local なら残る',
        body: [
          '`externalTrafficPolicy: Local` では、ノードは外からの通信を同じノード上のエンドポイントにしか送りません。返事も同じ道を戻るので、マスカレードは要りません。クラウドのロードバランサは kube-proxy のヘルスチェックに通るノード、つまり Pod が動いているノードにだけ通信を送ります。',
          'type LoadBalancer は、NodePort に外部ロードバランサを加え、その作成と更新を Kubernetes API に統合したものです。',
        ],
        question: {
          prompt:
            'この Service は externalTrafficPolicy: Local です。web-1 に見える送信元アドレスはどれでしょう？',
          choices: {
            client: '外のクライアント自身のアドレス',
            node: 'node-1 の Node IP',
          },
          explain:
            'クライアント自身のアドレスです。ロードバランサは web-1 が動く node-1 を選び、node-1 はマスカレードせずに転送しました。',
        },
      },
      'local-refuses': {
        title: 'ローカルに Pod のないノードは断る',
        body: [
          'Local の裏側です。Service のエンドポイントを持たないノードの NodePort に届いたパケットは、ほかのノードへ転送されずにそこで破棄されます。',
          'だからロードバランサのヘルスチェックが重要で、このような Service の Pod は、ロードバランサが送る先のノードに散らばっているべきなのです。',
        ],
      },
    },
  },
};
