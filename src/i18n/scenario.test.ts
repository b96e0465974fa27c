import { describe, expect, it } from 'vitest';
import { decode } from '../scenario/codec';
import { loadScenario } from '../scenario/load';
import { SCENARIO_MESSAGES, scenarioText } from '../scenario/messages';
import { SCENARIO_SENTENCES, YAML_ERRORS } from './scenario';
import { translator } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('scenario files and share links in both languages', () => {
  it('has a Japanese sentence for every key the ingress emits, with the same placeholders', () => {
    expect(Object.keys(SCENARIO_SENTENCES.ja).sort()).toEqual(Object.keys(SCENARIO_MESSAGES).sort());
    for (const [key, english] of Object.entries(SCENARIO_MESSAGES))
      expect(placeholders(SCENARIO_SENTENCES.ja[key]!), key).toEqual(placeholders(english));
  });

  it('explains every YAML parser error code in Japanese', () => {
    for (const code of ['BAD_INDENT', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'TAB_AS_INDENT'])
      expect(YAML_ERRORS.ja[code], code).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('keeps the English the CLI prints and renders the same finding in Japanese', () => {
    const r = loadScenario('{"version": 1, "pods": [{"apiVersion": "v1"}]}');
    expect(r.ok).toBe(false);
    const first = !r.ok ? r.errors[0]! : null;
    expect(first?.message).toBe('kind is required');
    expect(first && scenarioText(first.say!)).toBe(first?.message);
    expect(first && translator('en').said(first)).toBe('kind is required');
    expect(first && translator('ja').said(first)).toBe('kind は必須です');
    const typed = loadScenario('{"version": "x"}');
    expect(!typed.ok && translator('ja').said(typed.errors[0]!)).toBe('version は数値にしてください');
    const future = loadScenario('{"version": 9}');
    expect(!future.ok && future.errors[0]!.message).toBe(
      'scenario version 9 is newer than this app (version 1); reload to update',
    );
    expect(!future.ok && translator('ja').said(future.errors[0]!)).toBe(
      'シナリオのバージョン 9 はこのアプリ（バージョン 1）より新しいものです。再読み込みして更新してください',
    );
  });

  it('translates words inside arguments and a broken link’s nested problems', () => {
    const r = loadScenario('{"version": 1, "nodes": 3}');
    const e = !r.ok ? r.errors[0]! : null;
    expect(e?.message).toBe('expected an array, got a number');
    expect(e && translator('ja').said(e)).toBe('配列が必要ですが、数値 が書かれています');
    const link = decode('#v2.abc.123');
    expect(!link.ok && link.error.message).toBe('the link is cut short (was it copied completely?)');
    expect(!link.ok && translator('ja').said(link.error)).toBe(
      'リンクが途中で切れています（最後までコピーされましたか？）',
    );
    const nested = {
      message: 'the link\'s contents are not valid: $.p: unknown preset "zz"',
      say: { key: 'link.invalidContents', args: { problems: '$.p: unknown preset "zz"' } },
      problems: [
        {
          path: '$.p',
          message: 'unknown preset "zz"',
          say: { key: 'shape.preset', args: { preset: '"zz"' } },
        },
      ],
    };
    expect(translator('ja').said(nested)).toBe(
      'リンクの内容が正しくありません: $.p: "zz" というプリセットはありません',
    );
    expect(translator('en').said(nested)).toBe(nested.message);
    expect(translator('ja').said({ message: 'plain' })).toBe('plain');
  });
});
