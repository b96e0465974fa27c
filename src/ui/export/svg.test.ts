import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology, engineTrace } from '../../core/engine';
import { buildPreset } from '../../scenario/presets/registry';
import { renderSvg, wrapCaption } from './svg';

function view(preset: Parameters<typeof buildPreset>[0], probe: { from: string; to: string; port: number }) {
  const engine = buildEngine(buildPreset(preset)).engine!;
  return { topology: engineTopology(engine), trace: engineTrace(engine, { ...probe, protocol: 'TCP' }) };
}

describe('renderSvg', () => {
  it('draws every node, Pod and device, the path up to the hop, and the caption, as well-formed SVG', () => {
    const { topology, trace } = view('cross-node-overlay', {
      from: 'default/pod-a',
      to: 'default/pod-b',
      port: 8080,
    });
    const svg = renderSvg({ topology, trace, hop: 5, title: 'a <title> & more', caption: 'Hop 6: wrapped' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const n of topology.nodes) {
      expect(svg).toContain(`>${n.name}<`);
      for (const p of n.pods) expect(svg).toContain(`>${p.name}<`);
    }
    expect(svg).toContain('>flannel.1<');
    expect(svg).toContain('a &lt;title&gt; &amp; more');
    expect(svg).toContain('data-hop="5"');
    expect(svg).toContain('Hop 6: wrapped');
    // No element repeats an attribute (resvg and browsers reject that).
    for (const tag of svg.match(/<[a-z]+ [^>]*>/g) ?? []) {
      const names = [...tag.matchAll(/ ([a-z-]+)="/g)].map((m) => m[1]);
      expect(new Set(names).size, tag).toBe(names.length);
    }
  });

  it('is deterministic and draws the outside client for external traces', () => {
    const a = view('nodeport', { from: 'external', to: '192.168.1.11', port: 30080 });
    expect(renderSvg(a)).toBe(renderSvg(a));
    expect(renderSvg({ ...a, labels: { external: 'outside' } })).toContain('>outside<');
    expect(renderSvg({ topology: a.topology })).not.toContain('data-hop');
  });

  it('wraps captions by width, counting Japanese characters double', () => {
    expect(wrapCaption('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapCaption('ノードからノードへ', 8).length).toBeGreaterThan(1);
  });
});
