/**
 * Strings of the newcomer fixes (issue 9): Service ports in the trace form, probe warnings, import
 * summaries, the preset state, skip links, the path legend. Spread into messages.ts.
 */
export const uxEn = {
  'trace.servicePort': 'Service port',
  'trace.servicePortOther': 'other port ({port}/{protocol})',
  'trace.servicePortOption': '{name}{port}/{protocol} → {target}',
  'trace.autoHint': 'The trace re-runs as soon as you change From, To or the port.',
  'warning.heading': 'Warning',
  'warning.SERVICE_PORT_NOT_SERVED':
    'Service {service} does not serve {port}/{protocol}; it serves {ports}. kube-proxy has no rule for this port, so the trace shows what the node does with an unknown port.',
  'skip.canvas': 'Skip to the canvas',
  'skip.playback': 'Skip to playback',
  'skip.hops': 'Skip to the hops',
  'legend.heading': 'Path legend',
  'legend.path': 'packet path',
  'legend.tunnel': 'inside a VXLAN tunnel (outer UDP envelope)',
  'legend.nat': 'address rewritten (DNAT/SNAT)',
};

export const uxJa: Record<keyof typeof uxEn, string> = {
  'trace.servicePort': 'Service のポート',
  'trace.servicePortOther': 'その他のポート（{port}/{protocol}）',
  'trace.servicePortOption': '{name}{port}/{protocol} → {target}',
  'trace.autoHint': '送信元・宛先・ポートを変えると、すぐに追跡し直します。',
  'warning.heading': '注意',
  'warning.SERVICE_PORT_NOT_SERVED':
    'Service {service} はポート {port}/{protocol} を提供していません。提供しているのは {ports} です。kube-proxy にはこのポートのルールがないため、トレースは未知のポートに対してノードが実際に行う処理を示します。',
  'skip.canvas': 'キャンバスへ移動',
  'skip.playback': '再生操作へ移動',
  'skip.hops': 'ホップ一覧へ移動',
  'legend.heading': '経路の凡例',
  'legend.path': 'パケットの経路',
  'legend.tunnel': 'VXLAN トンネル内（外側 UDP ヘッダーで包まれた区間）',
  'legend.nat': 'アドレス書き換え（DNAT/SNAT）',
};
