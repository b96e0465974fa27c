import { describe, expect, it } from 'vitest';
import type { K8sPod } from '../../core/model/k8s';
import type { Scenario } from '../../core/model/scenario';
import { loadScenario } from '../load';
import { PRESETS, buildPreset, findPreset, isPresetId } from './registry';
import { XLARGE } from './scale';
import { buildEngine } from '../../core/engine';
import { ALL_DESIGNS } from '../../core/testing/arbitraries';

const key = (o: { metadata: { name: string; namespace?: string } }) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Invariants every preset must keep so the engine can load it. */
function checkConsistent(s: Scenario): void {
  for (const c of ['nodes', 'namespaces', 'pods', 'services', 'networkPolicies'] as const) {
    const keys = (s[c] as { metadata: { name: string; namespace?: string } }[]).map(key);
    expect(new Set(keys).size, `${c} have unique names`).toBe(keys.length);
  }
  const nodes = new Set(s.nodes.map((n) => n.metadata.name));
  const namespaces = new Set(s.namespaces.map((n) => n.metadata.name));
  const perNode = new Map<string, number>();
  for (const p of s.pods) {
    expect(nodes.has(p.spec.nodeName ?? '')).toBe(true);
    expect(namespaces.has(p.metadata.namespace ?? '')).toBe(true);
    perNode.set(p.spec.nodeName ?? '', (perNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  }
  // kubelet's default maxPods is 110 (KubeletConfiguration.maxPods).
  for (const n of perNode.values()) expect(n).toBeLessThanOrEqual(110);
  const podsByNs = new Map<string, K8sPod[]>();
  for (const p of s.pods)
    podsByNs.set(p.metadata.namespace ?? '', [...(podsByNs.get(p.metadata.namespace ?? '') ?? []), p]);
  for (const svc of s.services) {
    const sel = svc.spec.selector ?? {};
    const selected = (podsByNs.get(svc.metadata.namespace ?? '') ?? []).filter((p) =>
      Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v),
    );
    expect(selected.length, `${key(svc)} selects Pods`).toBeGreaterThan(0);
    // Named target ports resolve on every selected Pod.
    for (const port of svc.spec.ports ?? [])
      if (typeof port.targetPort === 'string')
        for (const p of selected)
          expect(p.spec.containers.some((c) => c.ports?.some((cp) => cp.name === port.targetPort))).toBe(
            true,
          );
  }
  const nodePorts = s.services.flatMap((svc) =>
    (svc.spec.ports ?? []).flatMap((p) => (p.nodePort ? [p.nodePort] : [])),
  );
  expect(new Set(nodePorts).size).toBe(nodePorts.length);
  for (const np of nodePorts) expect(np >= 30000 && np <= 32767).toBe(true);
}

describe('preset registry', () => {
  it('has S, M, L, XL and the teaching presets, with unique ids and title keys', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      's',
      'm',
      'l',
      'xl',
      'same-node',
      'cross-node-overlay',
      'cross-node-routing',
      'service',
      'nodeport',
      'policy',
      'lb-local',
      'policy-service',
      'gateway',
    ]);
    expect(new Set(PRESETS.map((p) => p.titleKey)).size).toBe(PRESETS.length);
    expect(isPresetId('xl')).toBe(true);
    expect(isPresetId('xxl')).toBe(false);
    expect(findPreset('policy')?.kind).toBe('teaching');
  });

  it.each(PRESETS.filter((p) => p.size !== 'xl').map((p) => [p.id]))(
    '%s loads cleanly and is consistent',
    (id) => {
      const s = buildPreset(id);
      const loaded = loadScenario(s);
      expect(loaded.ok && loaded.warnings).toEqual([]);
      if (loaded.ok) expect(loaded.scenario).toEqual(s);
      checkConsistent(s);
    },
  );

  it.each(PRESETS.filter((p) => p.probe).map((p) => [p.id, p.probe!] as const))(
    '%s suggests a probe between objects that exist',
    (id, probe) => {
      const s = buildPreset(id);
      const names = new Set(
        [...s.pods, ...s.services].map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
      );
      const nodeIps = new Set(s.nodes.flatMap((n) => (n.status?.addresses ?? []).map((a) => a.address)));
      expect(probe.from === 'external' || names.has(probe.from)).toBe(true);
      expect(names.has(probe.to) || nodeIps.has(probe.to)).toBe(true);
      if (nodeIps.has(probe.to))
        expect(s.services.some((svc) => svc.spec.ports?.some((p) => p.nodePort === probe.port))).toBe(true);
    },
  );
});

describe('teaching presets', () => {
  it('choose the designs their idea needs', () => {
    expect(buildPreset('cross-node-overlay').designs.inter).toBe('overlay');
    expect(buildPreset('cross-node-routing').designs).toMatchObject({ intra: 'routed', inter: 'routing' });
    const same = buildPreset('same-node');
    expect(new Set(same.pods.map((p) => p.spec.nodeName)).size).toBe(1);
    const cross = buildPreset('cross-node-routing');
    expect(new Set(cross.pods.map((p) => p.spec.nodeName)).size).toBe(2);
  });

  it('the policy preset isolates the probed destination and allows nothing from the source to it', () => {
    const entry = findPreset('policy')!;
    const s = entry.build(1);
    const dst = s.pods.find((p) => `default/${p.metadata.name}` === entry.probe!.to)!;
    const isolating = s.networkPolicies.filter((np) =>
      Object.entries(np.spec.podSelector.matchLabels ?? {}).every(([k, v]) => dst.metadata.labels?.[k] === v),
    );
    expect(isolating.map((np) => np.metadata.name)).toEqual(['default-deny-ingress']);
  });

  it('the nodeport probe enters a node that runs no backend (so the packet crosses nodes)', () => {
    const entry = findPreset('nodeport')!;
    const s = entry.build(1);
    const node = s.nodes.find((n) => n.status?.addresses?.some((a) => a.address === entry.probe!.to))!;
    expect(s.pods.some((p) => p.spec.nodeName === node.metadata.name)).toBe(false);
  });
});

describe('scale presets', () => {
  it('M has 10 nodes, 100 Pods and a few Services and policies', () => {
    const m = buildPreset('m', 3);
    expect([m.nodes.length, m.pods.length, m.services.length, m.networkPolicies.length]).toEqual([
      10, 100, 9, 9,
    ]);
  });

  it('L has the promised counts and is deterministic per seed', () => {
    const a = buildPreset('l', 11);
    expect([a.nodes.length, a.pods.length, a.services.length, a.networkPolicies.length]).toEqual([
      100, 10_000, 1_000, 1_000,
    ]);
    expect(JSON.stringify(buildPreset('l', 11))).toBe(JSON.stringify(a));
    expect(JSON.stringify(buildPreset('l', 12))).not.toBe(JSON.stringify(a));
    checkConsistent(a);
  });

  it('L builds under every design, VPC-native included: its /16 node network holds the nodes and every Pod', () => {
    const l = buildPreset('l', 1);
    for (const designs of ALL_DESIGNS) {
      const { engine, problems } = buildEngine({ ...l, designs });
      expect(
        problems.map((p) => p.message),
        `${designs.intra}+${designs.inter}`,
      ).toEqual([]);
      // the preset's 10,000 Pods plus the CoreDNS replicas the engine adds, each with its own address
      const pods = engine!.cluster.pods.filter((p) => !p.hostNetwork);
      expect(pods.length).toBeGreaterThan(10_000);
      expect(new Set(pods.map((p) => p.ip)).size).toBe(pods.length);
    }
  });

  it('names Pods like Deployments and StatefulSets do', () => {
    const m = buildPreset('m', 5);
    for (const p of m.pods) {
      const hash = p.metadata.labels?.['pod-template-hash'];
      if (hash)
        expect(p.metadata.name).toMatch(new RegExp(`^[a-z-]+-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      else expect(p.metadata.name).toMatch(/^[a-z]+-\d+$/);
    }
    const kinds = new Set(m.networkPolicies.map((np) => np.metadata.name));
    expect(kinds).toEqual(new Set(['default-deny-ingress', 'allow-from-frontend', 'allow-dns-egress']));
  });

  // How long generation takes is measured in `npm run bench`, not here.
  it('XL has the scalability-envelope counts and is deterministic', () => {
    const a = buildPreset('xl', 1);
    expect([a.nodes.length, a.pods.length, a.services.length, a.networkPolicies.length]).toEqual([
      5_000, 150_000, 10_000, 10_000,
    ]);
    expect(a.cluster).toEqual(XLARGE.cluster);
    const b = buildPreset('xl', 1);
    expect(b.pods[149_999]).toEqual(a.pods[149_999]);
    expect(JSON.stringify(b.networkPolicies)).toBe(JSON.stringify(a.networkPolicies));
    const perNode = new Map<string, number>();
    for (const p of a.pods) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect(Math.max(...perNode.values())).toBe(30);
    const loaded = loadScenario(a);
    expect(loaded.ok && loaded.warnings).toEqual([]);
  });
});
