import { IMPORT_MESSAGES } from '../scenario/yaml/messages';
import type { Lang } from './lang';

/**
 * What a YAML import inferred and noticed, by the importer's message keys
 * (src/scenario/yaml/messages.ts), in both languages. A key missing here, or a placeholder
 * without an argument, falls back to the importer's English sentence.
 */
export const IMPORT_SENTENCES: Record<Lang, Readonly<Record<string, string>>> = {
  // English is the importer's own wording (one source, no drift).
  en: IMPORT_MESSAGES,
  ja: {
    'import.error.malformed': 'YAML の書式が正しくありません: {detail}',
    'import.error.nesting': 'YAML の入れ子が {max} 段を超えています（{line} 行目、{column} 列目）',
    'import.error.list': 'リストが必要ですが、{got} が書かれています',
    'import.plan.underlay':
      'ノードのネットワークは {cidr}、ゲートウェイは {gateway}（最初の空きアドレス）: ノード {nodes} の InternalIP（{ips}）が {common} に収まります。',
    'import.plan.podCidr':
      'クラスタの Pod CIDR は {cidr}: ノード {nodes} の spec.podCIDR と {pods} 個の Pod の status.podIP を含みます（共通部分 {common}）。',
    'import.plan.podCidr.pods':
      'クラスタの Pod CIDR は {cidr}: Pod {pods} の status.podIP を含みます（共通部分 {common}）。',
    'import.plan.podCidr.flag': 'クラスタの Pod CIDR は {cidr}: Pod {pod} の --cluster-cidr です。',
    'import.plan.mask':
      'ノードごとの Pod CIDR は /{mask}: ノード {nodes} の spec.podCIDR のプレフィックス長です。',
    'import.plan.mask.flag': 'ノードごとの Pod CIDR は /{mask}: Pod {pod} の --node-cidr-mask-size です。',
    'import.plan.serviceCidr':
      'Service CIDR は {cidr}: Service {services} の ClusterIP を含みます（共通部分 {common}）。',
    'import.plan.serviceCidr.first':
      'Service CIDR は {cidr}: Service {services} の ClusterIP を含み、Service default/kubernetes の {ip} がその最初のアドレスです。',
    'import.plan.serviceCidr.flag': 'Service CIDR は {cidr}: Pod {pod} の --service-cluster-ip-range です。',
    'import.plan.domain.flag':
      'クラスタのドメインは {domain}: Pod {pod} の --service-account-issuer {issuer} が kubernetes.default.svc.{domain} を指しています。',
    'import.plan.domain.corefile':
      'クラスタのドメインは {domain}: {source} で CoreDNS の kubernetes プラグインが受け持つゾーンです。',
    'import.plan.domain.externalName':
      'クラスタのドメインは {domain}: Service {service} の spec.externalName {name} が svc.{domain} の中を指しています。',
    'import.plan.vpc':
      'Pod はノードのネットワーク {cidr}（ゲートウェイ {gateway}）上にあります: spec.podCIDR を持つノードがなく、{pods} 個の Pod の IP がノード {nodes} の InternalIP と {common} を共有するため、Pod は AWS VPC CNI（または Azure CNI）と同様にノードの ENI のセカンダリ IP を持ちます。設計は VPC ネイティブ、ネイティブルーティング。Pod CIDR はノードのネットワークです。',
    'import.plan.vpc.node':
      'ノード {node} は {count} 個の Pod の IP（{first} 〜 {last}）を持ちます（Pod CIDR のブロックはありません）。',
    'import.plan.nodeBlock':
      'ノード {node} には spec.podCIDR がないため、その Pod の IP（{pods}）を含む /{mask} のブロック {cidr} を割り当てました。',
    'import.plan.hostNetwork':
      'ホストネットワークの Pod {pods} は、Pod CIDR のアドレスではなく自分のノードの IP を使います。',
    'import.node.created':
      'ノード {node} は宣言されていませんが、Pod {pods} の spec.nodeName が指しているので作成しました。',
    'import.node.createdWithCidr':
      'ノード {node} は宣言されていませんが、Pod {pods} の spec.nodeName が指しているので、{ip} を含むブロック {cidr} を Pod CIDR として作成しました。',
    'import.node.createdForIp':
      'ノード {node} を Pod CIDR {cidr} で作成しました: 宣言されたどのノードの Pod CIDR も {ip}（{pod} の status.podIP）を含まないためです。',
    'import.pods.placedByCidr':
      '{pods} を {node} に配置しました（spec.nodeName なし）: その Pod CIDR {cidr} が status.podIP を含みます。',
    'import.pods.placedHostNetwork':
      '{pods} を {node} に配置しました（spec.nodeName なし）: IP がノードの InternalIP {ip} と同じホストネットワークの Pod です。',
    'import.nodes.defaultForPods':
      'ノードが宣言も指定もされていないため、配置先のない Pod（{count} 個）のために 2 ノードのクラスタ（node-1, node-2）を作成しました。',
    'import.nodes.defaultForDaemonSets':
      'ノードが宣言も指定もされていないため、DaemonSet {names} のために 2 ノードのクラスタ（node-1, node-2）を作成しました。',
    'import.pods.spread':
      'spec.nodeName も status.podIP もない Pod（{count} 個）をノード（{nodes} 台）へ順番に割り振りました: {placement}。',
    'import.expand.replicas':
      '{kind} {name} を {count} 個の Pod に展開しました（spec.replicas {replicas}）: {pods}。',
    'import.expand.replica': '{kind} {name} を 1 個の Pod に展開しました（spec.replicas 1）: {pods}。',
    'import.expand.none': '{kind} {name} からは Pod ができません（spec.replicas {replicas}）。',
    'import.expand.daemonSet':
      'DaemonSet {name} を条件に合うノードごとに 1 個の Pod（{count} 個）に展開しました: {pods}。',
    'import.namespace.created':
      'Namespace {ns} は宣言されていませんが、その中のオブジェクト（{count} 個）のために作成しました。',
    'import.notice.unknownField': '未知のフィールドです。無視しました',
    'import.notice.duplicate': '{kind} {name} が複数回あります。後のものが前のものを置き換えます',
    'import.notice.l7':
      '{kind} {name} はこのモデルがルーティングしない L7 の種類です（取り込むのは Ingress、IngressClass、GatewayClass、Gateway、HTTPRoute、ReferenceGrant）。スキップしました',
    'import.notice.l7.noClass':
      'Ingress {name} は IngressClass {cls} を指定していますが、宣言されておらず、モデル化したコントローラーが入れるクラスでもありません。どのコントローラーも処理しません',
    'import.l7.gatewayClass':
      'GatewayClass {cls} は宣言されていないため、Envoy Gateway が Gateway {gateway} を処理するよう controllerName {controller} で作成しました。',
    'import.l7.defaultIngressClass':
      'Ingress {name} はクラスを指定しておらず、デフォルトの IngressClass もないため、ingress-nginx が入れるのと同じく IngressClass nginx（controller {controller}）を {annotation}: "true" 付きで作成しました。',
    'import.l7.ingressClass':
      'IngressClass nginx は宣言されていないため、Ingress {name} のために controller {controller}（ingress-nginx のクラス）で作成しました。',
    'import.l7.proxyGateway':
      'Gateway {gateway} には Envoy プロキシの Pod がないため、Envoy Gateway と同じく Deployment {deployment} と LoadBalancer Service {service}（ポート {ports}、externalTrafficPolicy {policy}）を作成しました。',
    'import.l7.proxyIngress':
      'IngressClass {classes} には ingress-nginx コントローラーの Pod がないため、ingress-nginx のデプロイ用マニフェストと同じく Deployment {deployment} と LoadBalancer Service {service}（ポート {ports}、externalTrafficPolicy {policy}）を作成しました。',
    'import.l7.namespace':
      'Namespace {ns} は宣言されていませんが、その中の L7 オブジェクト（{count} 個）のために作成しました。',
    'import.notice.skipped':
      '{kind} {name} はモデル化していません（パケットの経路を変えないため）。スキップしました',
    'import.notice.yaml': '{text}',
  },
};
