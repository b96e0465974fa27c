import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { base32, hashPrefix } from './hash';
import { sha256Text } from './sha256';

const hex = (b: Uint8Array) => bytesToHex(b);

describe('sha256Text', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(hex(sha256Text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256Text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256Text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('property: equals @noble/hashes for any text, across block boundaries and non-ASCII', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 })),
        (s) => {
          expect(hex(sha256Text(s))).toBe(hex(sha256(utf8ToBytes(s))));
        },
      ),
      { numRuns: 500 },
    );
    for (let n = 50; n < 140; n++) {
      const s = 'x'.repeat(n);
      expect(hex(sha256Text(s))).toBe(hex(sha256(utf8ToBytes(s))));
    }
  });

  it('hashPrefix keeps the base32 prefix of the full digest', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 20 }), (s, n) => {
        expect(hashPrefix(s, n)).toBe(base32(sha256(utf8ToBytes(s))).slice(0, n));
      }),
    );
  });
});
