import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'A NetworkPolicy is a declaration; the CNI plugin enforces it next to each Pod, per direction. Here: deny all ingress by default, then allow frontend → backend on port 9090.',
    steps: {
      'egress-open': {
        title: 'Isolation is per direction',
        body: [
          'A Pod is isolated for ingress when some policy with `policyTypes: [Ingress]` selects it, and for egress when one with `Egress` does. The policies here only mention Ingress, so frontend-1 may send anywhere.',
          'The check happens where the Pod meets the node: at the host end of its veth. This first check, on frontend-1’s side, lets the packet out.',
        ],
      },
      'ingress-drop': {
        title: 'Enforced at the destination’s veth',
        body: [
          '`default-deny-ingress` selects every Pod in the namespace and allows nothing, so db-0 is isolated for ingress. `allow-from-frontend` opens port 9090 of the backend only.',
          'The packet therefore crosses node-1, the tunnel and node-2, and is dropped at the very last step, by the rule on db-0’s veth.',
        ],
        question: {
          prompt: 'frontend-1 connects to db-0 on port 5432. Will the policies drop the packet, and where?',
          choices: {
            'db-veth': 'Dropped at db-0’s veth on node-2, just before db-0',
            'source-node': 'Dropped on node-1, before it leaves the client’s node',
            delivered: 'Not dropped: frontend-1 is allowed to send anywhere',
          },
          explain:
            'Dropped at db-0’s veth on node-2: the ingress side is checked where the packet would enter db-0, and nothing allows frontend → db.',
        },
      },
      allowed: {
        title: 'An allow rule opens one port from one set of Pods',
        body: [
          'The same connection to backend-1 on port 9090 passes: backend-1 is isolated too, but `allow-from-frontend` admits Pods labelled `app: frontend` on TCP 9090.',
          'Open the Policy tool to see the reachability matrix for every Pod pair, and click a red cell to trace the flow that is denied.',
        ],
      },
      'behind-service': {
        title: 'The Service translated, and the Pod still dropped it',
        body: [
          'Policies select Pods, never Services. Here `db` is also a ClusterIP Service: the name resolves, the client’s node translates the ClusterIP to db-0 as usual, and the packet travels all the way to node-2.',
          'Then db-0’s ingress isolation drops it at the veth. A working Service address says nothing about whether the Pod behind it accepts you.',
        ],
        question: {
          prompt: 'frontend-1 now connects to the Service `db` instead of the Pod. What happens?',
          choices: {
            dropped: 'node-1 translates the address to db-0, and db-0’s veth drops the packet',
            delivered: 'It is delivered: policies apply to Pods, and this went to a Service',
            'no-dnat': 'Nothing is translated, because the destination Pod is isolated',
          },
          explain:
            'The DNAT happens on node-1 as for any Service, and the packet, now addressed to db-0, is dropped by db-0’s ingress rule on node-2.',
        },
      },
    },
  },
  ja: {
    summary:
      'NetworkPolicy は宣言です。CNI プラグインが各 Pod のすぐそばで、方向ごとに実施します。ここでは受信をデフォルトで拒否し、frontend → backend のポート 9090 だけを許可します。',
    steps: {
      'egress-open': {
        title: '隔離は方向ごと',
        body: [
          '`policyTypes: [Ingress]` のポリシーに選ばれた Pod は受信について隔離され、`Egress` のポリシーに選ばれた Pod は送信について隔離されます。ここにあるポリシーは Ingress だけなので、frontend-1 はどこへでも送れます。',
          'チェックは Pod とノードの境目、つまり veth のホスト側で行われます。frontend-1 側のこの最初のチェックは、パケットを通します。',
        ],
      },
      'ingress-drop': {
        title: '宛先の veth で実施される',
        body: [
          '`default-deny-ingress` は namespace 内の全 Pod を選び、何も許可しないので、db-0 は受信について隔離されます。`allow-from-frontend` が開けるのは backend のポート 9090 だけです。',
          'そのためパケットは node-1、トンネル、node-2 と進み、最後の一歩で db-0 の veth 上のルールによって破棄されます。',
        ],
        question: {
          prompt:
            'frontend-1 が db-0 のポート 5432 へ接続します。ポリシーはパケットを破棄するでしょうか？ するならどこで？',
          choices: {
            'db-veth': 'node-2 上の db-0 の veth、db-0 の直前で破棄される',
            'source-node': 'node-1 で、クライアントのノードを出る前に破棄される',
            delivered: '破棄されない：frontend-1 はどこへでも送ってよい',
          },
          explain:
            'node-2 上の db-0 の veth で破棄されます。受信側のチェックはパケットが db-0 に入る場所で行われ、frontend → db を許すルールはありません。',
        },
      },
      allowed: {
        title: '許可ルールは、ある Pod の集合から一つのポートを開ける',
        body: [
          '同じように backend-1 のポート 9090 へつなぐと通ります。backend-1 も隔離されていますが、`allow-from-frontend` が `app: frontend` ラベルの Pod からの TCP 9090 を受け入れるからです。',
          'Policy ツールを開くと全 Pod の組み合わせの到達可能性マトリクスが見え、赤いセルをクリックすると拒否される通信をトレースできます。',
        ],
      },
      'behind-service': {
        title: 'Service は変換したのに、Pod が破棄した',
        body: [
          'ポリシーが選ぶのは Pod であって、Service ではありません。ここでは `db` は ClusterIP Service でもあります。名前は引け、クライアントのノードはいつもどおり ClusterIP を db-0 に変換し、パケットは node-2 まで進みます。',
          'そして db-0 の受信の隔離が veth でパケットを破棄します。Service のアドレスが使えることは、その奥の Pod が受け入れてくれることを何も保証しません。',
        ],
        question: {
          prompt: '今度は frontend-1 が Pod ではなく Service `db` へ接続します。何が起きるでしょう？',
          choices: {
            dropped: 'node-1 がアドレスを db-0 に変換し、db-0 の veth がパケットを破棄する',
            delivered: '届く：ポリシーは Pod に効くもので、これは Service 宛てだから',
            'no-dnat': '宛先の Pod が隔離されているので、何も変換されない',
          },
          explain:
            'DNAT はどの Service とも同じく node-1 で起き、db-0 宛てになったパケットが node-2 で db-0 の受信ルールに破棄されます。',
        },
      },
    },
  },
};
