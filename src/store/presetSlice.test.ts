import { describe, expect, it } from 'vitest';
import { buildPreset, findPreset } from '../scenario/presets/registry';
import { createSimClient } from '../worker/client';
import { createAppStore } from './createAppStore';
import { STRIDE } from '../worker/overview';

const fresh = () => createAppStore({ sim: createSimClient({ inThread: true }) });

describe('presets in the store', () => {
  it('loads a teaching preset as an editable scenario and traces its suggested flow', async () => {
    const store = fresh();
    await store.getState().loadPreset('policy');
    const s = store.getState();
    const probe = findPreset('policy')!.probe!;
    expect(s.base).toEqual({ preset: 'policy', seed: 1 });
    expect(s.scenario).toEqual(buildPreset('policy'));
    expect(s.trace?.probe).toMatchObject({ from: probe.from, to: probe.to, port: probe.port });
    // The lesson of this preset: default deny drops frontend → db.
    expect(s.trace?.verdict).toBe('dropped');
    expect(s.presetLoading).toBeNull();
  });

  it('builds L in the worker: no scenario on the page, an overview, drill-in and trace by name', async () => {
    const store = fresh();
    await store.getState().loadPreset('l', 7);
    let s = store.getState();
    expect(s.scenario).toBeNull();
    expect(s.base).toEqual({ preset: 'l', seed: 7 });
    expect(s.topology?.aggregated).toBe(true);
    expect(s.topology?.totals.nodes).toBe(100);
    const names = s.overview!.names.split('\n');
    expect(names).toHaveLength(100);
    expect(s.overview!.geometry.filter((_, i) => i % STRIDE === 2).reduce((a, n) => a + n, 0)).toBe(
      s.topology!.totals.pods,
    );

    // Drill into one node: it comes back in full detail, and the probe moves onto its Pods.
    const name = names[3]!;
    await s.focusNodes([name]);
    s = store.getState();
    const node = s.topology!.nodes.find((n) => n.name === name)!;
    expect(s.topology!.focus).toEqual([name]);
    expect(node.pods.length).toBe(node.podCount);
    expect(node.devices.length).toBeGreaterThan(0);
    const keys = node.pods.map((p) => p.key);
    expect(keys).toContain(s.probe.from);
    expect(keys).toContain(s.probe.to);

    // Two typed Pods on other nodes: both nodes are drawn in detail and the flow is traced.
    const other = names[40]!;
    const scenario = buildPreset('l', 7);
    const podOn = (n: string) => scenario.pods.find((p) => p.spec.nodeName === n && !p.spec.hostNetwork)!;
    const a = podOn(name);
    const b = podOn(other);
    const missing = await s.traceByName(
      `${a.metadata.namespace}/${a.metadata.name}`,
      `${b.metadata.namespace}/${b.metadata.name}`,
    );
    expect(missing).toEqual([]);
    s = store.getState();
    expect([...s.topology!.focus].sort()).toEqual([name, other].sort());
    expect(s.trace?.deliveredTo ?? s.trace?.reason).toBeTruthy();
    expect(s.trace!.hops.some((h) => h.netns === `node/${other}`)).toBe(true);
    expect(await s.traceByName('nope/nothing', `${a.metadata.namespace}/${a.metadata.name}`)).toEqual([
      'nope/nothing',
    ]);
  });

  it('changes designs of a worker-built preset and keeps the drilled node', async () => {
    const store = fresh();
    await store.getState().loadPreset('l');
    const name = store.getState().overview!.names.split('\n')[0]!;
    await store.getState().focusNodes([name]);
    await store.getState().setDesigns({ inter: 'routing' });
    const s = store.getState();
    expect(s.topology!.designs.inter).toBe('routing');
    expect(s.topology!.focus).toEqual([name]);
    expect(s.scenario).toBeNull();
  });
});
