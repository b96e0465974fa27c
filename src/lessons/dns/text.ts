import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'Programs use names, not ClusterIPs. Every Pod’s resolver asks the cluster DNS, which builds its answers from the Services and their endpoints.',
    steps: {
      query: {
        title: 'The query goes to CoreDNS, through a Service',
        body: [
          'kubelet writes each Pod’s `/etc/resolv.conf`: `nameserver` is the ClusterIP of the `kube-dns` Service, and `search` lists `<namespace>.svc.cluster.local svc.cluster.local cluster.local` with `ndots:5`.',
          'So the short name `backend` is tried as `backend.default.svc.cluster.local.` first. The query itself is a packet to a Service: DNAT on the client’s node, then across to a CoreDNS Pod, which answers from the Services it watches.',
        ],
      },
      answer: {
        title: 'A normal Service answers with its ClusterIP',
        body: [
          'For a normal Service, CoreDNS answers with the ClusterIP. The client then connects to that address, and the Service rules on its node pick an endpoint, as in the Service lesson.',
          'Names are just a way to find the stable address; the load balancing still happens in the datapath.',
        ],
        question: {
          prompt:
            'The resolver has its answer for `backend`. Will the connection that follows be translated by the Service rules?',
          choices: {
            vip: 'Yes: the answer is the ClusterIP, which node-1 then translates',
            pods: 'No: the answer is already a Pod IP',
          },
          explain:
            'Yes. CoreDNS returned the ClusterIP, and the connection hits the DNAT rule on node-1 just like a connection to the address itself.',
        },
      },
      headless: {
        title: 'A headless Service answers with the Pods',
        body: [
          'A Service with `clusterIP: None` (headless) has no virtual address. CoreDNS answers with the Pod IPs of its ready endpoints instead, and the client picks one itself.',
          'StatefulSets use this so each Pod has a stable name of its own, such as `db-0.db.default.svc.cluster.local`.',
        ],
        question: {
          prompt:
            '`db` is a headless Service. Will the connection to the answer be translated (DNAT) on the way?',
          choices: {
            no: 'No: the client connects straight to a Pod IP',
            yes: 'Yes: node-1 still translates it to an endpoint',
          },
          explain:
            'No. The answer was db-0’s Pod IP, so the connection is plain Pod-to-Pod traffic with no Service rule involved.',
        },
      },
    },
  },
  ja: {
    summary:
      'プログラムが使うのは ClusterIP ではなく名前です。各 Pod のリゾルバはクラスタ DNS に尋ね、クラスタ DNS は Service とそのエンドポイントから答えを作ります。',
    steps: {
      query: {
        title: '問い合わせは Service を通って CoreDNS へ',
        body: [
          'kubelet は各 Pod の `/etc/resolv.conf` を書きます。`nameserver` は `kube-dns` Service の ClusterIP、`search` は `<namespace>.svc.cluster.local svc.cluster.local cluster.local`、そして `ndots:5` です。',
          'そのため短い名前 `backend` は、まず `backend.default.svc.cluster.local.` として試されます。問い合わせ自体も Service 宛てのパケットです。クライアントのノードで DNAT され、CoreDNS の Pod へ渡り、CoreDNS は監視している Service から答えます。',
        ],
      },
      answer: {
        title: '通常の Service は ClusterIP で答える',
        body: [
          '通常の Service なら、CoreDNS は ClusterIP を答えます。クライアントはそのアドレスへ接続し、Service のレッスンと同じように、自分のノードの Service ルールがエンドポイントを選びます。',
          '名前は安定したアドレスを見つけるための手段にすぎず、負荷分散はやはりデータパスで起きます。',
        ],
        question: {
          prompt:
            'リゾルバは `backend` の答えを受け取りました。続く接続は Service のルールで変換されるでしょうか？',
          choices: {
            vip: 'はい：答えは ClusterIP で、それを node-1 が変換する',
            pods: 'いいえ：答えはすでに Pod IP になっている',
          },
          explain:
            'はい。CoreDNS が返したのは ClusterIP なので、アドレスに直接つないだときと同じく、接続は node-1 の DNAT ルールに当たります。',
        },
      },
      headless: {
        title: 'headless Service は Pod で答える',
        body: [
          '`clusterIP: None` の Service（headless）には仮想アドレスがありません。代わりに CoreDNS は準備のできたエンドポイントの Pod IP を答え、クライアントが自分で一つを選びます。',
          'StatefulSet はこれを使って、`db-0.db.default.svc.cluster.local` のように Pod ごとに安定した名前を持たせます。',
        ],
        question: {
          prompt:
            '`db` は headless Service です。答えのアドレスへの接続は、途中で変換（DNAT）されるでしょうか？',
          choices: {
            no: 'いいえ：クライアントは Pod IP へ直接つなぐ',
            yes: 'はい：それでも node-1 がエンドポイントへ変換する',
          },
          explain:
            'いいえ。答えは db-0 の Pod IP だったので、接続は Service のルールが関わらない普通の Pod 間通信です。',
        },
      },
    },
  },
};
