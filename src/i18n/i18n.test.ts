import { describe, expect, it } from 'vitest';
import { HOP_MESSAGES } from '../core/trace/messages';
import { HOP_SENTENCES, ROLE_LABELS } from './hops';
import { en, ja } from './messages';
import { fill, translator } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has a Japanese string for every English key, with the same placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ja[k]), k).toEqual(placeholders(en[k]));
    }
  });

  it('translates every hop key the tracer emits, in both languages, with its placeholders', () => {
    for (const [key, english] of Object.entries(HOP_MESSAGES)) {
      for (const lang of ['en', 'ja'] as const) {
        const tpl = HOP_SENTENCES[lang][key];
        expect(tpl, `${lang} ${key}`).toBeDefined();
        expect(placeholders(tpl!), `${lang} ${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('fills placeholders and falls back to the English explain when a key or arg is missing', () => {
    const ja = translator('ja');
    const hop = {
      say: { key: 'hop.drop.noRoute', args: { netns: 'node/node-1', dst: '10.0.0.1' } },
      explain: 'english',
    };
    expect(ja.hop(hop)).toBe('node/node-1 には 10.0.0.1 への経路がありません。破棄されます。');
    expect(ja.hop({ say: { key: 'hop.unknown', args: {} }, explain: 'english' })).toBe('english');
    expect(ja.hop({ say: { key: 'hop.drop.noRoute', args: { netns: 'x' } }, explain: 'english' })).toBe(
      'english',
    );
    expect(fill('{a} and {b}', { a: 1, b: 'two' })).toBe('1 and two');
    expect(fill('{a}', {})).toBeNull();
  });

  it('labels every device role in both languages', () => {
    expect(Object.keys(ROLE_LABELS.ja).sort()).toEqual(Object.keys(ROLE_LABELS.en).sort());
    expect(translator('ja').role('role.nic')).toBe('物理 NIC');
    expect(translator('en').role('role.somethingNew')).toBe('role.somethingNew');
  });
});

describe('validation problems', () => {
  it('has a Japanese sentence for every problem key the core emits, with the same placeholders', async () => {
    const { PROBLEM_MESSAGES } = await import('../core/model/problem-messages');
    const { PROBLEM_SENTENCES } = await import('./problems');
    for (const [key, english] of Object.entries(PROBLEM_MESSAGES)) {
      const tpl = PROBLEM_SENTENCES.ja[key];
      expect(tpl, key).toBeDefined();
      expect(placeholders(tpl!), key).toEqual(placeholders(english));
    }
    const more = {
      message: 'and 99,990 more of the same kind',
      say: { key: 'problem.more', args: { count: 99990 } },
    };
    expect(translator('ja').problem(more)).toBe('ほかに同じ種類の問題が 99,990 件あります');
    expect(translator('en').problem(more)).toBe(more.message);
    expect(translator('ja').problem({ message: 'plain' })).toBe('plain');
  });
});
