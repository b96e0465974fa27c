import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { INTRA_DESIGN_IDS, type Designs } from '../../core/model/scenario';
import { loadScenario } from '../load';
import { PRESETS, buildPreset, type PresetId } from '../presets/registry';
import { makePod } from '../presets/small';
import { defaultViewState, type ViewState } from '../view-state';
import { toBase64url } from './base64url';
import { DEFAULT_MAX_FRAGMENT, LINK_LIMIT, decode, encode } from './index';

const designs: fc.Arbitrary<Designs> = fc.record({
  intra: fc.constantFrom(...INTRA_DESIGN_IDS),
  inter: fc.constantFrom('routing', 'overlay'),
  proxy: fc.constantFrom('iptables', 'ipvs', 'nftables', 'ebpf'),
});
const text = fc.string({ maxLength: 24 });
const smallPresets = PRESETS.filter((p) => p.size === 'xs' || p.size === 's' || p.size === 'm').map(
  (p) => p.id,
);

/** View states as the app produces them: a preset plus random edits, selections and panels. */
const viewStates: fc.Arbitrary<ViewState> = fc
  .record({
    preset: fc.constantFrom(...smallPresets),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    designs,
    mtu: fc.option(fc.integer({ min: 1280, max: 9001 }), { nil: undefined }),
    drop: fc.array(fc.nat(), { maxLength: 4 }),
    relabel: fc.array(fc.tuple(fc.nat(), fc.stringMatching(/^[a-z]{1,8}$/)), { maxLength: 3 }),
    add: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), { maxLength: 4 }),
    reverse: fc.boolean(),
    probe: fc.option(
      fc.record(
        {
          from: text,
          to: text,
          port: fc.integer({ min: 1, max: 65535 }),
          protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'),
          srcPort: fc.integer({ min: 1, max: 65535 }),
          seed: fc.integer({ min: 0, max: 0xffffffff }),
        },
        { requiredKeys: ['from', 'to', 'port', 'protocol'] },
      ),
      { nil: null },
    ),
    step: fc.integer({ min: 0, max: 500 }),
    panels: fc.array(fc.record({ netns: text, table: text }), { maxLength: 4 }),
    lang: fc.constantFrom('en', 'ja'),
    lesson: fc.option(fc.record({ id: text, step: fc.integer({ min: 0, max: 99 }) }), { nil: null }),
    compare: fc.option(designs, { nil: null }),
  })
  .map((g): ViewState => {
    const scenario = buildPreset(g.preset as PresetId, g.seed);
    scenario.designs = g.designs;
    if (g.mtu !== undefined) scenario.cluster.mtu = g.mtu;
    for (const d of g.drop) if (scenario.pods.length) scenario.pods.splice(d % scenario.pods.length, 1);
    for (const [i, v] of g.relabel) {
      const pod = scenario.pods[i % Math.max(1, scenario.pods.length)];
      if (pod) pod.metadata.labels = { ...pod.metadata.labels, edited: v };
    }
    for (const name of g.add)
      scenario.pods.push(makePod('default', `added-${name}`, 'node-1', { app: name }));
    if (g.reverse) scenario.pods.reverse();
    const { preset, seed, probe, step, panels, lang, lesson, compare } = g;
    return { preset: preset as PresetId, seed, scenario, probe, step, panels, lang, lesson, compare };
  });

const frag = (s: ViewState): string => {
  const e = encode(s, { maxLength: Infinity });
  if (!e.ok) throw new Error(e.error.message);
  return e.fragment;
};

describe('share link codec', () => {
  it('decode(encode(x)) = x for generated view states (property)', () => {
    fc.assert(
      fc.property(viewStates, (state) => {
        const loaded = loadScenario(state.scenario);
        expect(loaded.ok && loaded.warnings).toEqual([]);
        const f = frag(state);
        expect(f).toMatch(/^#v2\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{6}$/);
        const back = decode(f);
        expect(back.ok && back.warnings).toEqual([]);
        expect(back.ok && back.state).toEqual(state);
      }),
      { numRuns: 150 },
    );
  });

  const s = defaultViewState('s');
  s.probe = { from: 'default/client', to: 'default/backend-2', port: 9090, protocol: 'TCP' };
  s.step = 7;
  s.panels = [{ netns: 'node/node-1', table: 'ip-route' }];
  const sLink = frag(s);
  it(`preset S with a selected flow is a ${sLink.length}-character link (bar: < 2,000)`, () => {
    expect(sLink.length).toBeLessThan(2000);
    expect(decode(sLink)).toMatchObject({ ok: true, state: s });
  });

  it('a preset with heavy edits still fits the 8,000-character bar', () => {
    const edited = defaultViewState('s');
    for (let i = 0; i < 40; i++)
      edited.scenario.pods.push(
        makePod('team-a', `worker-${i}`, `node-${(i % 3) + 1}`, { app: 'worker', shard: String(i) }, [
          { containerPort: 8000 + i },
        ]),
      );
    const f = frag(edited);
    expect(f.length).toBeLessThanOrEqual(LINK_LIMIT);
    expect(decode(f)).toMatchObject({ ok: true, state: edited });
  });

  it('every generated preset, even XL, shares as a name and a seed', () => {
    for (const id of ['m', 'l', 'xl'] as const) {
      const st = defaultViewState(id, 12345);
      const f = frag(st);
      expect(f.length).toBeLessThan(100);
      expect(decode(f)).toMatchObject({ ok: true, state: { preset: id, seed: 12345 } });
    }
  });

  it('returns TOO_LONG instead of a link past the budget', () => {
    const big = defaultViewState('l', 3);
    for (let i = 0; i < big.scenario.pods.length; i += 10)
      big.scenario.pods[i]!.metadata.labels!['rollout'] = `r${i}`;
    const e = encode(big);
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.error.code).toBe('TOO_LONG');
      expect(e.error.limit).toBe(DEFAULT_MAX_FRAGMENT);
      expect(e.error.length).toBeGreaterThan(DEFAULT_MAX_FRAGMENT);
    }
  });

  it('writes only non-default fields: the default view is the shortest link', () => {
    expect(frag(defaultViewState())).toBe('#v2..AAAAAA');
    expect(decode('#v1.')).toMatchObject({ ok: true, state: defaultViewState() });
  });
});

describe('bad links give typed errors', () => {
  const pack = (json: string) => `#v1.${toBase64url(deflateSync(strToU8(json)))}`;
  const code = (f: string) => {
    const r = decode(f);
    return r.ok ? 'OK' : r.error.code;
  };
  const good = frag(
    (() => {
      const st = defaultViewState('policy');
      st.probe = { from: 'default/frontend-1', to: 'default/db-0', port: 5432, protocol: 'TCP' };
      st.scenario.pods.push(makePod('default', 'extra', 'node-2', { app: 'extra' }));
      return st;
    })(),
  );

  it('EMPTY for no fragment', () => {
    expect(code('')).toBe('EMPTY');
    expect(code('#')).toBe('EMPTY');
    expect(code('  ')).toBe('EMPTY');
  });

  it('BAD_VERSION for something that is not a versioned link', () => {
    expect(code('#hello')).toBe('BAD_VERSION');
    expect(code('#v.abc')).toBe('BAD_VERSION');
    expect(code('#v0.abc')).toBe('BAD_VERSION');
    expect(code('#section-2')).toBe('BAD_VERSION');
  });

  it('FUTURE_VERSION for links from a newer build, without inflating them', () => {
    expect(code('#v3.anything')).toBe('FUTURE_VERSION');
    expect(code(good.replace('#v2.', '#v99.'))).toBe('FUTURE_VERSION');
  });

  it('TRUNCATED for a link cut short at any point', () => {
    for (let cut = 1; cut < good.length - 4; cut++) {
      const c = code(good.slice(0, good.length - cut));
      expect(['TRUNCATED', 'CORRUPT'], `cut ${cut}`).toContain(c);
    }
    expect(code(good.slice(0, good.length - 10))).toBe('TRUNCATED');
    expect(code(good.slice(0, Math.floor(good.length / 2)))).toBe('TRUNCATED');
  });

  it('CORRUPT for garbage payloads', () => {
    expect(code('#v1.!!!!')).toBe('CORRUPT');
    expect(code('#v1.' + 'A'.repeat(40))).not.toBe('OK');
    expect(code('#v1.' + toBase64url(strToU8('not deflate at all, just text')))).toBe('CORRUPT');
    expect(code(pack('{"p": '))).toBe('CORRUPT');
  });

  it('INVALID when the JSON has the wrong types, naming the field', () => {
    const r = decode(pack('{"f":{"f":"a","t":"b","n":"80"}}'));
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    if (!r.ok) expect(r.error.message).toContain('$.f.n');
    expect(code(pack('[]'))).toBe('INVALID');
    expect(code(pack('{"p":"nope"}'))).toBe('INVALID');
    expect(code(pack('{"h":-1}'))).toBe('INVALID');
    expect(code(pack('{"x":{"po":{"a":[{"metadata":{"name":7}}]}}}'))).toBe('INVALID');
    // Structurally fine edits whose object breaks the Pod schema are caught by loadScenario.
    const bad = decode(pack('{"x":{"po":{"a":[{"metadata":{"name":"p"},"spec":{"containers":"none"}}]}}}'));
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    if (!bad.ok) expect(bad.error.message).toContain('$.pods[6].spec.containers');
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((t) => `#v1.${t}`),
          fc.constant(good),
        ),
        (f) => {
          const r = decode(f);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
    );
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.constantFrom(...'AZaz09-_'), (i, ch) => {
        const mutated = good.slice(0, i) + ch + good.slice(i + 1);
        expect(typeof decode(mutated).ok).toBe('boolean');
      }),
    );
  });
});

describe('the canvas viewport in a link', () => {
  it('round-trips centre and zoom (rounded), and a link without it has none', () => {
    const base = defaultViewState();
    const withView = { ...base, viewport: { x: 412.4, y: -37.6, zoom: 1.23456 } };
    const back = decode((encode(withView) as { fragment: string }).fragment);
    expect(back.ok && back.state.viewport).toEqual({ x: 412, y: -38, zoom: 1.235 });
    const plain = decode((encode(base) as { fragment: string }).fragment);
    expect(plain.ok && 'viewport' in plain.state).toBe(false);
  });
});
