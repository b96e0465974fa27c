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
    'import.error.tooLarge':
      '入力は {size} MiB あります。取り込みの上限は {limit} MiB です（ファイルを分けてください）',
    'import.error.tooManyObjects':
      '入力のオブジェクトが取り込みの上限 {max} 個を超えています（ファイルを分けてください）',
    'import.error.tooManyPods':
      'ワークロードを展開すると Pod が {count} 個になります。取り込みの上限は {max} 個です',
    'import.error.tooManyKeys': 'マッピングのキーが {count} 個あります。受け付けるのは {max} 個までです',
    'import.error.duplicateKey': 'YAML の書式が正しくありません: マップのキーが重複しています（{key}）',
    'import.error.notObject':
      'Kubernetes オブジェクト（apiVersion と kind を持つマッピング）が必要ですが、{got} が書かれています',
    'import.error.kind': 'オブジェクトの kind が必要ですが、{got} が書かれています',
    'import.error.apiVersion': 'apiVersion が必要ですが、{got} が書かれています',
    'import.error.servedAs': '{kind} の apiVersion は {versions} ですが、{value} が書かれています',
    'import.field.missing': '必須のフィールドがありません',
    'import.field.generateName': '必須のフィールドがありません（generateName には対応していません）',
    'import.field.mapping': 'マッピングが必要ですが、{got} が書かれています',
    'import.field.string': '文字列が必要ですが、{got} が書かれています',
    'import.field.bool': 'true か false が必要ですが、{got} が書かれています',
    'import.field.int': '{min}〜{max} の整数が必要ですが、{got} が書かれています',
    'import.field.enum': '{values} のいずれかが必要ですが、{got} が書かれています',
    'import.field.labelKey':
      'ラベルのキーが正しくありません: 修飾名（[プレフィックス/]名前、63 文字以内）にしてください',
    'import.field.labelQuote':
      '文字列が必要ですが、{got} が書かれています（"{value}" のように引用符で囲んでください）',
    'import.field.labelValue':
      'ラベルの値 {got} が正しくありません: 英数字・「-」・「_」・「.」で 63 文字以内にしてください',
    'import.field.nameLabel':
      '名前 {name} が正しくありません: DNS-1123 ラベル（英小文字・数字・「-」で 63 文字以内、先頭と末尾は英小文字か数字）にしてください',
    'import.field.nameSubdomain':
      '名前 {name} が正しくありません: DNS-1123 サブドメイン（英小文字・数字・「-」・「.」で 253 文字以内）にしてください',
    'import.field.namespace': 'Namespace {name} が正しくありません: DNS-1123 ラベルにしてください',
    'import.field.containerName': 'コンテナ名 {name} が正しくありません: DNS-1123 ラベルにしてください',
    'import.field.servicePortName': 'ポート名 {name} が正しくありません: DNS-1123 ラベルにしてください',
    'import.field.dnsLabel': '{field} {name} が正しくありません: DNS-1123 ラベルにしてください',
    'import.field.portName':
      'ポート名 {name} が正しくありません: 英小文字・数字・「-」で 15 文字以内、英字を 1 つ以上含めてください',
    'import.field.ipv4': 'IPv4 アドレスが必要ですが、{value} が書かれています',
    'import.field.cidr': '10.244.1.0/24 のような IPv4 CIDR が必要ですが、{value} が書かれています',
    'import.field.cidrStrict':
      'ホスト部がすべて 0 の、10.244.1.0/24 のような IPv4 CIDR が必要ですが、{value} が書かれています',
    'import.field.noContainers': 'Pod にはコンテナが 1 つ以上必要です',
    'import.field.podIPs': 'status.podIP（{ip}）と同じでなければなりませんが、{value} が書かれています',
    'import.field.intOrName': '1〜65535 の整数かポート名が必要ですが、{got} が書かれています',
    'import.field.portNameRequired': 'Service にポートが複数あるときは必須です',
    'import.field.portNameDuplicate': 'ポート名 {name} が重複しています',
    'import.field.nodePort': 'type が NodePort か LoadBalancer のときだけ指定できます',
    'import.field.clusterIPs': 'spec.clusterIP（{ip}）と同じでなければなりません',
    'import.field.externalName': 'type ExternalName では必須です',
    'import.field.noAddresses': 'エンドポイントにはアドレスが 1 つ以上必要です',
    'import.field.except': 'cidr {cidr} に真に含まれる範囲にしてください',
    'import.field.peerMixed':
      'ピアで ipBlock と podSelector や namespaceSelector を同時に指定することはできません',
    'import.field.peerEmpty': 'ピアには podSelector、namespaceSelector、ipBlock のいずれかが必要です',
    'import.field.endPortNumeric': 'port を数値で指定する必要があります',
    'import.field.endPort': 'port（{port}）以上にしてください',
    'import.field.emptySelector': 'apps/v1 のワークロードでは空のセレクターは使えません',
    'import.field.selectorMismatch':
      'セレクターがテンプレートのラベル（spec.template.metadata.labels）に一致しません',
    'import.field.dnsDomain': 'DNS ドメイン名が必要ですが、{value} が書かれています',
    'import.field.maskFlag': '8〜30 のプレフィックス長を文字列で指定してください。{value} が書かれています',
    'import.field.selectorKey': 'ラベルのキー {key} が正しくありません',
    'import.field.valuesNeeded': '演算子 {operator} には値が 1 つ以上必要です',
    'import.field.valuesNone': '演算子 {operator} には値を指定できません',
    'import.field.hostname':
      'ホスト名 {value} が正しくありません: DNS 名にしてください（先頭に「*.」を付けることはできます）',
    'import.field.numberOrName': 'number と name のどちらか一方だけを指定してください',
    'import.field.backend': 'バックエンドには service か resource が必要です',
    'import.field.absolutePath': '絶対パス（「/」で始まる）が必要ですが、{value} が書かれています',
    'import.field.pathRequired': 'pathType {pathType} では必須です',
    'import.field.ingressEmpty': 'defaultBackend か rules のどちらかを指定してください',
    'import.field.listenerDuplicate': 'リスナー名 {name} が重複しています',
    'import.field.noListeners': 'リスナーが 1 つ以上必要です',
    'import.field.backendPort': 'Service を参照するときは必須です',
    'import.field.redirectCode': '301、302、303、307、308 のいずれかが必要ですが、{value} が書かれています',
    'import.field.redirectRewrite': 'RequestRedirect と URLRewrite は同時に使えません',
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
