import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'The same Service, programmed four ways. The packet’s path barely changes; what changes is how the node finds the rule that rewrites it, and how that scales.',
    steps: {
      iptables: {
        title: 'iptables: a chain walk',
        body: [
          'In iptables mode kube-proxy writes chains into the `nat` table: `PREROUTING` (or `OUTPUT`) jumps to `KUBE-SERVICES`, which has one rule per Service port; a match jumps to that Service’s `KUBE-SVC-…` chain, which picks an endpoint at random and jumps to a `KUBE-SEP-…` chain that does the DNAT.',
          'The rule shown in the hop is that walk. With thousands of Services, `KUBE-SERVICES` is tested rule by rule for each new connection, which is why large clusters moved on.',
        ],
      },
      ipvs: {
        title: 'IPVS: a load balancer in the kernel',
        body: [
          'In IPVS mode the ClusterIP becomes a virtual server of the kernel’s IP Virtual Server, with the endpoints as its real servers. kube-proxy also binds every ClusterIP to a dummy interface, `kube-ipvs0`, so the node accepts packets for it.',
          'iptables does not disappear: a few rules match the `KUBE-CLUSTER-IP` ipset and let the packet through to IPVS. The lookup itself is a hash table, and the scheduler (`rr` here) picks the real server. `ipvsadm -Ln` in the Linux panel lists exactly what the hop used.',
        ],
      },
      nftables: {
        title: 'nftables: one map lookup',
        body: [
          'In nftables mode (generally available since Kubernetes 1.33, and the one the docs now recommend for new clusters) kube-proxy writes a table `ip kube-proxy` whose `services` chain looks the destination address, protocol and port up in a verdict map, `@service-ips`, in one step.',
          'The cost no longer grows with the number of Services, and the rules read like the intent: one map entry per Service port.',
        ],
      },
      ebpf: {
        title: 'eBPF: translated at connect()',
        body: [
          'With an eBPF kube-proxy replacement (Cilium), a program attached to the Pod’s cgroup sees the `connect()` call itself. It looks the ClusterIP up in the service map and connects the socket straight to the chosen backend.',
          'The very first packet already carries the Pod IP, so no node rule, no DNAT and no conntrack entry is needed for it.',
        ],
        question: {
          prompt: 'With Cilium replacing kube-proxy, where is the ClusterIP replaced by a Pod IP?',
          choices: {
            socket: 'In the client Pod, when the program calls connect(), before any packet exists',
            node: 'On node-1, by a rule that rewrites the packet as it passes',
          },
          explain:
            'In the client: the socket-level load balancer rewrites the address at connect(), so the first hop already shows the backend’s Pod IP.',
        },
      },
    },
  },
  ja: {
    summary:
      '同じ Service を四通りにプログラムします。パケットの経路はほとんど変わりません。変わるのは、書き換えのルールをノードがどうやって見つけるか、そしてそれが規模に対してどう効くかです。',
    steps: {
      iptables: {
        title: 'iptables：チェーンをたどる',
        body: [
          'iptables モードでは、kube-proxy は `nat` テーブルにチェーンを書きます。`PREROUTING`（または `OUTPUT`）から `KUBE-SERVICES` へジャンプし、そこには Service のポートごとにルールが一つあります。一致するとその Service の `KUBE-SVC-…` チェーンへ進み、エンドポイントをランダムに選んで `KUBE-SEP-…` チェーンへジャンプし、そこで DNAT します。',
          'ホップに表示されるルールはこのたどり方そのものです。Service が数千あると、新しい接続のたびに `KUBE-SERVICES` を一行ずつ調べることになり、大規模クラスタが別の方式へ移った理由になりました。',
        ],
      },
      ipvs: {
        title: 'IPVS：カーネル内のロードバランサ',
        body: [
          'IPVS モードでは、ClusterIP はカーネルの IP Virtual Server の仮想サーバになり、エンドポイントがその実サーバになります。kube-proxy はさらに全 ClusterIP をダミーインターフェース `kube-ipvs0` に割り当て、ノードがそのアドレス宛てのパケットを受け取れるようにします。',
          'iptables がなくなるわけではありません。いくつかのルールが ipset `KUBE-CLUSTER-IP` に一致したパケットを IPVS へ通します。検索そのものはハッシュテーブルで、スケジューラ（ここでは `rr`）が実サーバを選びます。Linux パネルの `ipvsadm -Ln` に、ホップが使ったものがそのまま並びます。',
        ],
      },
      nftables: {
        title: 'nftables：マップを一回引く',
        body: [
          'nftables モード（Kubernetes 1.33 で GA、新しいクラスタには推奨）では、kube-proxy は `ip kube-proxy` テーブルを書き、その `services` チェーンが宛先アドレス・プロトコル・ポートを判定マップ `@service-ips` で一度に引きます。',
          'コストは Service の数に比例して増えなくなり、ルールも意図どおりに読めます。Service のポートごとにマップのエントリが一つです。',
        ],
      },
      ebpf: {
        title: 'eBPF：connect() の時点で変換',
        body: [
          'eBPF による kube-proxy の置き換え（Cilium）では、Pod の cgroup に付いたプログラムが `connect()` の呼び出しそのものを見ます。サービスマップで ClusterIP を引き、ソケットを選んだバックエンドへ直接つなぎます。',
          '最初のパケットからすでに Pod IP が載っているので、そのパケットのためのノード上のルールも DNAT も conntrack のエントリも要りません。',
        ],
        question: {
          prompt:
            'Cilium が kube-proxy を置き換えているとき、ClusterIP が Pod IP に置き換わるのはどこでしょう？',
          choices: {
            socket: 'クライアント Pod の中、プログラムが connect() を呼んだとき（パケットができる前）',
            node: 'node-1 で、通過するパケットを書き換えるルールによって',
          },
          explain:
            'クライアントの中です。ソケットレベルのロードバランサが connect() の時点でアドレスを書き換えるので、最初のホップからバックエンドの Pod IP が見えます。',
        },
      },
    },
  },
};
