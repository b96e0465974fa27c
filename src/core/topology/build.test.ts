import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology } from '../engine';
import { smallScenario } from '../../scenario/presets/small';
import { largeScenario } from '../../scenario/presets/scale';

describe('topology', () => {
  it('draws every device of a small cluster and its Services as VIPs linked to endpoints', () => {
    const { engine } = buildEngine(smallScenario());
    const t = engineTopology(engine!);
    expect(t.aggregated).toBe(false);
    expect(t.nodes.map((n) => n.devices.map((d) => d.name))).toEqual([
      ['eth0', 'flannel.1', 'cni0'],
      ['eth0', 'flannel.1', 'cni0'],
      ['eth0', 'flannel.1', 'cni0'],
    ]);
    const backend = t.services.find((s) => s.key === 'default/backend')!;
    expect(backend.type).toBe('ClusterIP');
    expect(backend.endpoints.map((e) => e.pod).sort()).toEqual(['default/backend-1', 'default/backend-2']);
    expect(t.services.find((s) => s.key === 'default/db')!.headless).toBe(true);
    expect(t.services.find((s) => s.key === 'default/frontend')!.loadBalancerIPs).toHaveLength(1);
    expect(t.services.find((s) => s.key === 'kube-system/kube-dns')!.clusterIP).toBe('10.96.0.10');
  });

  it('gives an overview of a large cluster, with the nodes drilled into drawn in detail', () => {
    const { engine } = buildEngine(largeScenario(1));
    const overview = engineTopology(engine!);
    expect(overview.aggregated).toBe(true);
    expect(overview.totals.pods).toBeGreaterThanOrEqual(10000);
    expect(overview.nodes.every((n) => n.devices.length === 0 && n.pods.length === 0 && n.podCount > 0)).toBe(
      true,
    );
    const name = overview.nodes[7]!.name;
    const focused = engineTopology(engine!, [name]);
    expect(focused.focus).toEqual([name]);
    const n = focused.nodes.find((x) => x.name === name)!;
    expect(n.pods.length).toBe(n.podCount);
    expect(n.devices.map((d) => d.name)).toContain('eth0');
  });
});
