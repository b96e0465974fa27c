import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { smallScenario } from '../presets/small';
import { defaultViewState } from '../view-state';
import { toBase64url } from './base64url';
import { linkChecksum } from './checksum';
import { decode, encode, peek } from './index';
import { boundedInflate, LINK_BOUNDS } from './limits';

/**
 * Hostile and damaged links: decoders never throw, never read past their bounds, and every refusal
 * says what is wrong (a code and a message naming the place). Seeded, so a failure replays.
 */
const SEED = 20261202;
const v2 = (payload: string) => `#v2.${payload}.${linkChecksum(payload)}`;
const packed = (json: string) => toBase64url(deflateSync(strToU8(json), { level: 9 }));

const good = (() => {
  const r = encode({
    ...defaultViewState(),
    scenario: { ...smallScenario(), designs: { intra: 'routed', inter: 'routing', proxy: 'ipvs' } },
    probe: { from: 'default/client', to: 'default/backend', port: 80, protocol: 'TCP' },
    step: 3,
  });
  if (!r.ok) throw new Error('encode');
  return r.fragment;
})();

describe('hostile share links', () => {
  it('a changed character anywhere after the version is refused by the checksum (property)', () => {
    const start = '#v2.'.length;
    fc.assert(
      fc.property(fc.nat(good.length - start - 1), fc.constantFrom(...'AQgwBRhxCSiyDTjz0-_'), (i, ch) => {
        const at = start + i;
        fc.pre(good[at] !== ch && good[at] !== '.');
        const r = decode(good.slice(0, at) + ch + good.slice(at + 1));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(['CORRUPT', 'TRUNCATED', 'BAD_VERSION']).toContain(r.error.code);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('never throws and always answers with a code and a message (property)', () => {
    const payloads = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .base64String({ maxLength: 400 })
        .map((b) => b.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
      fc.json({ maxDepth: 6 }).map(packed),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          payloads.map((p) => `#v1.${p}`),
          payloads.map(v2),
          fc.nat(good.length).map((n) => good.slice(0, n)),
        ),
        (f) => {
          for (const r of [decode(f), peek(f)]) {
            if (r.ok) continue;
            expect(r.error.code).toMatch(/^(EMPTY|BAD_VERSION|FUTURE_VERSION|TRUNCATED|CORRUPT|INVALID)$/);
            expect(r.error.message.length).toBeGreaterThan(5);
            expect(r.error.message.length).toBeLessThan(2000);
          }
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('a structurally wrong link names the field path it refuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('p', 's', 'h', 'l', 'f', 'o', 'c'),
        fc.oneof(fc.integer({ min: -5, max: -1 }), fc.constant('x'), fc.constant([]), fc.constant({ q: 1 })),
        (key, value) => {
          fc.pre(!(key === 'o' && Array.isArray(value))); // no open panels is a valid view
          const r = decode(v2(packed(JSON.stringify({ [key]: value }))));
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.message).toContain(`$.${key}`);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a deflate bomb is stopped at the inflated bound', () => {
    const bomb = deflateSync(new Uint8Array(48 * 1024 * 1024).fill(32), { level: 9 });
    expect(bomb.length).toBeLessThan(LINK_BOUNDS.fragment);
    const out = boundedInflate(bomb);
    expect(out).toEqual({ ok: false, reason: 'TOO_LARGE' });
    const r = decode(v2(toBase64url(bomb)));
    expect(r).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    if (!r.ok) expect(r.error.message).toContain('inflates past 4 MiB');
  });

  it('JSON nested past the bound is refused before it is parsed, with its place', () => {
    const r = decode(v2(packed(`{"x":${'['.repeat(100_000)}`)));
    expect(r).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    if (!r.ok) expect(r.error.message).toMatch(/nests deeper than 64 levels \(at character \d+ of line 1\)/);
  });

  it('a link of 100,000 Pods with one name is refused with a short message', () => {
    const pod = { metadata: { name: 'same' }, spec: { containers: [{ name: 'c' }], nodeName: 'node-1' } };
    const json = JSON.stringify({ x: { po: { a: Array.from({ length: 100_000 }, () => pod) } } });
    const link = v2(packed(json));
    expect(link.length).toBeLessThan(LINK_BOUNDS.fragment);
    const r = decode(link);
    // The shape is fine; duplicates are the engine's (capped there, core/model/problems.ts).
    if (!r.ok) expect(r.error.message.length).toBeLessThan(2000);
    else expect(r.state.scenario.pods.length).toBe(100_006);
  });

  it('old v1 links (no checksum) still open', () => {
    expect(decode('#v1.')).toMatchObject({ ok: true, migratedFrom: 1 });
  });
});
