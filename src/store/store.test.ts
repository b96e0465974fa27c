import { describe, expect, it } from 'vitest';
import { smallScenario } from '../scenario/presets/small';
import { createSimClient } from '../worker/client';
import { createAppStore } from './createAppStore';

async function ready() {
  const sim = createSimClient({ inThread: true });
  const store = createAppStore({ sim });
  await store.getState().loadScenario(smallScenario());
  return { store, sim };
}

describe('app store over the in-thread simulator', () => {
  it('loads the topology and picks a cross-node flow', async () => {
    const { store } = await ready();
    const s = store.getState();
    expect(s.topology?.nodes).toHaveLength(3);
    const nodeOf = (k: string) => s.topology!.nodes.find((n) => n.pods.some((p) => p.key === k))!.name;
    expect(nodeOf(s.probe.from)).not.toBe(nodeOf(s.probe.to));
  });

  it('runs a trace and steps within bounds', async () => {
    const { store, sim } = await ready();
    await store.getState().runTrace({ autoplay: false });
    const s = store.getState();
    expect(s.trace).toEqual(await sim.trace({ ...s.probe }));
    s.stepBack();
    expect(store.getState().hopIndex).toBe(0);
    const n = s.trace!.hops.length;
    for (let i = 0; i < n + 3; i++) store.getState().stepForward();
    expect(store.getState().hopIndex).toBe(n - 1);
    store.getState().play(); // from the end, playing starts over
    expect(store.getState().hopIndex).toBe(0);
    expect(store.getState().playing).toBe(true);
    store.getState().selectHop(99);
    expect(store.getState()).toMatchObject({ hopIndex: n - 1, playing: false });
  });

  it('re-runs the trace when the designs change, and the path follows', async () => {
    const { store } = await ready();
    await store.getState().runTrace({ autoplay: false });
    expect(store.getState().trace!.hops.some((h) => h.kind === 'encap')).toBe(true);
    await store.getState().setDesigns({ inter: 'routing' });
    const s = store.getState();
    expect(s.topology!.designs.inter).toBe('routing');
    expect(s.trace!.hops.some((h) => h.kind === 'encap')).toBe(false);
    expect(s.trace!.verdict).toBe('delivered');
  });

  it('designs that do not fit the scenario: its problems, and the scenario stays as it was', async () => {
    // Pods with their IPs given from the Pod CIDR cannot live on the node network (vpc)
    const sim = createSimClient({ inThread: true });
    const store = createAppStore({ sim });
    const base = smallScenario();
    const given = {
      ...base,
      // node-N holds 10.244.(N-1).0/24
      pods: base.pods.map((p, i) => {
        const node = Number(/(\d+)$/.exec(p.spec.nodeName ?? '')![1]) - 1;
        return { ...p, status: { ...p.status, podIP: `10.244.${node}.${20 + i}` } };
      }),
    };
    await store.getState().loadScenario(given);
    expect(store.getState().problems).toEqual([]);
    const before = store.getState().topology!;
    await store.getState().runTrace({ autoplay: false });
    await store.getState().setDesigns({ intra: 'vpc', inter: 'routing' });
    const s = store.getState();
    expect(s.problems.length).toBeGreaterThan(0);
    expect(s.problems.every((p) => p.say !== undefined)).toBe(true);
    expect(s.topology).toBe(before);
    expect(s.status).toBe('ready');
    // compare mode says the same for B
    await s.openCompare({ intra: 'vpc', inter: 'routing', proxy: 'iptables' });
    expect(store.getState().compareError).toMatchObject({ problems: s.problems });
    // and designs that fit clear the problems
    await store.getState().setDesigns({ inter: 'routing' });
    expect(store.getState().problems).toEqual([]);
    expect(store.getState().topology!.designs.inter).toBe('routing');
  });

  it('shows the Linux view of the selected netns and keeps only the latest answer', async () => {
    const { store } = await ready();
    store.getState().selectNetns('node/node-1');
    store.getState().setLinuxTab('ip-addr');
    await new Promise((r) => setTimeout(r, 20));
    const { linux } = store.getState();
    expect(linux).toMatchObject({ netns: 'node/node-1', tab: 'ip-addr' });
    expect(linux!.text).toContain('192.168.1.10');
  });

  it('reports an unknown Pod as a drop with its reason', async () => {
    const { store } = await ready();
    store.getState().setProbe({ from: 'default/nope' });
    await store.getState().runTrace();
    expect(store.getState().trace).toMatchObject({ verdict: 'dropped', reason: 'UNKNOWN_SOURCE' });
  });

  it('turns simulator failures into a visible error and keeps the last good state', async () => {
    const real = createSimClient({ inThread: true });
    const sim = { ...real, trace: () => Promise.reject(new Error('worker exploded')) };
    const store = createAppStore({ sim });
    await store.getState().loadScenario(smallScenario());
    await store.getState().runTrace();
    const s = store.getState();
    expect(s.error).toBe('worker exploded');
    expect(s.status).toBe('ready');
    expect(s.topology).not.toBeNull();
    s.dismissError();
    expect(store.getState().error).toBeNull();
  });
});
