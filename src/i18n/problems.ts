import { PROBLEM_MESSAGES } from '../core/model/problem-messages';
import type { Lang } from './lang';

/**
 * Validation problems by `problem.say.key` (the keys the core emits,
 * src/core/model/problem-messages.ts), in both languages. Placeholders are `{name}`, filled from
 * `say.args`. A missing key or arg falls back to the core's own English `message`.
 */
export const PROBLEM_SENTENCES: Record<Lang, Readonly<Record<string, string>>> = {
  // English is the core's own wording (one source, no drift).
  en: PROBLEM_MESSAGES,
  ja: {
    'problem.more': 'ほかに同じ種類の問題が {count} 件あります',
    'problem.moreAll': 'ほかに {count} 件の問題があります',
    'problem.name.required':
      '{kind}（{where}）: metadata.name は必須です（名前か generateName を指定してください）',
    'problem.name.tooLong':
      '{kind} "{name}": metadata.name は {max} 文字以内にしてください（{length} 文字あります）',
    'problem.name.subdomain':
      '{kind} "{name}": metadata.name は RFC 1123 のサブドメイン名にしてください（英小文字・数字・「-」・「.」で、先頭と末尾は英小文字か数字）',
    'problem.name.label':
      '{kind} "{name}": {field} は RFC 1123 のラベルにしてください（英小文字・数字・「-」で、先頭と末尾は英小文字か数字）',
    'problem.name.label1035':
      '{kind} "{name}": metadata.name は RFC 1035 のラベルにしてください（英小文字・数字・「-」で、先頭は英小文字、末尾は英小文字か数字）',
    'problem.ip.leadingZero':
      '{field} "{ip}" には先頭が 0 のオクテットがあります。API サーバーはこのようなアドレスを受け付けません',
    'problem.ip.invalid': '{field} "{ip}" は IPv4 アドレスではありません',
    'problem.clusterIP.allocated':
      'Service {service}: IP {ip} を割り当てられません。このアドレスはすでに割り当て済みです（Service {owner}）',
    'problem.clusterIP.notInRange':
      'Service {service}: IP {ip} を割り当てられません。{ip} は有効な範囲にありません。有効な範囲は {range} です',
    'problem.podIP.networkAddress':
      'Pod {pod} の IP {ip} は、ノード {node} の Pod CIDR {range} のネットワークアドレスです',
    'problem.podIP.broadcast':
      'Pod {pod} の IP {ip} は、ノード {node} の Pod CIDR {range} のブロードキャストアドレスです',
    'problem.cluster.cidr': '"{value}" はホスト部がすべて 0 の IPv4 CIDR ではありません（例: 10.244.0.0/16）',
    'problem.cluster.gateway': '"{value}" は IPv4 アドレスではありません',
    'problem.cluster.nodeMask':
      'ノード CIDR のマスク長 {mask} は、Pod CIDR のプレフィックス長（/{prefix}）から 30 までの整数にしてください',
    'problem.cluster.mtu': 'MTU {mtu} は 576〜9216 の範囲にしてください',
    'problem.cluster.overlap': '{field} {cidr} が {otherField} {other} と重なっています',
    'problem.cluster.domain': '"{value}" は DNS ドメイン名ではありません',
    'problem.designs.vpcOverlay':
      'VPC ネイティブの設計にはオーバーレイがありません: Pod IP は VPC のファブリックが運ぶので、ネイティブルーティングを選んでください',
    'problem.nodeCidr.invalid': '"{cidr}" は IPv4 CIDR ではありません',
    'problem.nodeCidr.outside':
      '{cidr} は、クラスターの Pod CIDR {range} の内側にある /{mask} にしてください',
    'problem.nodeCidr.taken': '{cidr} はすでにノード "{node}" の Pod CIDR です',
    'problem.nodeCidr.exhausted':
      '{range} には、ノード "{node}" に割り当てられる空きの /{mask} が残っていません（全 {blocks} ブロック）',
    'problem.node.duplicate': 'ノード "{node}" が 2 回出てきます',
    'problem.nodeIP.outside': 'InternalIP {ip} はノードネットワーク {range} の外にあります',
    'problem.nodeIP.duplicate': 'InternalIP {ip} はすでにノード "{node}" が使っています',
    'problem.nodeIP.exhausted': 'ノードネットワーク {range} に空きアドレスが残っていません',
    'problem.pod.duplicate': 'Pod {pod} が 2 回出てきます',
    'problem.pod.unknownNode':
      'Pod {pod} はノード "{node}" にスケジュールされていますが、そのノードは存在しません',
    'problem.pod.unplaced':
      'Pod {pod} には spec.nodeName がなく、どのノードの Pod CIDR にも入る status.podIP もありません',
    'problem.podIP.outside': 'Pod {pod} の IP {ip} は、ノード "{node}" の Pod CIDR {range} の外にあります',
    'problem.podIP.duplicate': 'Pod {pod} の IP {ip} は、すでに Pod {other} が使っています',
    'problem.podIP.exhausted':
      'ノードの Pod CIDR {range} には、Pod {pod} に割り当てる空きアドレスが残っていません',
    'problem.podIP.subnetExhausted':
      'ノードのサブネット {range} には、Pod {pod} に割り当てる空きアドレスが残っていません（VPC ネイティブでは Pod とノードが同じサブネットを使います）',
    'problem.policy.peerMixed':
      '{policy}: ピアで ipBlock と podSelector/namespaceSelector を同時に指定することはできません',
    'problem.policy.cidr': '{policy}: CIDR {cidr} が正しくありません',
    'problem.policy.peerEmpty':
      '{policy}: ピアには podSelector、namespaceSelector、ipBlock のいずれかを指定してください',
    'problem.policy.needsValues':
      '{policy}: matchExpressions のキー {key}: 演算子 {operator} には値が必要です',
    'problem.policy.noValues':
      '{policy}: matchExpressions のキー {key}: 演算子 {operator} には値を指定できません',
    'problem.policy.operator': '{policy}: matchExpressions のキー {key}: 演算子 {operator} は不明です',
    'problem.policy.protocol': '{policy}: プロトコル {protocol} には対応していません',
    'problem.policy.endPortNumeric': '{policy}: endPort を使うには port を数値で指定してください',
    'problem.policy.endPortNamed': '{policy}: 名前付きのポートには endPort を使えません',
    'problem.policy.endPortBelow': '{policy}: endPort {to} が port {from} より小さくなっています',
  },
};
