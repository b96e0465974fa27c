import { downloadText } from '../../platform/download';
import { linkTo } from '../../platform/url';
import { encode } from '../../scenario/codec';
import { selectViewState } from '../../store/shareSlice';
import type { AppState } from '../../store/types';

/**
 * Keeps the work as a file when the browser will not store it: the scenario as JSON (what "Import
 * JSON" reads back), or, for a preset built in the worker (L/XL: preset, seed and designs), its link.
 */
export function exportWork(s: AppState): void {
  if (s.scenario) {
    downloadText(`kne-scenario-${s.base.preset}.json`, `${JSON.stringify(s.scenario, null, 2)}\n`);
    return;
  }
  const view = selectViewState(s);
  const r = view ? encode(view) : null;
  if (r?.ok) downloadText(`kne-view-${s.base.preset}.txt`, `${linkTo(r.fragment)}\n`, 'text/plain');
}
