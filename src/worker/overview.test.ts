import { describe, expect, it } from 'vitest';
import { buildEngine } from '../core/engine';
import { buildPreset } from '../scenario/presets/registry';
import { locatePod, nodePage, overviewPage, TILE } from './overview';

const engine = buildEngine(buildPreset('l', 3)).engine!;
const scenario = buildPreset('l', 3);

describe('large-cluster overview (worker side)', () => {
  it('pages through every node exactly once, with Pod counts summing to the cluster', () => {
    const size = 30;
    const first = overviewPage(engine, 0, size);
    expect(first.pages).toBe(Math.ceil(100 / size));
    const all = Array.from({ length: first.pages }, (_, p) => overviewPage(engine, p, size).tiles).flat();
    expect(all.map((t) => t.name).sort()).toEqual(scenario.nodes.map((n) => n.metadata.name).sort());
    expect(all.reduce((a, t) => a + t.podCount, 0)).toBe(engine.cluster.pods.length);
    // Out-of-range pages clamp instead of failing.
    expect(overviewPage(engine, 99, size).page).toBe(first.pages - 1);
  });

  it('bands tiles by the zone label and never overlaps them', () => {
    const page = overviewPage(engine, 0);
    const zones = new Set(scenario.nodes.map((n) => n.metadata.labels?.['topology.kubernetes.io/zone']));
    expect(page.groups.map((g) => g.zone).sort()).toEqual([...zones].sort());
    for (const tile of page.tiles) {
      const node = scenario.nodes.find((n) => n.metadata.name === tile.name)!;
      expect(tile.zone).toBe(node.metadata.labels?.['topology.kubernetes.io/zone']);
      const band = page.groups.find((g) => g.zone === tile.zone)!;
      expect(tile.y).toBeGreaterThanOrEqual(band.y);
      expect(tile.y + TILE.h).toBeLessThanOrEqual(band.y + band.h);
    }
    const seen = new Set(page.tiles.map((t) => `${t.x},${t.y}`));
    expect(seen.size).toBe(page.tiles.length);
  });

  it('finds the node a Pod runs on', () => {
    const pod = scenario.pods.find((p) => p.spec.nodeName === 'node-42')!;
    const where = locatePod(engine, `${pod.metadata.namespace}/${pod.metadata.name}`);
    expect(where?.node).toBe('node-42');
    expect(where?.page).toBe(nodePage(engine, 'node-42'));
    expect(locatePod(engine, 'default/missing')).toBeNull();
  });
});
