/**
 * Strings of the page layout (the tabbed tools panel beside or under the canvas, the header, the controls bar), in
 * English and Japanese. Spread into the main dictionaries in messages.ts.
 */
export const layoutEn = {
  'layout.tools': 'Tools',
  'layout.tool.linux': 'Linux view',
  'layout.tool.dns': 'DNS lookup',
  'layout.tool.policy': 'NetworkPolicy & YAML',
  'layout.tool.editor': 'Scenario editor',
  'layout.hidePanel': 'Hide panel',
  'layout.showPanel': 'Show panel',
  'layout.resize': 'Width of the tools panel (← / → to resize)',
  'layout.resizeValue': '{px} px wide',
  // Short labels the header shows between 1280 and 1536 px (the full phrase stays the button's name).
  'layout.short.export': 'Export',
  'layout.short.import': 'Import',
  'layout.short.presenter': 'Present',
  'layout.short.compare': 'Compare',
  'layout.short.svg': 'SVG',
  'layout.short.png': 'PNG',
  // The NAT marks on the drawn path (the badge's text: the kind, then the new address).
  'layout.nat.mark': '{kind} → {addr}',
  'layout.overview.underlay': 'underlay (the links between nodes)',
  // A long chain of matched rules: the deciding (last) line shows, the ones before it fold.
  'layout.rule.showChain': 'Show the {n} rules before it',
  'layout.rule.hideChain': 'Hide the rules before it',
  'layout.controls': 'Scenario controls',
  'layout.hideControls': 'Hide controls',
  'layout.showControls': 'Show controls',
  // A tools panel whose code loads the first time it is opened.
  'layout.loading': 'Loading…',
  'layout.loadFailed':
    'This panel could not be loaded ({message}). Check the connection and try again; nothing you have done is lost.',
  'layout.retry': 'Try again',
};

export const layoutJa: Record<keyof typeof layoutEn, string> = {
  'layout.tools': 'ツール',
  'layout.tool.linux': 'Linux ビュー',
  'layout.tool.dns': 'DNS の名前解決',
  'layout.tool.policy': 'NetworkPolicy と YAML',
  'layout.tool.editor': 'シナリオ編集',
  'layout.hidePanel': 'パネルを隠す',
  'layout.showPanel': 'パネルを表示',
  'layout.resize': 'ツールパネルの幅（← / → で変更）',
  'layout.resizeValue': '幅 {px} px',
  'layout.short.export': '書き出す',
  'layout.short.import': '読み込む',
  'layout.short.presenter': 'プレゼン',
  'layout.short.compare': '比較',
  'layout.short.svg': 'SVG',
  'layout.short.png': 'PNG',
  'layout.nat.mark': '{kind} → {addr}',
  'layout.overview.underlay': 'アンダーレイ（ノード間のリンク）',
  'layout.rule.showChain': 'その前のルール {n} 行を表示',
  'layout.rule.hideChain': 'その前のルールを隠す',
  'layout.controls': 'シナリオの設定',
  'layout.hideControls': '設定を隠す',
  'layout.showControls': '設定を表示',
  'layout.loading': '読み込んでいます…',
  'layout.loadFailed':
    'このパネルを読み込めませんでした（{message}）。接続を確かめてから、もう一度お試しください。これまでの作業は失われていません。',
  'layout.retry': 'もう一度試す',
};
