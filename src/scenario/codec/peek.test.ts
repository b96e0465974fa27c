import { beforeEach, describe, expect, it, vi } from 'vitest';
import { smallScenario } from '../presets/small';
import { defaultViewState } from '../view-state';
import type * as Registry from '../presets/registry';
import { decode, decodeDeferred, encode, peek, type PresetView } from './index';

// Counts page-side preset builds: peek and a deferred decode must never build L/XL.
vi.mock('../presets/registry', async (importOriginal) => {
  const real = await importOriginal<typeof Registry>();
  return { ...real, buildPreset: vi.fn((id: never, seed?: number) => real.buildPreset(id, seed)) };
});
const registry = await import('../presets/registry');
const built = () => vi.mocked(registry.buildPreset).mock.calls.map((c) => c[0]);

const DEFERRED = new Set(['l', 'xl']);

/**
 * Frozen v1 link to preset L (seed 7) written by the L/XL share path: designs routed/routing/ipvs,
 * a flow shop/web-3 → pay/api-1:8080, hop 5, the node-12 route table, Japanese. Never edit it.
 */
const FROZEN_L =
  '#v1.LY7RCsIwDEX_5T63bFPEkV8Ze6i0uoq0oa26MfrvprKXCzk54WYHg_CCQgZdFVbQDtvCh5KM7FJ8F2dFEODSAXx4COEU102I509GrQr3diiBvETuvu6mz6IVAWy2zrDXg8wBNPZjL_4CuihE0DQhROu6Fno4tTbW_2bMs5L_CE-D-gM';

const lView: PresetView = {
  preset: 'xl',
  seed: 3,
  scenario: null,
  designs: { intra: 'ebpf', inter: 'overlay', proxy: 'ebpf' },
  probe: { from: 'a/b', to: 'c/d', port: 443, protocol: 'TCP' },
  step: 2,
  panels: [{ netns: 'a/b', table: 'iptables-save' }],
  lang: 'en',
  lesson: null,
  compare: null,
};

beforeEach(() => {
  vi.mocked(registry.buildPreset).mock.calls.length = 0;
});

describe('links to presets built in the worker (L, XL)', () => {
  it('reads the frozen L link header without building the preset', () => {
    const r = peek(FROZEN_L);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.header).toEqual({
      preset: 'l',
      seed: 7,
      designs: { intra: 'routed', inter: 'routing', proxy: 'ipvs' },
      edited: false,
      probe: { from: 'shop/web-3', to: 'pay/api-1', port: 8080, protocol: 'TCP' },
      step: 5,
      panels: [{ netns: 'node/node-12', table: 'ip-route' }],
      lang: 'ja',
      lesson: null,
      compare: null,
    });
    expect(built()).toEqual([]);
  });

  it('encodes a preset view as name + seed + designs + view, and reads it back unbuilt', () => {
    const r = encode(lView);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.fragment.length).toBeLessThan(300);
    const back = decodeDeferred(r.fragment, DEFERRED);
    expect(back).toEqual({ ok: true, state: lView, warnings: [] });
    expect(built()).toEqual([]);
  });

  it('is still a plain v1 link: a full decode (Node, CLI) gives the preset with those designs', () => {
    const r = encode({ ...lView, preset: 'l', seed: 7, probe: null, step: 0, panels: [] });
    if (!r.ok) throw new Error(r.error.message);
    const full = decode(r.fragment);
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    expect(full.state.scenario.designs).toEqual(lView.designs);
    expect(full.state.scenario.pods).toEqual(registry.buildPreset('l', 7).pods);
  });

  it('refuses an L link that carries scenario edits instead of building L on the page', () => {
    // Such a link is hand-made: the diff of S (one Pod removed) applied to L's name.
    const s = smallScenario();
    const edited = encode({ ...defaultViewState(), scenario: { ...s, pods: s.pods.slice(1) } });
    if (!edited.ok) throw new Error('encode');
    const header = peek(edited.fragment);
    expect(header.ok && header.header.edited).toBe(true);
    vi.mocked(registry.buildPreset).mockClear();
    const asL = decodeDeferred(edited.fragment, new Set(['s']));
    expect(asL).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(built()).toEqual([]);
  });

  it('decodes S, M and teaching links in full as before', () => {
    const r = encode({ ...defaultViewState(), step: 3 });
    if (!r.ok) throw new Error('encode');
    const back = decodeDeferred(r.fragment, DEFERRED);
    expect(back.ok && back.state.scenario).toEqual(smallScenario());
  });

  it('reports the same errors as decode', () => {
    for (const bad of ['', '#hello', '#v9.abc', '#v1.%%%'])
      expect(peek(bad)).toMatchObject({
        ok: false,
        error: { code: (decode(bad) as { error: { code: string } }).error.code },
      });
  });
});
