import { describe, expect, it } from 'vitest';
import { smallScenario } from '../scenario/presets/small';
import { createSimClient } from '../worker/client';
import { createAppStore } from './createAppStore';
import { selectScenarioOrigin } from './origin';

describe('the preset label follows the scenario on screen', () => {
  it('preset → edited after an edit → preset after undo; a design switch is not an edit of the objects', async () => {
    const store = createAppStore({ sim: createSimClient({ inThread: true }) });
    const s = store.getState;
    await s().setScenario(smallScenario(), { preset: 's' });
    expect(selectScenarioOrigin(s())).toBe('preset');
    await s().applyEdit((sc) => ({ ...sc, pods: sc.pods.slice(1) }));
    expect(selectScenarioOrigin(s())).toBe('edited');
    await s().undo();
    expect(selectScenarioOrigin(s())).toBe('preset');
    await s().setDesigns({ proxy: 'ipvs' });
    expect(selectScenarioOrigin(s())).toBe('preset');
  });

  it('imported after a YAML merge, until another preset is loaded', async () => {
    const store = createAppStore({ sim: createSimClient({ inThread: true }) });
    const s = store.getState;
    await s().setScenario(smallScenario(), { preset: 's' });
    const r = await s().importYaml(
      'apiVersion: v1\nkind: Service\nmetadata: {name: extra, namespace: default}\nspec:\n  ports: [{port: 81}]\n',
      'merge',
    );
    expect(r.applied).toBe(true);
    expect(r.change?.kinds.services).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(selectScenarioOrigin(s())).toBe('imported');
    await s().setScenario(smallScenario(), { preset: 's' });
    expect(selectScenarioOrigin(s())).toBe('preset');
  });
});
