import type { LessonText } from '../types';

const promptEn =
  'The packet is on the physical network between node-1 and node-2. Which destination address do the switches and routers there see?';
const promptJa =
  'パケットは node-1 と node-2 の間の物理ネットワーク上にあります。そこのスイッチやルータに見える宛先アドレスはどれでしょう？';
const choicesEn = {
  pod: 'pod-b’s Pod IP, as pod-a sent it',
  node: 'node-2’s Node IP, on an outer header wrapped around the Pod packet',
};
const choicesJa = {
  pod: 'pod-a が送ったままの、pod-b の Pod IP',
  node: 'node-2 の Node IP（Pod のパケットを包む外側のヘッダ）',
};

export const text: LessonText = {
  en: {
    summary:
      'When the two Pods are on different nodes, the packet has to cross the network between the nodes. There are two ways: route Pod addresses on that network, or tunnel them through it.',
    steps: {
      routing: {
        title: 'Routing: Pod IPs on the wire',
        body: [
          'With routing, every node knows which Pod CIDR lives behind which Node IP, from static routes or from BGP (Calico runs BIRD for this). node-1’s table says: `10.244.1.0/24 via 192.168.1.11 dev eth0 proto bird`.',
          'The packet goes out of the NIC unchanged. The network between the nodes must therefore accept Pod addresses: same layer-2 segment, or routers that learnt the Pod routes.',
        ],
        question: {
          prompt: promptEn,
          choices: choicesEn,
          explain:
            'The wire carries pod-b’s Pod IP: nothing wraps the packet. node-1 only chose node-2 as the next hop, which sets the destination MAC, not the IP.',
        },
      },
      overlay: {
        title: 'Overlay: a packet inside a packet',
        body: [
          'With a VXLAN overlay (Flannel’s default), node-1 routes the other node’s Pod CIDR into a tunnel device, `flannel.1`. The device wraps the whole Ethernet frame in a UDP datagram from node-1’s Node IP to node-2’s, port 8472, with a VXLAN header carrying the network id.',
          'The network between the nodes only ever sees Node IPs, so it needs nothing but node-to-node reachability. The Pod packet inside (the inner header) is untouched.',
        ],
        question: {
          prompt: promptEn,
          choices: choicesEn,
          explain:
            'The network sees node-2’s Node IP on the outer header; pod-b’s address is inside, invisible to it. Compare the inner and outer headers in the hop detail.',
        },
      },
      'encap-mtu': {
        title: 'Encapsulation costs 50 bytes',
        body: [
          'The wrapping adds an outer IPv4 header (20 bytes), UDP (8), VXLAN (8) and the inner Ethernet header (14): 50 bytes on every packet. A 1500-byte packet from the Pod would not fit in the 1500-byte MTU of the wire.',
          'So the CNI gives the Pods and the VXLAN device a smaller MTU, 1450, and the Pods’ TCP never sends a segment that could not be wrapped. Routing needs no such cut.',
        ],
      },
      decap: {
        title: 'Unwrapping on the other node',
        body: [
          'node-2 receives a UDP packet to port 8472, hands it to its own VXLAN device, and takes the outer headers off. What is left is the original Pod packet, addressed to pod-b.',
          'From here node-2 treats it like any local Pod packet: a route to its own Pod CIDR, the bridge, pod-b’s veth.',
        ],
      },
    },
  },
  ja: {
    summary:
      '二つの Pod が別々のノードにいると、パケットはノード間のネットワークを渡らなければなりません。方法は二つ：そのネットワークで Pod のアドレスをルーティングするか、トンネルでくぐらせるかです。',
    steps: {
      routing: {
        title: 'ルーティング：Pod IP のままネットワークを流れる',
        body: [
          'ルーティング方式では、どの Pod CIDR がどの Node IP の先にあるかを全ノードが知っています。静的経路でも BGP でもかまいません（Calico はそのために BIRD を動かします）。node-1 のテーブルには `10.244.1.0/24 via 192.168.1.11 dev eth0 proto bird` とあります。',
          'パケットは何も変わらずに NIC から出ていきます。したがってノード間のネットワークは Pod のアドレスを受け入れられなければなりません。同じ L2 セグメントにいるか、ルータが Pod の経路を学習している必要があります。',
        ],
        question: {
          prompt: promptJa,
          choices: choicesJa,
          explain:
            'ネットワーク上を流れるのは pod-b の Pod IP です。パケットを包むものは何もありません。node-1 は次ホップとして node-2 を選んだだけで、それで変わるのは宛先 MAC であって IP ではありません。',
        },
      },
      overlay: {
        title: 'オーバレイ：パケットの中のパケット',
        body: [
          'VXLAN オーバレイ（Flannel の既定）では、node-1 は相手ノードの Pod CIDR をトンネルデバイス `flannel.1` へ向けます。このデバイスが Ethernet フレームをまるごと、node-1 の Node IP から node-2 の Node IP へのポート 8472 の UDP データグラムに包みます。ネットワーク ID を載せた VXLAN ヘッダも付きます。',
          'ノード間のネットワークに見えるのは Node IP だけなので、必要なのはノード同士の到達性だけです。中の Pod のパケット（内側のヘッダ）は一切変わりません。',
        ],
        question: {
          prompt: promptJa,
          choices: choicesJa,
          explain:
            'ネットワークに見えるのは外側のヘッダにある node-2 の Node IP です。pod-b のアドレスは内側にあって見えません。ホップの詳細で内側と外側のヘッダを見比べてください。',
        },
      },
      'encap-mtu': {
        title: 'カプセル化には 50 バイトかかる',
        body: [
          '包むことで、外側の IPv4 ヘッダ（20 バイト）、UDP（8）、VXLAN（8）、内側の Ethernet ヘッダ（14）が加わり、パケットごとに 50 バイト増えます。Pod が 1500 バイトのパケットを出すと、ネットワークの MTU 1500 に収まりません。',
          'そこで CNI は Pod と VXLAN デバイスの MTU を 1450 に下げ、Pod の TCP が包めない大きさのセグメントを送らないようにします。ルーティング方式ではこの削減は要りません。',
        ],
      },
      decap: {
        title: '相手ノードで包みを外す',
        body: [
          'node-2 はポート 8472 宛ての UDP パケットを受け取り、自分の VXLAN デバイスに渡して外側のヘッダを外します。残るのは pod-b 宛ての元の Pod のパケットです。',
          'ここから先は、node-2 にとってはローカルの Pod 宛てパケットと同じです。自分の Pod CIDR への経路、bridge、pod-b の veth と進みます。',
        ],
      },
    },
  },
};
