import { describe, expect, it } from 'vitest';
import { buildEngine } from '../core/engine';
import { buildPreset } from '../scenario/presets/registry';
import { CELL, locatePod, overviewMap, searchPods, SEARCH_LIMIT, STRIDE } from './overview';

const engine = buildEngine(buildPreset('l', 3)).engine!;
const scenario = buildPreset('l', 3);

describe('large-cluster overview (worker side)', () => {
  it('lays out every node once in a typed array, with Pod counts summing to the cluster', () => {
    const map = overviewMap(engine);
    expect(map.geometry).toBeInstanceOf(Float32Array);
    expect(map.geometry.length).toBe(scenario.nodes.length * STRIDE);
    expect(map.names.split('\n')).toEqual(engine.cluster.nodes.map((n) => n.name));
    let pods = 0;
    for (let i = 0; i < map.totalNodes; i++) pods += map.geometry[i * STRIDE + 2]!;
    expect(pods).toBe(engine.cluster.pods.length);
    expect(map.totalPods).toBe(engine.cluster.pods.length);
    expect(map.zones.reduce((a, z) => a + z.nodes, 0)).toBe(scenario.nodes.length);
  });

  it('bands nodes by the zone label and never overlaps them', () => {
    const map = overviewMap(engine);
    const zones = new Set(scenario.nodes.map((n) => n.metadata.labels?.['topology.kubernetes.io/zone']));
    expect(map.zones.map((z) => z.zone).sort()).toEqual([...zones].sort());
    const names = map.names.split('\n');
    const seen = new Set<string>();
    names.forEach((name, i) => {
      const [x, y, , zi] = map.geometry.subarray(i * STRIDE, i * STRIDE + STRIDE);
      const node = scenario.nodes.find((n) => n.metadata.name === name)!;
      const band = map.zones[zi!]!;
      expect(band.zone).toBe(node.metadata.labels?.['topology.kubernetes.io/zone']);
      expect(y!).toBeGreaterThanOrEqual(band.y);
      expect(y! + CELL.size).toBeLessThanOrEqual(band.y + band.h);
      expect(x! + CELL.size).toBeLessThanOrEqual(map.width);
      seen.add(`${x},${y}`);
    });
    expect(seen.size).toBe(names.length);
  });

  it('suggests Pods and nodes by name, prefix first, capped', () => {
    const pod = engine.cluster.pods[123]!;
    const key = `${pod.namespace}/${pod.name}`;
    const exact = searchPods(engine, key);
    expect(exact[0]).toEqual({ kind: 'pod', key, node: engine.cluster.nodes[pod.nodeIndex]!.name });
    const many = searchPods(engine, pod.name.slice(0, 2));
    expect(many.length).toBe(SEARCH_LIMIT);
    expect(searchPods(engine, 'node-4').some((m) => m.kind === 'node' && m.key === 'node-4')).toBe(true);
    expect(searchPods(engine, '   ')).toEqual([]);
    expect(searchPods(engine, 'zz-no-such-thing')).toEqual([]);
  });

  it('finds the node a Pod runs on', () => {
    const pod = scenario.pods.find((p) => p.spec.nodeName === 'node-42')!;
    const where = locatePod(engine, `${pod.metadata.namespace}/${pod.metadata.name}`);
    expect(where?.node).toBe('node-42');
    expect(locatePod(engine, 'default/missing')).toBeNull();
  });
});
