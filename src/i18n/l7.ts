import { L7_MESSAGES } from '../core/trace/l7-messages';
import type { Lang } from './lang';

/**
 * Strings of the L7 entry on the page (request builder, Gateway/Ingress cards, the L7 step), spread
 * into the main dictionaries in messages.ts.
 */
export const L7_EN = {
  'layout.tool.l7': 'Gateways & Ingress',
  'l7.builder.heading': 'HTTP request',
  'l7.builder.hint':
    'Send a request through a Gateway or Ingress: the connection into the proxy Pod, its decision, then its own connection to a backend.',
  'l7.builder.from': 'From',
  'l7.builder.method': 'Method',
  'l7.builder.url': 'URL',
  'l7.builder.headers': 'Headers (one "Name: value" a line)',
  'l7.builder.via': 'Entry',
  'l7.builder.viaAuto': 'the only one that takes it',
  'l7.builder.upstream': 'Proxy dials',
  'l7.builder.upstreamDefault': 'as configured (Pod IPs)',
  'l7.builder.upstreamEndpoints': 'Pod IPs (EndpointSlices)',
  'l7.builder.upstreamClusterIp': 'the ClusterIP (kube-proxy)',
  'l7.builder.send': 'Send',
  'l7.verdict.answered': 'Answered by the proxy {to} with HTTP {status}',
  'l7.verdict.delivered': 'HTTP {status}: delivered to {to}',
  'l7.leg.client': 'client → proxy',
  'l7.leg.upstream': 'proxy → backend',
  'l7.panel.heading': 'Gateways and Ingress',
  'l7.panel.empty':
    'No Gateway or Ingress in this scenario. Import manifests with a Gateway and HTTPRoutes, or an Ingress.',
  'l7.panel.implementedBy': 'implemented by {impl}: Service {service}',
  'l7.panel.pods': 'Proxy Pods (ordinary Pods on the canvas)',
  'l7.panel.showPod': 'Show {pod}',
  'l7.panel.listeners': 'Listeners',
  'l7.panel.attached': '{name}: {n} attached routes',
  'l7.panel.routes': 'Routes and their status',
  'l7.panel.parent': 'parent {parent}',
  'l7.panel.matched': 'matched by the last request (rule {rule})',
  'l7.panel.yaml': 'YAML of {route}',
  'l7.detail.heading': 'L7 decision',
  'l7.detail.via': 'Entry',
  'l7.detail.listener': 'Listener',
  'l7.detail.route': 'Route',
  'l7.detail.rule': 'Rule',
  'l7.detail.why': 'Why this rule',
  'l7.detail.filters': 'Filters applied',
  'l7.detail.backend': 'Backend',
  'l7.detail.status': 'Status',
  'l7.detail.location': 'Location',
  'l7.detail.dials': 'Upstream',
  'l7.detail.request': 'Request from the client',
  'l7.detail.upstreamRequest': 'Request to the backend',
  'l7.detail.none': 'none',
} as const;

export const L7_JA: Record<keyof typeof L7_EN, string> = {
  'layout.tool.l7': 'Gateway と Ingress',
  'l7.builder.heading': 'HTTP リクエスト',
  'l7.builder.hint':
    'Gateway または Ingress を通してリクエストを送ります。プロキシ Pod への接続、その判断、そしてプロキシ自身からバックエンドへの接続です。',
  'l7.builder.from': '送信元',
  'l7.builder.method': 'メソッド',
  'l7.builder.url': 'URL',
  'l7.builder.headers': 'ヘッダー（1 行に「Name: value」を 1 つ）',
  'l7.builder.via': '入口',
  'l7.builder.viaAuto': '受け取れる唯一のもの',
  'l7.builder.upstream': 'プロキシの接続先',
  'l7.builder.upstreamDefault': '設定どおり（Pod IP）',
  'l7.builder.upstreamEndpoints': 'Pod IP（EndpointSlice）',
  'l7.builder.upstreamClusterIp': 'ClusterIP（kube-proxy 経由）',
  'l7.builder.send': '送信',
  'l7.verdict.answered': 'プロキシ {to} が HTTP {status} を返しました',
  'l7.verdict.delivered': 'HTTP {status}: {to} に届きました',
  'l7.leg.client': 'クライアント → プロキシ',
  'l7.leg.upstream': 'プロキシ → バックエンド',
  'l7.panel.heading': 'Gateway と Ingress',
  'l7.panel.empty':
    'このシナリオには Gateway も Ingress もありません。Gateway と HTTPRoute、または Ingress を含むマニフェストを取り込んでください。',
  'l7.panel.implementedBy': '実装: {impl}、Service {service}',
  'l7.panel.pods': 'プロキシ Pod（キャンバス上の普通の Pod）',
  'l7.panel.showPod': '{pod} を表示',
  'l7.panel.listeners': 'リスナー',
  'l7.panel.attached': '{name}: 紐づくルート {n} 件',
  'l7.panel.routes': 'ルートとステータス',
  'l7.panel.parent': '親 {parent}',
  'l7.panel.matched': '直前のリクエストに一致（ルール {rule}）',
  'l7.panel.yaml': '{route} の YAML',
  'l7.detail.heading': 'L7 の判断',
  'l7.detail.via': '入口',
  'l7.detail.listener': 'リスナー',
  'l7.detail.route': 'ルート',
  'l7.detail.rule': 'ルール',
  'l7.detail.why': 'このルールが選ばれた理由',
  'l7.detail.filters': '適用されたフィルター',
  'l7.detail.backend': 'バックエンド',
  'l7.detail.status': 'ステータス',
  'l7.detail.location': 'Location',
  'l7.detail.dials': '上流への接続',
  'l7.detail.request': 'クライアントからのリクエスト',
  'l7.detail.upstreamRequest': 'バックエンドへのリクエスト',
  'l7.detail.none': 'なし',
};

/** Why a rule won and request errors (keys from core/l7), in both languages; English is the core's. */
export const L7_REASONS: Record<Lang, Readonly<Record<string, string>>> = {
  en: L7_MESSAGES,
  ja: {
    'l7.why.only': '一致するルールは {route} のルール {rule} だけです',
    'l7.why.exactPath':
      'Exact のパス一致がプレフィックスに勝ちます（{route} のルール {rule} が {other} のルール {otherRule} に勝つ）',
    'l7.why.regexPath':
      'より強い種類のパス一致が勝ちます（{route} のルール {rule} が {other} のルール {otherRule} に勝つ）',
    'l7.why.longerPrefix':
      '最も長いパスプレフィックスが勝ちます: {path} が {otherPath} に勝つ（{other} のルール {otherRule}）',
    'l7.why.method':
      'メソッド（{method}）の一致があるものが、ないものに勝ちます（{other} のルール {otherRule}）',
    'l7.why.moreHeaders': 'ヘッダー一致の多いものが勝ちます: {n} 対 {otherN}（{other} のルール {otherRule}）',
    'l7.why.moreQuery':
      'クエリパラメーター一致の多いものが勝ちます: {n} 対 {otherN}（{other} のルール {otherRule}）',
    'l7.why.olderRoute': '同順位では古いルートが勝ちます: {route} は {other} より先に作られました',
    'l7.why.routeName': '同順位では namespace/name 順で先のルートが勝ちます: {route} が {other} より先',
    'l7.why.ruleOrder': '{route} の中で同順位なら先のルールが勝ちます: {rule} が {otherRule} より先',
    'l7.why.matchOrder': '同順位では {route} のルール {rule} の先の一致が勝ちます',
    'l7.why.noRoute': 'このリスナーに紐づくルートで {host}{path} に一致するものはありません',
    'l7.why.noListenerHost': 'ポート {port} のリスナーでホスト {host} を受け付けるものはありません',
    'l7.why.ingressOnly': '一致するパスは {path}（{type}）だけです',
    'l7.why.ingressLongest': '最も長く一致するパスが勝ちます: {path} が {other} に勝つ',
    'l7.why.ingressExactOverPrefix': '同じ長さなら Exact のパス {path} が Prefix に勝ちます',
    'l7.why.ingressDefaultBackend': '一致するパスがないので {ingress} の defaultBackend が受け取ります',
    'l7.why.ingressNoMatch': '{host}{path} に一致する Ingress ルールも既定のバックエンドもありません',
    'l7.why.sslRedirect': '{host} は spec.tls にあるので、平文の HTTP は HTTPS へリダイレクトされます',
    'l7.error.ambiguousEntry':
      'このリクエストを受け取れる Gateway / IngressClass が複数あります（{candidates}）。入口を選んでください',
    'l7.error.noEntry':
      'ポート {port} の {host} へのリクエストを受け取る Gateway / IngressClass はありません',
    'l7.error.noListenerPort': '{via} にはポート {port} のリスナーがありません',
    'l7.error.unknownEntry':
      '{via} という Gateway / IngressClass はモデル化されたプロキシで提供されていません',
    'l7.error.noProxyPods': '{via} には {service} の背後にプロキシ Pod がありません',
    'l7.error.noL7': 'このシナリオには、モデル化されたプロキシが提供する Gateway も Ingress もありません',
    'l7.request.badUrl': 'http:// または https:// の URL ではありません: {url}',
    'l7.request.badPort': 'URL のポートが不正です: {port}',
    'l7.request.badMethod': 'HTTP メソッドが不正です: {method}',
    'l7.request.badHeader': 'ヘッダーが不正です（「Name: value」の形で）: {header}',
  },
};
