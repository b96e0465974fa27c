import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology, engineTrace } from '../../core/engine';
import { buildPreset } from '../../scenario/presets/registry';
import { overviewPage } from '../../worker/overview';
import { drilledTopology, overviewFlow, traceNodes } from './overviewFlow';

const engine = buildEngine(buildPreset('l', 1)).engine!;

describe('aggregated canvas mapping', () => {
  it('draws one tile per node of the page, above its zone band, with an anchor per node netns', () => {
    const page = overviewPage(engine, 0);
    const { nodes, anchors } = overviewFlow(page);
    expect(nodes.filter((n) => n.type === 'tile')).toHaveLength(page.tiles.length);
    expect(nodes.filter((n) => n.type === 'zone')).toHaveLength(page.groups.length);
    // Bands first so tiles paint on top.
    expect(nodes.findIndex((n) => n.type === 'tile')).toBeGreaterThan(
      nodes.map((n) => n.type).lastIndexOf('zone'),
    );
    expect(anchors.size).toBe(page.tiles.length);
    expect(anchors.has(`node/${page.tiles[0]!.name}`)).toBe(true);
  });

  it('a drill-in draws only the focused nodes and the Services behind their Pods', () => {
    const t = engineTopology(engine, ['node-5']);
    const d = drilledTopology(t);
    expect(d.nodes.map((n) => n.name)).toEqual(['node-5']);
    const pods = new Set(d.nodes[0]!.pods.map((p) => p.key));
    expect(d.services.length).toBeGreaterThan(0);
    for (const s of d.services) expect(s.endpoints.some((e) => e.pod && pods.has(e.pod))).toBe(true);
    // Without focus (or a small cluster) nothing is filtered.
    const overview = engineTopology(engine);
    expect(drilledTopology(overview)).toBe(overview);
  });

  it('lists the nodes a trace passes through', () => {
    const t = engineTopology(engine, ['node-1', 'node-2']);
    const [a, b] = [t.nodes.find((n) => n.name === 'node-1')!, t.nodes.find((n) => n.name === 'node-2')!];
    const trace = engineTrace(engine, {
      from: a.pods[0]!.key,
      to: b.pods[0]!.key,
      port: 80,
      protocol: 'TCP',
    });
    expect(traceNodes(trace)).toEqual(['node-1', 'node-2']);
  });
});
