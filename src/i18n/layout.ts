/**
 * Strings of the page layout (the tabbed tools panel under the canvas, the controls bar), in
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
  'layout.resize': 'Height of the tools panel (↑ / ↓ to resize)',
  'layout.controls': 'Scenario controls',
  'layout.hideControls': 'Hide controls',
  'layout.showControls': 'Show controls',
};

export const layoutJa: Record<keyof typeof layoutEn, string> = {
  'layout.tools': 'ツール',
  'layout.tool.linux': 'Linux ビュー',
  'layout.tool.dns': 'DNS の名前解決',
  'layout.tool.policy': 'NetworkPolicy と YAML',
  'layout.tool.editor': 'シナリオ編集',
  'layout.hidePanel': 'パネルを隠す',
  'layout.showPanel': 'パネルを表示',
  'layout.resize': 'ツールパネルの高さ（↑ / ↓ で変更）',
  'layout.controls': 'シナリオの設定',
  'layout.hideControls': '設定を隠す',
  'layout.showControls': '設定を表示',
};
