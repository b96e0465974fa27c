import { describe, expect, it } from 'vitest';
import { fnv1a32, generateName, podTemplateHash, safeEncodeString, seededRandom } from './names';

describe('controller-generated names', () => {
  it('SafeEncodeString maps decimal digits onto 4-9 and b, c, d, f, as in real pod-template-hash values', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(podTemplateHash('{"a":1}')).toMatch(/^[4-9bcdf]{10}$/);
  });

  it('FNV-1a 32 matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('generateName cuts the prefix to 58 characters and appends five', () => {
    const next = seededRandom(42);
    const name = generateName(`${'x'.repeat(70)}-`, next);
    expect(name).toHaveLength(63);
    expect(name.slice(0, 58)).toBe('x'.repeat(58));
    expect(generateName('web-', seededRandom(42))).toBe(generateName('web-', seededRandom(42)));
  });

  it('draws again when a generated name is taken, as the controller retries on AlreadyExists', () => {
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.99, 0, 0, 0, 0];
    let i = 0;
    const next = () => draws[i++]!;
    const taken = new Set(['web-bbbbb']);
    expect(generateName('web-', next, taken)).toBe('web-9bbbb');
    expect(taken.has('web-9bbbb')).toBe(true);
  });
});
