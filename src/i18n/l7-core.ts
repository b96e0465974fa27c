/**
 * Strings for the keys the L7 core emits (src/core/l7): why a rule won (the precedence step that
 * decided), why a request could not be decided, and request-builder input errors. Spread into
 * messages.ts (en and ja must have the same keys). Rule numbers are the 0-based index in the
 * route's `spec.rules`, shown as `rules[N]` so they match the YAML.
 */
export const L7_CORE_EN = {
  'l7.why.only': '{route} rules[{rule}] is the only rule that matches this request.',
  'l7.why.exactPath':
    '{route} rules[{rule}] wins: an Exact path match ({path}) beats every prefix, here {other} rules[{otherRule}] ({otherPath}).',
  'l7.why.regexPath':
    '{route} rules[{rule}] wins: its path match ranks above {other} rules[{otherRule}] by type (Exact, then RegularExpression, then PathPrefix).',
  'l7.why.longerPrefix':
    '{route} rules[{rule}] wins: its prefix {path} is longer than {otherPath} of {other} rules[{otherRule}].',
  'l7.why.method':
    '{route} rules[{rule}] wins: it also matches the method {method}, which {other} rules[{otherRule}] does not ask for.',
  'l7.why.moreHeaders':
    '{route} rules[{rule}] wins: it matches {n} headers, {other} rules[{otherRule}] only {otherN}.',
  'l7.why.moreQuery':
    '{route} rules[{rule}] wins: it matches {n} query parameters, {other} rules[{otherRule}] only {otherN}.',
  'l7.why.olderRoute':
    '{route} rules[{rule}] wins a tie with {other} rules[{otherRule}]: {route} is the older route (creationTimestamp).',
  'l7.why.routeName':
    '{route} rules[{rule}] wins a tie with {other} rules[{otherRule}]: {route} comes first by namespace/name.',
  'l7.why.ruleOrder':
    '{route} rules[{rule}] wins a tie with rules[{otherRule}] of the same route: the first rule in the list wins.',
  'l7.why.matchOrder': '{route} rules[{rule}] matches this request.',
  'l7.why.noRoute': 'No rule on this listener matches {host}{path}: the proxy answers 404 itself.',
  'l7.why.noListenerHost': 'No listener on port {port} takes the host {host}: the proxy answers 404 itself.',
  'l7.why.ingressOnly': 'The {type} path {path} is the only one that matches.',
  'l7.why.ingressLongest': 'The longest matching path wins: {path} over {other}.',
  'l7.why.ingressExactOverPrefix': 'Exact and Prefix both match {path}: Exact wins the tie.',
  'l7.why.ingressDefaultBackend': 'No path matches: the default backend of {ingress} takes the request.',
  'l7.why.ingressNoMatch':
    'No Ingress rule matches {host}{path} and there is no default backend: the controller answers 404 itself.',
  'l7.why.sslRedirect': '{host} has TLS in the Ingress: ingress-nginx redirects plain HTTP to HTTPS (308).',
  'l7.error.noListenerPort': '{via} has no listener on port {port}.',
  'l7.error.noEntry': 'No Gateway or IngressClass takes {host} on port {port}.',
  'l7.error.ambiguousEntry': 'More than one entry could take this request ({candidates}); choose one.',
  'l7.error.unknownEntry': 'No Gateway or IngressClass {via} in this scenario.',
  'l7.request.badUrl': 'Type a URL like http://host/path?query (got {url}).',
  'l7.request.badPort': 'The port must be 1–65535 (got {port}).',
  'l7.request.badMethod': 'A method is letters only, like GET or POST (got {method}).',
  'l7.request.badHeader': 'A header is "Name: value" with a valid name (got {header}).',
} as const;

export const L7_CORE_JA: Record<keyof typeof L7_CORE_EN, string> = {
  'l7.why.only': 'このリクエストに一致するルールは {route} の rules[{rule}] だけです。',
  'l7.why.exactPath':
    '{route} の rules[{rule}] が選ばれました: Exact のパス一致（{path}）はどのプレフィックスよりも優先されます（ここでは {other} の rules[{otherRule}]（{otherPath}））。',
  'l7.why.regexPath':
    '{route} の rules[{rule}] が選ばれました: パス一致の種類（Exact、RegularExpression、PathPrefix の順）で {other} の rules[{otherRule}] より上位です。',
  'l7.why.longerPrefix':
    '{route} の rules[{rule}] が選ばれました: プレフィックス {path} は {other} の rules[{otherRule}] の {otherPath} より長いためです。',
  'l7.why.method':
    '{route} の rules[{rule}] が選ばれました: メソッド {method} にも一致し、{other} の rules[{otherRule}] はメソッドを条件にしていません。',
  'l7.why.moreHeaders':
    '{route} の rules[{rule}] が選ばれました: ヘッダー一致が {n} 個あり、{other} の rules[{otherRule}] は {otherN} 個だけです。',
  'l7.why.moreQuery':
    '{route} の rules[{rule}] が選ばれました: クエリパラメーター一致が {n} 個あり、{other} の rules[{otherRule}] は {otherN} 個だけです。',
  'l7.why.olderRoute':
    '{route} の rules[{rule}] が {other} の rules[{otherRule}] との同順位で選ばれました: {route} のほうが古いルート（creationTimestamp）です。',
  'l7.why.routeName':
    '{route} の rules[{rule}] が {other} の rules[{otherRule}] との同順位で選ばれました: namespace/name の順で {route} が先です。',
  'l7.why.ruleOrder':
    '{route} の rules[{rule}] が同じルートの rules[{otherRule}] との同順位で選ばれました: リストで先のルールが優先されます。',
  'l7.why.matchOrder': '{route} の rules[{rule}] がこのリクエストに一致します。',
  'l7.why.noRoute':
    'このリスナーには {host}{path} に一致するルールがありません。プロキシ自身が 404 を返します。',
  'l7.why.noListenerHost':
    'ポート {port} にはホスト {host} を受け付けるリスナーがありません。プロキシ自身が 404 を返します。',
  'l7.why.ingressOnly': '一致するパスは {type} の {path} だけです。',
  'l7.why.ingressLongest': '最も長く一致するパスが優先されます: {other} より {path}。',
  'l7.why.ingressExactOverPrefix':
    'Exact と Prefix の両方が {path} に一致します。同順位では Exact が優先されます。',
  'l7.why.ingressDefaultBackend':
    '一致するパスがないため、{ingress} のデフォルトバックエンドがリクエストを受けます。',
  'l7.why.ingressNoMatch':
    '{host}{path} に一致する Ingress ルールもデフォルトバックエンドもありません。コントローラー自身が 404 を返します。',
  'l7.why.sslRedirect':
    'Ingress で {host} に TLS が設定されているため、ingress-nginx は平文の HTTP を HTTPS へリダイレクトします（308）。',
  'l7.error.noListenerPort': '{via} にはポート {port} のリスナーがありません。',
  'l7.error.noEntry': 'ポート {port} で {host} を受け付ける Gateway も IngressClass もありません。',
  'l7.error.ambiguousEntry':
    'このリクエストを受けられる入口が複数あります（{candidates}）。どれか一つを選んでください。',
  'l7.error.unknownEntry': 'このシナリオには Gateway または IngressClass {via} がありません。',
  'l7.request.badUrl': 'http://host/path?query の形で URL を入力してください（入力: {url}）。',
  'l7.request.badPort': 'ポートは 1〜65535 です（入力: {port}）。',
  'l7.request.badMethod': 'メソッドは GET や POST のように英字だけです（入力: {method}）。',
  'l7.request.badHeader': 'ヘッダーは「Name: value」の形で、有効な名前が必要です（入力: {header}）。',
};
