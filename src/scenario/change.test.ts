import { describe, expect, it } from 'vitest';
import { smallScenario } from './presets/small';
import { emptiesCluster, scenarioChange } from './change';

describe('what an import changed', () => {
  it('counts objects added, removed and changed per kind; key order is not a change', () => {
    const before = smallScenario();
    // The same Pods with their keys written in another order.
    const reordered = {
      ...before,
      pods: before.pods.map((p) => Object.fromEntries(Object.entries(p).reverse()) as typeof p),
    };
    const after = {
      ...reordered,
      pods: [
        ...before.pods.slice(1),
        { ...before.pods[0]!, metadata: { ...before.pods[0]!.metadata, name: 'new' } },
      ],
      services: before.services.map((s, i) => (i === 0 ? { ...s, spec: { ...s.spec, ports: [] } } : s)),
    };
    const c = scenarioChange(before, after);
    expect(c.kinds.pods).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(c.kinds.services).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(c.kinds.nodes).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(c.totals.pods).toBe(before.pods.length);
  });

  it('a replace that leaves no Pods where there were some is the one that asks first', () => {
    const before = smallScenario();
    expect(emptiesCluster(before, { ...before, pods: [] })).toBe(true);
    expect(emptiesCluster({ ...before, pods: [] }, { ...before, pods: [] })).toBe(false);
    expect(emptiesCluster(before, before)).toBe(false);
  });
});
