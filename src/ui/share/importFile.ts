import { loadScenario } from '../../scenario/load';
import type { AppStore } from '../../store';
import { scenarioChange } from '../../scenario/change';

/**
 * A scenario file goes through the one ingress (loadScenario: structure), then the worker (network
 * validation), as one undoable edit. Any problem is reported and the current scenario stays.
 */
export async function importScenarioFile(store: AppStore, name: string, text: string): Promise<boolean> {
  const s = store.getState;
  const loaded = loadScenario(text);
  if (!loaded.ok) {
    s().setNotice({ kind: 'import-failed', detail: loaded.errors });
    return false;
  }
  const before = s().scenario;
  const r = await s().applyEdit(() => loaded.scenario);
  if (!r.ok) {
    s().setNotice({ kind: 'import-failed', detail: r.problems });
    return false;
  }
  s().markImported();
  s().setNotice({ kind: 'imported', name, change: scenarioChange(before, loaded.scenario) });
  return true;
}
