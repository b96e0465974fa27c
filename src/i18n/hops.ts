import { HOP_MESSAGES } from '../core/trace/messages';
import type { DropReason } from '../core/trace/types';
import type { HopKindLabelKey } from '../core/trace/hop-kinds';
import type { Lang } from './lang';

/**
 * Hop sentences by `hop.say.key` (the keys the tracer emits, src/core/trace/messages.ts), in both
 * languages. Placeholders are `{name}`, filled from `hop.say.args`. A key missing here, or a
 * placeholder without an arg, falls back to the tracer's own English `hop.explain`.
 */
export const HOP_SENTENCES: Record<Lang, Readonly<Record<string, string>>> = {
  // English is the tracer's own wording (one source, no drift).
  en: HOP_MESSAGES,
  ja: {
    'hop.route.local': '{netns} で {dst} の経路を引くと、{dev}{via} が選ばれます。',
    'hop.route.forward':
      '{netns} がパケットを転送します（TTL は {ttl} に）。{dst} の経路を引くと {dev}{via} が選ばれます。',
    'hop.route.outer': '{netns} で、{dst} 宛ての外側パケットは {dev}{via} から送り出されます。',
    'hop.route.blackhole':
      '{netns} で {dst} はブラックホール経路に一致します。このブロックはこのノードのものですが、その IP を持つ Pod はありません。',
    'hop.veth':
      'フレームは {netns} の {dev} から出て（宛先 {dstMac}）、veth ペアの反対側、{peerNetns} の {peerDev} に現れます。',
    'hop.veth.arp':
      'フレームは {netns} の {dev} から出ます。{nexthop} への ARP には {answeredBy}（{dstMac}）が応答しました。フレームは {peerNetns} の {peerDev} に現れます。',
    'hop.bridge.up':
      '{bridge} が {dev} でフレームを受け取ります。宛先はブリッジ自身なので、{netns} の IP スタックへ上がります。',
    'hop.bridge.forward':
      '{bridge} がフォワーディング・データベースで {dstMac} を引き、{port} へフレームをスイッチします（L2 なので TTL は変わりません）。',
    'hop.bridge.arp':
      '{netns} が {bridge} 上の {nexthop} へ送ります。ARP には {answeredBy}（{dstMac}）が応答します。',
    'hop.arp.neighbor':
      '{netns} は {dev} 上の次ホップ {nexthop} の MAC が必要です。固定のネイバーエントリから {dstMac} が得られます。',
    'hop.encap':
      '{dev} が FDB で {dstMac} を引くと、リモート VTEP は {remote} です。Pod のパケットは {outerSrc} から {remote} への UDP {port}（VNI {vni}）に包まれます。',
    'hop.encap.ebpf':
      'eBPF がトンネルキー（リモート {remote}、VNI {vni} = 送信元アイデンティティ）を設定し、{dev} へ送ります: {outerSrc} から {remote} への UDP {port}。',
    'hop.underlay':
      'パケットがノードのネットワーク {underlay} を {fromNode} から {toNode} へ渡ります（{dstMac}）。',
    'hop.underlay.fabric':
      'パケットがノードのネットワーク {underlay} を {fromNode} から {toNode} へ渡ります（{dstMac}）: {ip} はそのノードの ENI のセカンダリ IP なので、VPC がそこへ届けます。',
    'hop.decap':
      '{netns} が {dev} 宛ての UDP {port}（VNI {vni}）を受け取ります。VXLAN デバイスが外側のヘッダーを外し、Pod のパケットが {dev} に現れます。',
    'hop.ebpf.local':
      '{dev} の {program}: {dst} は cilium_lxc にあるローカルのエンドポイントなので、eBPF がパケットを {target} へ直接リダイレクトします（TTL は {ttl} に）。',
    'hop.ebpf.tunnel':
      '{dev} の {program}: cilium_ipcache によると {dst} はノード {remote} の先にあります。eBPF がトンネルへ送ります。',
    'hop.ebpf.fib':
      '{dev} の {program}: {dst} はローカルではありません。eBPF からの FIB 参照で {routeDev}{via} が選ばれ、そこへリダイレクトします（TTL は {ttl} に）。',
    'hop.ebpf.pass': '{dev} の {program}: {dst} に対してすることはなく、パケットは通常のスタックへ進みます。',
    'hop.redirect':
      'bpf_redirect_peer がパケットを {peerNetns} の {peerDev} へ直接入れます。{dev} のホスト側は通りません。',
    'hop.deliver.pod':
      '{pod} に届きました。{dst} はその eth0 のアドレスです。送信元 {src} も宛先も Pod の IP のまま、書き換えられていません。',
    'hop.deliver.pod.dnat':
      '{pod} に届きました。{dst} はその eth0 のアドレスです。宛先は DNAT で書き換えられるまで {vip} でした。送信元 {src} はクライアントのままです。',
    'hop.deliver.pod.snat':
      '{pod} に届きました。{dst} はその eth0 のアドレスです。送信元はクライアントの {before} ではなく {src} です。途中で SNAT が書き換えました。',
    'hop.deliver.pod.dnatSnat':
      '{pod} に届きました。{dst} はその eth0 のアドレスです。両方のアドレスが書き換えられています。宛先は元は {vip}（DNAT）、送信元は元は {before}（SNAT で {src} に）でした。',
    'hop.deliver.pod.fromHost':
      '{pod} に届きました。{dst} はその eth0 のアドレスです。送信元 {src} は Pod のアドレスではありません（ノードまたはクラスタ外のクライアント）。どちらのアドレスも書き換えられていません。',
    'hop.deliver.node': '{netns} のプロセスに届きました。{dst} はこのノード自身のアドレスです。',
    'hop.deliver.local': '宛先 {dst} は {netns} 自身のアドレスなので、パケットは外に出ません。',
    'hop.drop.noRoute': '{netns} には {dst} への経路がありません。破棄されます。',
    'hop.drop.blackhole': '{netns} のブラックホール経路で破棄されます。',
    'hop.drop.noNeighbor': '{dev} 上で {nexthop} の ARP に応答する相手がいません。破棄されます。',
    'hop.drop.noFdb': '{dev} には {dstMac} の転送エントリがありません。破棄されます。',
    'hop.drop.ttl': '{netns} で TTL が 0 になりました。破棄されます（ICMP time exceeded）。',
    'hop.drop.leftCluster':
      '{netns} はパケットをノードのネットワークのルーター {gateway} へ送ります。クラスタの外へ出ていきます。',
    'hop.drop.noListener': '{netns} では UDP {port} を待ち受けているものがありません。破棄されます。',
    'hop.drop.forwarding': '{netns} はパケットを転送しません（ip_forward = 0）。破棄されます。',
    'hop.dnat':
      '{netns} の kube-proxy の nat ルールが {vip} に一致し、エンドポイント {endpoint} へ DNAT します。conntrack が記録するので、応答は元のアドレスに書き戻されます。',
    'hop.dnat.ipvs':
      '{netns} の IPVS が仮想サーバー {vip} を持ち、実サーバー {endpoint} を選びます（マスカレード転送）。',
    'hop.dnat.sock':
      'connect() の時点で、{netns} の eBPF ソケットプログラムがサービスマップで {vip} を引き、{endpoint} へ直接接続します。VIP は回線上に一度も現れません。',
    'hop.dnat.bpf': '{netns} の eBPF がサービスマップで {vip} を見つけ、宛先を {endpoint} に書き換えます。',
    'hop.snat':
      'パケットにはマスカレードの印が付いています。{netns} の nat POSTROUTING が送信元 {before} を {after}（{dev} のアドレス）に書き換えます。',
    'hop.snat.nodeIp':
      'パケットにはマスカレードの印が付いています。{netns} の nat POSTROUTING が送信元 {before} をノードのアドレス {after} に書き換えます（{dev} 自身にはアドレスがありません）。',
    'hop.snat.bpf':
      'iptables のルールは使いません。{netns} の eBPF NodePort プログラムが、{dev} から出るときに送信元 {before} をノードのアドレス {after} に SNAT するので、応答はこのノードに戻ってきます。',
    'hop.lb': '外部ロードバランサー {vip} がノード {node} を選び、その NodePort {target} へ転送します。',
    'hop.external':
      'クラスタ外のクライアント {src} が {dst} へ送ります。ネットワークのルーターが {node} へ届けます。',
    'hop.policy.allowed':
      'NetworkPolicy: {pod} は {policies} によって {direction} が隔離されていますが、{by} がこの通信を許可します。',
    'hop.policy.notIsolated':
      'NetworkPolicy: {direction} で {pod} を選ぶポリシーはないので、隔離されていません。許可されます。',
    'hop.policy.denied':
      'NetworkPolicy: {pod} は {policies} によって {direction} が隔離されており、この通信を許可するルールがありません。破棄されます。',
    'hop.dns.query': '{pod} が「{name}」を名前解決します: {tries}。答えは {answer} です。',
    'hop.drop.noEndpoints':
      'Service {vip} には準備のできたエンドポイントがありません。{netns} の kube-proxy が接続を拒否します（ICMP port unreachable、「connection refused」）。',
    'hop.drop.invalidServicePort':
      '{ip} は ClusterIP ですが、ポート {port}/{protocol} の Service ポートはありません。{netns} の kube-proxy の cluster-ips-check チェインが拒否します（ICMP port unreachable、「connection refused」）。',
    'hop.drop.unallocatedClusterIp':
      '{ip} は Service CIDR の中にありますが、どの Service も持っていないアドレスです。{netns} の kube-proxy の cluster-ips-check チェインが破棄します。',
    'hop.drop.vipNoVirtualServer':
      '{ip} は {netns} の kube-ipvs0 に付いているのでパケットはこのノード宛てですが、ポート {port}/{protocol} を持つ Service はありません。kube-proxy の KUBE-IPVS-FILTER チェーンが新しい接続を {answer} で拒否します（「connection refused」）。これで Service の IP でホストのプロセスが応答することはありません。',
    'hop.drop.noLocalEndpoints':
      'Service {vip} のトラフィックポリシーは Local ですが、{netns} にローカルのエンドポイントがありません。破棄されます。',
    'hop.drop.dnsFailed': '{pod} は「{name}」を名前解決できませんでした: {tries}。',
    'hop.drop.notReachableFromOutside':
      '{dst} にはクラスタの外から届きません。外から届くのはノードの IP とロードバランサーの IP だけです。',
    'hop.drop.loop': '経路が {max} ホップを超えました。止めます（ルーティングのループ）。',
    'hop.drop.unknownDestination': '{to} という Pod、ノード、アドレスはこのクラスタにありません。',
    'hop.drop.unknownSource': '{from} という Pod やノードはこのクラスタにありません。',
    'hop.l7.forward':
      '{proxy}（{implementation}）が {client} からの HTTP リクエスト {method} {host}{path} を読みます: {why}。{backend} へ転送し、自分のアドレスから新しい接続を開きます。',
    'hop.l7.forwardSnat':
      '{proxy}（{implementation}）が {client} からの HTTP リクエスト {method} {host}{path} を読みます: {why}。{backend} へ転送し、自分のアドレスから新しい接続を開きます。{client} はクライアントではなくノード {node} のアドレスです。externalTrafficPolicy Cluster により入口で SNAT されたため、X-Forwarded-For にはノードが入ります。',
    'hop.l7.answer':
      '{proxy}（{implementation}）が {client} からの HTTP リクエスト {method} {host}{path} を読みます: {why}。自分で {status} を返し、バックエンドには接続しません。',
    'hop.l7.redirect':
      '{proxy}（{implementation}）が {client} からの HTTP リクエスト {method} {host}{path} を読みます: {why}。{status} と Location {location} を返します。',
    'hop.l7.noEndpoints':
      '{proxy}（{implementation}）は {backend} を選びました（{why}）が、その EndpointSlice に準備完了のエンドポイントがありません。503 を返します。',
  },
};

/** The hop message keys the page translates; the lead's tracer should emit only these. */
export const SUPPORTED_HOP_KEYS: readonly string[] = Object.keys(HOP_SENTENCES.en);

/** Short badges for hop kinds, by the label key of the hop-kind registry (core/trace/hop-kinds.ts). */
export const HOP_KIND_LABELS: Record<Lang, Record<HopKindLabelKey, string>> = {
  en: {
    'hopKind.route': 'route',
    'hopKind.veth': 'veth',
    'hopKind.bridge': 'bridge',
    'hopKind.ebpf': 'eBPF',
    'hopKind.arp': 'ARP',
    'hopKind.encap': 'encap',
    'hopKind.decap': 'decap',
    'hopKind.underlay': 'underlay',
    'hopKind.dnat': 'DNAT',
    'hopKind.snat': 'SNAT',
    'hopKind.policy': 'policy',
    'hopKind.dns': 'DNS',
    'hopKind.lb': 'load balancer',
    'hopKind.local': 'local',
    'hopKind.deliver': 'deliver',
    'hopKind.drop': 'drop',
    'hopKind.l7': 'L7 proxy',
  },
  ja: {
    'hopKind.route': '経路',
    'hopKind.veth': 'veth',
    'hopKind.bridge': 'ブリッジ',
    'hopKind.ebpf': 'eBPF',
    'hopKind.arp': 'ARP',
    'hopKind.encap': 'カプセル化',
    'hopKind.decap': 'カプセル解除',
    'hopKind.underlay': 'アンダーレイ',
    'hopKind.dnat': 'DNAT',
    'hopKind.snat': 'SNAT',
    'hopKind.policy': 'ポリシー',
    'hopKind.dns': 'DNS',
    'hopKind.lb': 'ロードバランサー',
    'hopKind.local': 'ローカル',
    'hopKind.deliver': '到着',
    'hopKind.drop': '破棄',
    'hopKind.l7': 'L7 プロキシ',
  },
};

export const DROP_REASONS: Record<Lang, Record<DropReason, string>> = {
  en: {
    NO_ROUTE: 'no route',
    BLACKHOLE: 'blackhole route',
    NO_NEIGHBOR: 'no ARP answer',
    NO_FDB: 'no FDB entry',
    TTL_EXCEEDED: 'TTL exceeded',
    UNKNOWN_SOURCE: 'unknown source',
    UNKNOWN_DESTINATION: 'unknown destination',
    LEFT_CLUSTER: 'left the cluster',
    NO_LISTENER: 'nothing listening',
    INVALID_SERVICE_PORT: 'no such Service port',
    UNALLOCATED_CLUSTER_IP: 'unallocated ClusterIP',
    FORWARDING_DISABLED: 'forwarding disabled',
    NO_ENDPOINTS: 'Service has no endpoints',
    NO_LOCAL_ENDPOINTS: 'no local endpoints',
    POLICY_DENIED: 'denied by NetworkPolicy',
    DNS_FAILED: 'name not resolved',
    NOT_REACHABLE_FROM_OUTSIDE: 'not reachable from outside',
    LOOP: 'routing loop',
  },
  ja: {
    NO_ROUTE: '経路なし',
    BLACKHOLE: 'ブラックホール経路',
    NO_NEIGHBOR: 'ARP の応答なし',
    NO_FDB: 'FDB エントリなし',
    TTL_EXCEEDED: 'TTL 切れ',
    UNKNOWN_SOURCE: '送信元が不明',
    UNKNOWN_DESTINATION: '宛先が不明',
    LEFT_CLUSTER: 'クラスタの外へ出た',
    NO_LISTENER: '待ち受けなし',
    INVALID_SERVICE_PORT: 'Service にないポート',
    UNALLOCATED_CLUSTER_IP: '割り当てのない ClusterIP',
    FORWARDING_DISABLED: '転送が無効',
    NO_ENDPOINTS: 'Service のエンドポイントなし',
    NO_LOCAL_ENDPOINTS: 'ローカルのエンドポイントなし',
    POLICY_DENIED: 'NetworkPolicy で拒否',
    DNS_FAILED: '名前解決に失敗',
    NOT_REACHABLE_FROM_OUTSIDE: '外部から到達不可',
    LOOP: 'ルーティングのループ',
  },
};

/** Device roles (`TopologyDevice.role` carries a `role.*` key from the topology builder). */
export const ROLE_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    'role.loopback': 'loopback',
    'role.nic': 'physical NIC',
    'role.veth': 'veth',
    'role.bridge': 'bridge',
    'role.bridgeGateway': 'bridge, gateway',
    'role.vtep': 'VXLAN VTEP',
    'role.vtepEbpf': 'VXLAN, eBPF',
    'role.dummy': 'dummy',
    'role.ciliumHost': 'router IP',
    'role.ciliumNet': 'cilium_host peer',
  },
  ja: {
    'role.loopback': 'ループバック',
    'role.nic': '物理 NIC',
    'role.veth': 'veth',
    'role.bridge': 'ブリッジ',
    'role.bridgeGateway': 'ブリッジ・GW',
    'role.vtep': 'VXLAN VTEP',
    'role.vtepEbpf': 'VXLAN・eBPF',
    'role.dummy': 'ダミー',
    'role.ciliumHost': 'ルーター IP',
    'role.ciliumNet': 'cilium_host の対向',
  },
};

/** What each design combination resembles, by `${intra}+${inter}`; falls back to Topology.resembles. */
export const RESEMBLES_DETAIL: Record<Lang, Record<string, string>> = {
  en: {},
  ja: {
    'bridge+overlay':
      'VXLAN バックエンド（flannel.1、VNI 1、UDP 8472）と bridge プラグイン（cni0）。NetworkPolicy には Calico の併用（Canal）が必要',
    'bridge+routing':
      'host-gw バックエンド: ノードごとに静的経路、カプセル化なし。NetworkPolicy には Calico の併用（Canal）が必要',
    'routed+overlay': 'VXLAN モード（vxlan.calico、VNI 4096、UDP 4789）、/32 でルーティングされる veth',
    'routed+routing': 'カプセル化なしの BGP モード: BIRD の経路（proto bird）、/32 でルーティングされる veth',
    'ebpf+overlay': '既定のトンネルモード（cilium_vxlan、UDP 8472）、すべての veth に eBPF',
    'ebpf+routing': 'autoDirectNodeRoutes によるネイティブ・ルーティング、すべての veth に eBPF',
    'ptp+overlay':
      'VXLAN バックエンド（flannel.1、VNI 1、UDP 8472）で ptp プラグインに委譲: /32 のホスト経路、各ホスト側 veth にゲートウェイ。NetworkPolicy には別のエージェントが必要',
    'vpc+routing':
      'Pod はノードの ENI のセカンダリ IP を VPC サブネットから受け取ります（Azure CNI も Azure で同じ方式）: eni veth への /32 経路、オーバーレイなし、Pod IP は VPC のファブリックが運びます',
    'vpc+overlay':
      'カプセル化は一切しません: Pod IP は VPC のファブリックが運ぶため、この組み合わせは受け付けません（ネイティブルーティングを選んでください）',
    'ptp+routing':
      'kind の既定 CNI: /32 のホスト経路を持つ ptp の veth、kindnetd がノードごとに静的経路（Pod CIDR → ノード IP）、カプセル化なし',
  },
};
