import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64url, toBase64url } from './base64url';

describe('base64url', () => {
  it('matches Node’s base64url and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64url(text)).toEqual(bytes);
      }),
    );
  });

  it('rejects foreign characters and impossible lengths', () => {
    expect(fromBase64url('ab+c')).toBe('BAD_CHAR');
    expect(fromBase64url('abc=')).toBe('BAD_CHAR');
    expect(fromBase64url('abcde')).toBe('BAD_LENGTH');
    expect(fromBase64url('ab\u00e9c')).toBe('BAD_CHAR');
  });
});
