import { describe, expect, it } from 'vitest';
import { IMPORT_MESSAGES, sayText } from '../scenario/yaml/messages';
import { importYaml } from '../scenario/yaml/import';
import { formatIssue } from '../scenario/yaml/types';
import { smallScenario } from '../scenario/presets/small';
import { IMPORT_SENTENCES } from './import';
import { translator } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('import inferences and notices in both languages', () => {
  it('has a Japanese sentence for every key the importer emits, with the same placeholders', () => {
    expect(Object.keys(IMPORT_SENTENCES.ja).sort()).toEqual(Object.keys(IMPORT_MESSAGES).sort());
    for (const [key, english] of Object.entries(IMPORT_MESSAGES))
      expect(placeholders(IMPORT_SENTENCES.ja[key]!), key).toEqual(placeholders(english));
  });

  it('renders a message in the chosen language; the CLI’s English is the same sentence', () => {
    const say = { key: 'import.plan.podCidr.flag', args: { cidr: '10.32.0.0/16', pod: 'kube-system/kcm' } };
    expect(translator('en').imported(say)).toBe(sayText(say));
    expect(translator('en').imported(say)).toBe(
      'Cluster Pod CIDR 10.32.0.0/16: --cluster-cidr of Pod kube-system/kcm.',
    );
    expect(translator('ja').imported(say)).toBe(
      'クラスタの Pod CIDR は 10.32.0.0/16: Pod kube-system/kcm の --cluster-cidr です。',
    );
    // An unknown key or a missing argument falls back to the English text given.
    expect(translator('ja').imported({ key: 'import.unknown', args: {} }, 'english')).toBe('english');
    expect(translator('ja').imported({ key: 'import.plan.podCidr.flag', args: {} }, 'english')).toBe(
      'english',
    );
  });

  it('says YAML errors in Japanese, with where they are; the CLI keeps its English line', () => {
    const ja = translator('ja');
    const bad = importYaml(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web_1\nspec:\n  containers: 3\n',
      smallScenario(),
    );
    expect(bad.errors.map(formatIssue)).toEqual([
      "document 1, line 4: metadata.name: invalid name \"Web_1\": a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', ≤ 253 characters)",
      'document 1, line 6: spec.containers: expected a list, got 3',
    ]);
    expect(bad.errors.map((e) => ja.said(e))).toEqual([
      '名前 "Web_1" が正しくありません: DNS-1123 サブドメイン（英小文字・数字・「-」・「.」で 253 文字以内）にしてください',
      'リストが必要ですが、3 が書かれています',
    ]);
    const typed = importYaml('apiVersion: v1\nkind: Namespace\nmetadata: []\n', smallScenario());
    expect(ja.said(typed.errors[0]!)).toBe('マッピングが必要ですが、リスト が書かれています');
    // The parser's error by its code; the line stays beside it.
    const broken = importYaml('apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\n', smallScenario());
    const e = broken.errors[0]!;
    expect(e.message).toMatch(/^malformed YAML: /);
    expect(e.line).not.toBeNull();
    expect(e.say?.args.yamlCode).toBeTypeOf('string');
    expect(ja.said(e)).toMatch(/^YAML の書式が正しくありません: [^A-Za-z]+$/);
    expect(translator('en').said(e)).toBe(e.message);
  });
});
