import { describe, expect, it } from 'vitest';
import { encode } from '../../scenario/codec';
import { smallScenario } from '../../scenario/presets/small';
import { defaultViewState } from '../../scenario/view-state';
import { createAppStore } from '../../store/createAppStore';
import { serializeView } from '../../store/persist';
import type { WorkStore } from '../../store/shareSlice';
import { createSimClient } from '../../worker/client';
import { addPod } from '../editor/edits';
import { startSession } from './session';

/** Storage that holds what it was given and then refuses every write (a full localStorage). */
function fullWork(init: Partial<Record<'autosave' | 'draft', string>>): WorkStore & {
  map: Map<string, string>;
  full: boolean;
} {
  const map = new Map(Object.entries(init));
  const w = {
    map,
    full: true,
    read: (k: 'autosave' | 'draft') => map.get(k) ?? null,
    write: (k: 'autosave' | 'draft', v: string) => (w.full ? false : (map.set(k, v), true)),
    remove: (k: 'autosave' | 'draft') => void map.delete(k),
  };
  return w;
}

const edited = () =>
  addPod({ namespace: 'default', name: 'mine', node: 'node-1', labels: {}, ports: [] })(smallScenario());
const savedText = () => serializeView({ ...defaultViewState(), scenario: edited() });

async function open(fragment: string, work: WorkStore) {
  const store = createAppStore({ sim: createSimClient({ inThread: true }), work });
  const stop = await startSession(store, { fragment, clearFragment: () => {}, work, autosaveDelayMs: 1 });
  return { store, stop };
}

describe('full storage never loses work', () => {
  it('a link does not replace saved work it cannot set aside; the saved work is shown', async () => {
    const link = encode({ ...defaultViewState(), scenario: smallScenario(), step: 2 });
    if (!link.ok) throw new Error('encode');
    const saved = savedText();
    const work = fullWork({ autosave: saved });
    const { store, stop } = await open(link.fragment, work);
    const s = store.getState();
    expect(s.notice).toEqual({ kind: 'link-held', fragment: link.fragment.slice(1) });
    expect(s.saveFailed).toBe(true);
    expect(s.draftAvailable).toBe(false);
    expect(s.scenario!.pods.map((p) => p.metadata.name)).toContain('mine');
    await new Promise((r) => setTimeout(r, 20));
    expect(work.map.get('autosave')).toBe(saved);
    expect(work.map.has('draft')).toBe(false);
    // "Open the link anyway" is the user's explicit choice.
    await s.openHeldLink(link.fragment);
    expect(store.getState().notice).toEqual({ kind: 'link-opened' });
    expect(store.getState().scenario).toEqual(smallScenario());
    stop();
  });

  it('a failed autosave is flagged, and cleared once a save succeeds again', async () => {
    const work = fullWork({});
    const { store, stop } = await open('', work);
    expect(store.getState().saveFailed).toBe(true);
    work.full = false;
    await store
      .getState()
      .applyEdit(addPod({ namespace: 'default', name: 'x', node: 'node-2', labels: {}, ports: [] }));
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().saveFailed).toBe(false);
    expect(work.map.has('autosave')).toBe(true);
    stop();
  });

  it('restoring a draft swaps nothing when the current view cannot be set aside', async () => {
    const draft = savedText();
    const work = fullWork({ draft });
    const { store, stop } = await open('', work);
    expect(store.getState().draftAvailable).toBe(true);
    await store.getState().restoreDraft();
    expect(store.getState().notice).toEqual({ kind: 'draft-held' });
    expect(store.getState().scenario).toEqual(smallScenario());
    expect(work.map.get('draft')).toBe(draft);
    stop();
  });
});
