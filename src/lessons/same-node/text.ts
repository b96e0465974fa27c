import type { LessonText } from '../types';

const qEn = {
  prompt:
    'pod-a’s frame has just arrived at the host end of its veth on node-1. What decides where it goes next?',
  choices: {
    bridge: 'A bridge looks up the destination MAC in its forwarding database',
    route: 'node-1’s routing table looks up the destination IP',
    ebpf: 'An eBPF program attached to the veth looks up the destination in its maps',
  },
};
const qJa = {
  prompt: 'pod-a のフレームが node-1 上の veth のホスト側に着きました。次の行き先を決めるのは何でしょう？',
  choices: {
    bridge: 'bridge が宛先 MAC を転送データベース（FDB）で引く',
    route: 'node-1 のルーティングテーブルが宛先 IP を引く',
    ebpf: 'veth に付いた eBPF プログラムがマップで宛先を引く',
  },
};

export const text: LessonText = {
  en: {
    summary:
      'Two Pods on the same node. The packet never leaves the node, but how it crosses depends on the CNI design: a bridge, plain routing, or an eBPF program.',
    steps: {
      bridge: {
        title: 'Bridge: one layer-2 segment per node',
        body: [
          'The simplest design puts a Linux bridge, `cni0`, on each node and plugs every Pod’s host veth into it, like Pods on one switch. The bridge also holds the gateway address (.1) the Pods route through.',
          'Between two Pods of the same node there is no routing at all: the bridge looks up pod-b’s MAC in its forwarding database and switches the frame out of pod-b’s veth, TTL unchanged. Flannel works this way.',
        ],
        question: {
          prompt:
            'pod-a’s frame has just come out of its veth on node-1. Which device forwards it towards pod-b?',
          choices: {
            cni0: 'The `cni0` bridge',
            nic: 'node-1’s physical NIC `eth0`',
            vxlan: 'The VXLAN device `flannel.1`',
          },
          explain:
            'The `cni0` bridge switches it: both veths are its ports, so the frame stays on layer 2 inside the node. The NIC and the VXLAN device are only for traffic leaving the node.',
        },
      },
      routed: {
        title: 'Routed: no bridge, a /32 route per Pod',
        body: [
          'Calico does without a bridge. Each Pod gets a /32 route on the node pointing at its own host veth (`cali…`), and the Pod’s default gateway is a link-local address the node answers for by proxy ARP.',
          'So the node routes between its own Pods exactly as it routes anything else: a longest-prefix match picks pod-b’s veth, and the TTL goes down by one. Layer 2 stops at each veth, which scales better than one big segment.',
        ],
        question: {
          ...qEn,
          explain:
            'The routing table decides: a /32 route for pod-b’s address says `dev cali…`, the host end of pod-b’s veth. There is no bridge in this design.',
        },
      },
      ebpf: {
        title: 'eBPF: the program on the veth decides',
        body: [
          'Cilium attaches an eBPF program to each Pod’s host veth (`lxc…`). The program reads the packet as it arrives, looks the destination up in its own maps of local endpoints, and redirects it straight to pod-b’s veth.',
          'Neither a bridge nor the kernel’s routing table takes part. The same program is where Cilium applies policy and, when it replaces kube-proxy, Service translation.',
        ],
        question: {
          ...qEn,
          explain:
            'The eBPF program on pod-a’s host veth decides: it finds pod-b in its endpoint map and redirects the packet to pod-b’s veth, skipping the bridge and the routing table.',
        },
      },
    },
  },
  ja: {
    summary:
      '同じノード上の二つの Pod。パケットはノードの外に出ませんが、どう渡るかは CNI の設計次第です：bridge、素直なルーティング、あるいは eBPF プログラム。',
    steps: {
      bridge: {
        title: 'bridge：ノードごとに一つの L2 セグメント',
        body: [
          'いちばん単純な設計では、各ノードに Linux bridge `cni0` を置き、全 Pod の veth のホスト側をそこに挿します。一台のスイッチにつながった Pod たち、という形です。bridge は Pod が経由するゲートウェイのアドレス（.1）も持ちます。',
          '同じノードの Pod 同士ではルーティングは一切ありません。bridge が pod-b の MAC を転送データベースで引き、pod-b の veth へフレームを送り出します。TTL も変わりません。Flannel はこの方式です。',
        ],
        question: {
          prompt:
            'pod-a のフレームが node-1 上で veth から出てきました。pod-b へ向けて転送するのはどのデバイスでしょう？',
          choices: {
            cni0: 'bridge の `cni0`',
            nic: 'node-1 の物理 NIC `eth0`',
            vxlan: 'VXLAN デバイスの `flannel.1`',
          },
          explain:
            '`cni0` bridge が転送します。両方の veth がこの bridge のポートなので、フレームはノード内の L2 にとどまります。NIC と VXLAN デバイスはノードの外へ出る通信のためのものです。',
        },
      },
      routed: {
        title: 'routed：bridge なし、Pod ごとに /32 の経路',
        body: [
          'Calico は bridge を使いません。Pod ごとに、ノード上にその Pod のホスト側 veth（`cali…`）を指す /32 の経路を作ります。Pod のデフォルトゲートウェイはリンクローカルアドレスで、ノードが proxy ARP で代わりに応答します。',
          'そのためノードは自分の Pod 同士の通信も、ほかの通信とまったく同じようにルーティングします。最長一致で pod-b の veth が選ばれ、TTL は一つ減ります。L2 は veth ごとに終わるので、大きな一つのセグメントより規模に強くなります。',
        ],
        question: {
          ...qJa,
          explain:
            'ルーティングテーブルが決めます。pod-b のアドレスへの /32 経路が `dev cali…`、つまり pod-b の veth のホスト側を指しています。この設計には bridge がありません。',
        },
      },
      ebpf: {
        title: 'eBPF：veth 上のプログラムが決める',
        body: [
          'Cilium は各 Pod のホスト側 veth（`lxc…`）に eBPF プログラムを付けます。プログラムは届いたパケットを読み、ローカルのエンドポイントを集めた自前のマップで宛先を引き、pod-b の veth へ直接リダイレクトします。',
          'bridge もカーネルのルーティングテーブルも関わりません。Cilium がポリシーを適用するのも、kube-proxy を置き換えるときに Service の変換をするのも、この同じプログラムです。',
        ],
        question: {
          ...qJa,
          explain:
            'pod-a のホスト側 veth に付いた eBPF プログラムが決めます。エンドポイントのマップで pod-b を見つけ、bridge もルーティングテーブルも通さずに pod-b の veth へパケットをリダイレクトします。',
        },
      },
    },
  },
};
