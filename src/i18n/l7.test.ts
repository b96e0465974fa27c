import { describe, expect, it } from 'vitest';
import { L7_MESSAGES } from '../core/trace/l7-messages';
import { L7_REASONS } from './l7';
import { translator } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('L7 reasons', () => {
  it('every reason and request error the core names has Japanese with the same placeholders', () => {
    for (const [key, english] of Object.entries(L7_MESSAGES)) {
      const ja = L7_REASONS.ja[key];
      expect(ja, key).toBeDefined();
      expect(placeholders(ja!), key).toEqual(placeholders(english));
    }
  });

  it("an l7 hop's sentence carries its reason in the reader's language", () => {
    const hop = {
      say: {
        key: 'hop.l7.answer',
        args: {
          proxy: 'p',
          implementation: 'envoy-gateway',
          method: 'GET',
          host: 'h',
          path: '/',
          client: '1.2.3.4',
          why: 'english why',
          status: 404,
        },
      },
      explain: 'x',
      l7: { precedence: { key: 'l7.why.noRoute', args: { host: 'h', path: '/' } } } as never,
    };
    expect(translator('ja').hop(hop)).toContain('一致するものはありません');
    expect(translator('en').hop(hop)).toContain('no route attached to this listener matches h/');
  });
});
