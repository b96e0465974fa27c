import { SCENARIO_MESSAGES } from '../scenario/messages';
import type { Lang } from './lang';

/**
 * What the scenario ingress says about files, links and their fields, by the keys of
 * src/scenario/messages.ts, in both languages. A key missing here, or a placeholder without an
 * argument, falls back to the core's English sentence.
 */
export const SCENARIO_SENTENCES: Record<Lang, Readonly<Record<string, string>>> = {
  // English is the core's own wording (one source, no drift).
  en: SCENARIO_MESSAGES,
  ja: {
    'shape.string': '文字列が必要ですが、{got} が書かれています',
    'shape.bool': 'true か false が必要ですが、{got} が書かれています',
    'shape.int': '整数が必要ですが、{got} が書かれています',
    'shape.range': '{value} は {min}〜{max} の範囲外です',
    'shape.enum': '{values} のいずれかが必要ですが、{got} が書かれています',
    'shape.enumOnly': '{values} のいずれかにしてください',
    'shape.array': '配列が必要ですが、{got} が書かれています',
    'shape.tuple': '要素が {count} 個の配列が必要ですが、{got} が書かれています',
    'shape.object': 'オブジェクトが必要ですが、{got} が書かれています',
    'shape.proto': 'キー __proto__ は無視しました',
    'shape.required': '{field} は必須です',
    'shape.unknownField': '未知のフィールド {field} は無視しました',
    'shape.more': 'ほかに {count} 件の問題があります（一覧には載せていません）',
    'shape.zoom': 'ズームは 0.01〜10 の範囲にしてください',
    'shape.k8sObject': 'Kubernetes オブジェクトが必要です',
    'shape.metadata': 'metadata は必須です',
    'shape.metadataName': 'metadata.name は文字列にしてください',
    'shape.metadataNamespace': 'metadata.namespace は文字列にしてください',
    'shape.preset': '{preset} というプリセットはありません',
    'load.tooLarge': 'シナリオファイルは {size} MiB あります。上限は {limit} MiB です',
    'load.fileTooLarge': '{file} は {size} MiB あります。上限は {limit} MiB です',
    'load.empty': 'ファイルが空です',
    'load.nesting': 'JSON の入れ子が {max} 段を超えています（{line} 行目、{column} 列目）',
    'load.notJson': 'JSON として読めません: {detail}',
    'load.notObject': 'シナリオは JSON オブジェクトでなければなりません',
    'load.noVersion': 'version がないため、バージョン {version} として読み込みました',
    'load.versionType': 'version は数値にしてください',
    'migrate.bad': '{what}のバージョン {version} は、このアプリが書き出したことのないバージョンです',
    'migrate.future':
      '{what}のバージョン {version} はこのアプリ（バージョン {current}）より新しいものです。再読み込みして更新してください',
    'migrate.missing': '{what}のバージョン {version} からの移行手順がありません',
    'link.tooLong':
      'リンクが {length} 文字になります（上限 {limit} 文字）。代わりにシナリオをファイルとして保存してください',
    'link.badChar': 'リンクに、共有リンクには入らないはずの文字が含まれています',
    'link.truncated': 'リンクが途中で切れています（最後までコピーされましたか？）',
    'link.tooLarge':
      'リンクのデータは展開すると {max} MiB を超えます。このアプリが書き出すリンクはそれほど大きくなりません',
    'link.noInflate': 'リンクが壊れています: データを展開できません',
    'link.nesting': 'リンクのデータの入れ子が {max} 段を超えています（{line} 行目の {column} 文字目）',
    'link.unreadable': 'リンクが壊れています: データを読み取れません',
    'link.checksum': 'リンクが壊れています: チェックサムが内容と一致しません',
    'link.empty': 'このアドレスには共有された状態がありません',
    'link.inputTooLong': 'リンクが {limit} 文字を超えています',
    'link.notLink': 'このアプリの共有リンクではありません（#v2.… の形のはずです）',
    'link.future':
      'このリンクは新しいバージョン（v{version}）で作られています。ページを再読み込みして更新してください',
    'link.badVersion': 'v{version} はこのアプリが書き出したリンクのバージョンではありません',
    'link.invalidContents': 'リンクの内容が正しくありません: {problems}',
    'link.invalidScenario': 'リンクのシナリオが正しくありません: {problems}',
    'link.failed': 'リンクを読み取れませんでした: {detail}',
    'link.presetEdits':
      'プリセット {preset} へのリンクはシナリオの編集を含みませんが、このリンクには含まれているため開けません',
  },
};

/**
 * Words the core puts into arguments (what a wrong value was, which format a version belongs to),
 * by argument name and English word. Values not listed (quoted user values, numbers) stay as they are.
 */
export const ARG_WORDS: Record<Lang, Readonly<Record<string, Readonly<Record<string, string>>>>> = {
  en: {},
  ja: {
    got: {
      // codec/shape.ts (JSON)
      'an array': '配列',
      'a string': '文字列',
      'a number': '数値',
      'a boolean': '真偽値',
      'a object': 'オブジェクト',
      'a undefined': '値なし',
      // yaml/reader.ts (YAML)
      nothing: '値なし',
      'a list': 'リスト',
      'a mapping': 'マッピング',
    },
    what: { 'share link': '共有リンク', scenario: 'シナリオ' },
  },
};

/**
 * The YAML parser's errors by its code (eemeli/yaml src/errors.ts ErrorCode): its own detail is
 * English, so the page says what the code means instead. The line is shown beside the message.
 */
export const YAML_ERRORS: Record<Lang, Readonly<Record<string, string>>> = {
  en: {},
  ja: {
    ALIAS_PROPS: 'エイリアスにはアンカーもタグも付けられません',
    BAD_ALIAS: 'エイリアスが正しくありません',
    BAD_DIRECTIVE: 'ディレクティブが正しくありません',
    BAD_DQ_ESCAPE: 'ダブルクォート文字列のエスケープが正しくありません',
    BAD_INDENT: 'インデントが正しくありません',
    BAD_PROP_ORDER: 'アンカーとタグの順序が正しくありません',
    BAD_SCALAR_START: 'この文字で値を始めることはできません（引用符で囲んでください）',
    BLOCK_AS_IMPLICIT_KEY: 'ブロックはキーにできません（「:」とインデントを確認してください）',
    BLOCK_IN_FLOW: 'フロー（[ ] や { }）の中にブロックは書けません',
    DUPLICATE_KEY: 'マップのキーが重複しています',
    IMPOSSIBLE: 'パーサーの内部エラーです',
    KEY_OVER_1024_CHARS: 'キーが 1024 文字を超えています',
    MISSING_CHAR: '閉じる文字（引用符や括弧）がありません',
    MULTILINE_IMPLICIT_KEY: 'キーは 1 行に収めてください（インデントか「:」の抜けを確認してください）',
    MULTIPLE_ANCHORS: '1 つのノードにアンカーが複数あります',
    MULTIPLE_DOCS: 'ドキュメントが複数あります',
    MULTIPLE_TAGS: '1 つのノードにタグが複数あります',
    NON_STRING_KEY: 'キーが文字列ではありません',
    RESOURCE_EXHAUSTION: 'エイリアスの展開が多すぎます',
    TAB_AS_INDENT: 'インデントにタブは使えません（空白を使ってください）',
    TAG_RESOLVE_FAILED: 'タグを解決できません',
    UNEXPECTED_TOKEN: '予期しない記号があります',
    BAD_COLLECTION_TYPE: 'コレクションの種類が正しくありません',
  },
};
