import { describe, expect, it } from 'vitest';
import { buildEngine } from '../engine';
import type { Designs } from '../model/scenario';
import { buildPreset } from '../../scenario/presets/registry';
import { compareDesigns } from './compare';
import { VXLAN_OVERHEAD, compareSummaries, summarizeTrace } from './diff';
import { alignHops } from './align';

function engine(preset: Parameters<typeof buildPreset>[0], designs: Partial<Designs>) {
  const s = buildPreset(preset);
  const e = buildEngine({ ...s, designs: { ...s.designs, ...designs } }).engine;
  if (!e) throw new Error('invalid');
  return e;
}

const row = (c: ReturnType<typeof compareDesigns>, key: string) => c.differences.find((d) => d.key === key)!;
const podProbe = { from: 'default/pod-a', to: 'default/pod-b', port: 8080, protocol: 'TCP' as const };

describe('compareDesigns', () => {
  it('VXLAN overlay vs routing: 50 bytes of encapsulation, a smaller Pod MTU, more hops and devices', () => {
    const c = compareDesigns(
      engine('cross-node-overlay', { intra: 'bridge', inter: 'overlay' }),
      engine('cross-node-overlay', { intra: 'bridge', inter: 'routing' }),
      podProbe,
    );
    expect(c.a.summary.encapBytes).toBe(VXLAN_OVERHEAD);
    expect(c.b.summary.encapBytes).toBe(0);
    expect(c.a.summary.podMtu).toBe(1450);
    expect(c.b.summary.podMtu).toBe(1500);
    expect(row(c, 'encap')).toMatchObject({ a: '50 B', b: '0 B', same: false });
    expect(row(c, 'mtu').same).toBe(false);
    expect(c.a.summary.hops).toBeGreaterThan(c.b.summary.hops);
    expect(c.a.summary.devices).toContain('node/node-1|flannel.1');
    expect(c.b.summary.devices.some((d) => d.includes('flannel.1'))).toBe(false);
    expect(row(c, 'verdict')).toMatchObject({ a: 'delivered', b: 'delivered', same: true });
    expect(row(c, 'nat').same).toBe(true);
  });

  it('iptables vs eBPF kube-proxy: the Service is translated on the node vs in the client Pod', () => {
    const probe = { from: 'default/client', to: 'default/backend', port: 80, protocol: 'TCP' as const };
    const c = compareDesigns(
      engine('service', { intra: 'ebpf', proxy: 'iptables' }),
      engine('service', { intra: 'ebpf', proxy: 'ebpf' }),
      probe,
    );
    expect(c.a.summary.nat).toEqual(['dnat@node/node-1']);
    expect(c.b.summary.nat).toEqual(['dnat@default/client']);
    expect(row(c, 'nat').same).toBe(false);
  });

  it('says where policy is enforced and how the verdict differs', () => {
    const probe = { from: 'default/frontend-1', to: 'default/db-0', port: 5432, protocol: 'TCP' as const };
    const c = compareDesigns(engine('policy', {}), engine('policy', { intra: 'ebpf' }), probe);
    expect(c.a.summary.verdict).toBe('dropped');
    expect(c.a.summary.policy.length).toBeGreaterThan(0);
    expect(c.a.summary.policy.at(-1)).toMatch(/^node\/node-2\|/);
    expect(row(c, 'verdict').a).toBe('dropped (POLICY_DENIED)');
  });

  it('identical designs give a list where every row agrees', () => {
    const c = compareDesigns(engine('same-node', {}), engine('same-node', {}), podProbe);
    expect(c.differences.every((d) => d.same)).toBe(true);
    expect(c.differences.map((d) => d.key)).toEqual([
      'verdict',
      'hops',
      'devices',
      'encap',
      'mtu',
      'rules',
      'nat',
      'policy',
    ]);
  });
});

describe('summarizeTrace', () => {
  it('counts each device once, in order, and the hops decided by a rule', () => {
    const e = engine('same-node', {});
    const c = compareDesigns(e, e, podProbe);
    const s = summarizeTrace(c.a.trace, null);
    expect(new Set(s.devices).size).toBe(s.devices.length);
    expect(s.devices[0]).toBe('default/pod-a|eth0');
    expect(s.rulesEvaluated).toBe(c.a.trace.hops.filter((h) => h.rule !== null).length);
    expect(compareSummaries(s, { ...s, hops: s.hops + 1 }).find((d) => d.key === 'hops')!.same).toBe(false);
  });
});

describe('alignHops', () => {
  it('maps shared places to each other and keeps both ends together, never going backwards', () => {
    const a = engine('cross-node-overlay', { intra: 'bridge', inter: 'overlay' });
    const b = engine('cross-node-overlay', { intra: 'bridge', inter: 'routing' });
    const c = compareDesigns(a, b, podProbe);
    const map = alignHops(c.a.trace.hops, c.b.trace.hops);
    expect(map).toHaveLength(c.a.trace.hops.length);
    expect(map[0]).toBe(0);
    expect(map.at(-1)).toBe(c.b.trace.hops.length - 1);
    for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
    // The bridge hop on node-1 exists in both designs: it lines up.
    const bridgeA = c.a.trace.hops.findIndex((h) => h.kind === 'bridge');
    expect(c.b.trace.hops[map[bridgeA]!]!.kind).toBe('bridge');
  });
});
