import { describe, expect, it } from 'vitest';
import { smallScenario } from '../scenario/presets/small';
import { createSimClient } from '../worker/client';
import { addPod, setCluster } from '../ui/editor/edits';
import { createAppStore } from './createAppStore';

async function ready() {
  const sim = createSimClient({ inThread: true });
  const store = createAppStore({ sim });
  await store.getState().setScenario(smallScenario(), { preset: 's' });
  return { store, sim };
}
const podKeys = (s: ReturnType<Awaited<ReturnType<typeof ready>>['store']['getState']>) =>
  s.topology!.nodes.flatMap((n) => n.pods.map((p) => p.key));

describe('history slice: validated, undoable edits', () => {
  it('applies a valid edit, which the worker then draws, and undoes/redoes it', async () => {
    const { store } = await ready();
    const r = await store
      .getState()
      .applyEdit(
        addPod({ namespace: 'default', name: 'cache', node: 'node-2', labels: { app: 'cache' }, ports: [] }),
      );
    expect(r).toEqual({ ok: true });
    expect(podKeys(store.getState())).toContain('default/cache');
    expect(store.getState().past).toHaveLength(1);
    await store.getState().undo();
    expect(podKeys(store.getState())).not.toContain('default/cache');
    expect(store.getState().scenario).toEqual(smallScenario());
    expect(store.getState().future).toHaveLength(1);
    await store.getState().redo();
    expect(podKeys(store.getState())).toContain('default/cache');
    expect(store.getState().future).toHaveLength(0);
  });

  it('rejects an overlapping Service CIDR with its path, and keeps the previous scenario loaded', async () => {
    const { store, sim } = await ready();
    await store.getState().runTrace({ autoplay: false });
    const before = store.getState();
    const r = await store.getState().applyEdit(setCluster({ serviceCidr: '10.244.128.0/20' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => [p.code, p.path])).toContainEqual([
      'CIDR_OVERLAP',
      'cluster.serviceCidr',
    ]);
    const after = store.getState();
    expect(after.scenario).toBe(before.scenario);
    expect(after.topology).toBe(before.topology);
    expect(after.past).toHaveLength(0);
    // The worker still holds the old scenario: a trace answers as before.
    expect(await sim.trace({ ...after.probe })).toEqual(before.trace);
  });

  it('records a design toggle as an undoable edit', async () => {
    const { store } = await ready();
    await store.getState().runTrace({ autoplay: false });
    await store.getState().setDesigns({ inter: 'routing' });
    expect(store.getState().topology!.designs.inter).toBe('routing');
    expect(store.getState().trace!.hops.some((h) => h.kind === 'encap')).toBe(false);
    await store.getState().undo();
    expect(store.getState().topology!.designs.inter).toBe('overlay');
    expect(store.getState().scenario!.designs.inter).toBe('overlay');
    expect(store.getState().trace!.hops.some((h) => h.kind === 'encap')).toBe(true);
  });

  it('keeps the selected hop across an edit that leaves the flow alone', async () => {
    const { store } = await ready();
    await store.getState().runTrace({ autoplay: false });
    store.getState().selectHop(3);
    await store.getState().applyEdit(setCluster({ underlayGateway: '192.168.1.254' }));
    expect(store.getState().hopIndex).toBe(3);
    expect(store.getState().scenario!.cluster.underlayGateway).toBe('192.168.1.254');
  });
});
