import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { encode } from '../../scenario/codec';
import { toBase64url } from '../../scenario/codec/base64url';
import { buildPreset } from '../../scenario/presets/registry';
import { smallScenario } from '../../scenario/presets/small';
import { defaultViewState } from '../../scenario/view-state';
import { createAppStore } from '../../store/createAppStore';
import { parseSaved, serializeView } from '../../store/persist';
import { selectViewState, type WorkStore } from '../../store/shareSlice';
import { createSimClient } from '../../worker/client';
import { addPod } from '../editor/edits';
import { startSession } from './session';

function memoryWork(
  init: Partial<Record<'autosave' | 'draft', string>> = {},
): WorkStore & { map: Map<string, string> } {
  const map = new Map(Object.entries(init));
  return {
    map,
    read: (k) => map.get(k) ?? null,
    write: (k, v) => (map.set(k, v), true),
    remove: (k) => void map.delete(k),
  };
}

async function open(fragment: string, work: WorkStore) {
  const store = createAppStore({ sim: createSimClient({ inThread: true }), work });
  let cleared = false;
  const stop = await startSession(store, {
    fragment,
    clearFragment: () => (cleared = true),
    work,
    autosaveDelayMs: 1,
  });
  return { store, stop, cleared: () => cleared };
}

/** Saved work with one extra Pod, as a user would leave it. */
const editedScenario = () =>
  addPod({ namespace: 'default', name: 'mine', node: 'node-1', labels: {}, ports: [] })(smallScenario());
function editedWork(): string {
  return serializeView({ ...defaultViewState(), scenario: editedScenario() });
}

describe('session start: link, saved work, default', () => {
  it('opens preset S traced when there is nothing', async () => {
    const work = memoryWork();
    const { store, stop } = await open('', work);
    expect(store.getState().scenario).toEqual(smallScenario());
    expect(store.getState().trace?.verdict).toBe('delivered');
    expect(work.map.has('autosave')).toBe(true);
    stop();
  });

  it('restores a shared view exactly, and sets earlier work aside as a draft', async () => {
    const view = {
      ...defaultViewState(),
      scenario: {
        ...smallScenario(),
        designs: { intra: 'routed', inter: 'routing', proxy: 'iptables' } as const,
      },
      probe: { from: 'default/client', to: 'default/db-0', port: 5432, protocol: 'TCP' as const },
      step: 4,
      panels: [{ netns: 'node/node-3', table: 'ip-route' }],
      lang: 'ja' as const,
    };
    const link = encode(view);
    if (!link.ok) throw new Error('encode');
    const work = memoryWork({ autosave: editedWork() });
    const { store, stop, cleared } = await open(link.fragment, work);
    const s = store.getState();
    expect(cleared()).toBe(true);
    expect(s.notice).toEqual({ kind: 'link-opened' });
    expect(selectViewState(s)).toEqual({ ...view, lesson: null, compare: null });
    expect(s.trace!.hops.length).toBeGreaterThan(4);
    expect(s.linux?.netns).toBe('node/node-3');
    expect(s.draftAvailable).toBe(true);
    expect(work.read('draft')).toBe(editedWork());
    // Restoring the draft brings the edited work back; the link's view becomes the draft.
    await s.restoreDraft();
    expect(store.getState().scenario!.pods.map((p) => p.metadata.name)).toContain('mine');
    expect(parseSaved(work.read('draft')!)).toMatchObject({ ok: true, state: { step: 4 } });
    stop();
  });

  it('a broken link says why, opens the default scenario and keeps the saved work', async () => {
    const good = encode({ ...defaultViewState(), scenario: editedScenario(), step: 3 });
    if (!good.ok) throw new Error('encode');
    for (const [fragment, code] of [
      [good.fragment.slice(0, Math.floor(good.fragment.length / 2)), 'TRUNCATED'],
      ['#v1.' + toBase64url(strToU8('not deflate at all, just text')), 'CORRUPT'],
      ['#v7.abc', 'FUTURE_VERSION'],
      ['#hello', 'BAD_VERSION'],
    ] as const) {
      const saved = editedWork();
      const work = memoryWork({ autosave: saved });
      const { store, stop } = await open(fragment, work);
      const s = store.getState();
      expect(s.notice).toMatchObject({ kind: 'link-broken', code });
      expect(s.scenario).toEqual(smallScenario());
      expect(work.read('draft')).toBe(saved);
      expect(s.draftAvailable).toBe(true);
      stop();
    }
  });

  it('reload restores the autosaved edits (and their undo starts fresh)', async () => {
    const work = memoryWork();
    const first = await open('', work);
    await first.store
      .getState()
      .applyEdit(
        addPod({ namespace: 'default', name: 'kept', node: 'node-2', labels: { app: 'x' }, ports: [] }),
      );
    await new Promise((r) => setTimeout(r, 20));
    first.stop();
    const second = await open('', work);
    const pods = second.store.getState().topology!.nodes.flatMap((n) => n.pods.map((p) => p.key));
    expect(pods).toContain('default/kept');
    expect(second.store.getState().draftAvailable).toBe(false);
    second.stop();
  });

  it('opens an L link in the worker: same designs, flow and hop, and no scenario on the page', async () => {
    const first = await open('', memoryWork());
    await first.store.getState().loadPreset('l', 7);
    await first.store.getState().setDesigns({ inter: 'routing', proxy: 'ipvs' });
    const scenario = buildPreset('l', 7);
    const podOn = (i: number) => {
      const node = scenario.nodes[i]!.metadata.name;
      const p = scenario.pods.find((q) => q.spec.nodeName === node && !q.spec.hostNetwork)!;
      return `${p.metadata.namespace}/${p.metadata.name}`;
    };
    expect(await first.store.getState().traceByName(podOn(2), podOn(60))).toEqual([]);
    first.store.getState().selectHop(3);
    const view = selectViewState(first.store.getState());
    expect(view?.scenario).toBeNull();
    const link = encode(view!);
    if (!link.ok) throw new Error('encode');
    first.stop();

    const work = memoryWork();
    const { store, stop } = await open(link.fragment, work);
    const s = store.getState();
    expect(s.notice).toEqual({ kind: 'link-opened' });
    expect(s.scenario).toBeNull();
    expect(s.base).toEqual({ preset: 'l', seed: 7 });
    expect(s.topology!.designs).toMatchObject({ inter: 'routing', proxy: 'ipvs' });
    expect(s.trace?.probe).toMatchObject({ from: podOn(2), to: podOn(60) });
    expect(s.hopIndex).toBe(3);
    expect(selectViewState(s)).toEqual(view);
    // Autosave keeps L as preset + seed + view; a reload reopens it the same way.
    await new Promise((r) => setTimeout(r, 20));
    const saved = parseSaved(work.read('autosave')!);
    expect(saved.ok && saved.state.scenario).toBeNull();
    stop();
    const again = await open('', work);
    expect(again.store.getState().base).toEqual({ preset: 'l', seed: 7 });
    expect(selectViewState(again.store.getState())).toEqual(view);
    again.stop();
  });

  it('saves nothing while a trace plays; the step is saved when playback stops', async () => {
    const work = memoryWork();
    const { store, stop } = await open('', work);
    await new Promise((r) => setTimeout(r, 20));
    const writes: string[] = [];
    const write = work.write;
    work.write = (k, v) => (writes.push(k), write(k, v));
    store.getState().firstHop();
    store.getState().play();
    for (let i = 0; i < 4; i++) {
      store.getState().stepForward();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(store.getState().playing).toBe(true);
    expect(writes).toEqual([]);
    store.getState().pause();
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toEqual(['autosave']);
    expect(parseSaved(work.read('autosave')!)).toMatchObject({ ok: true, state: { step: 4 } });
    stop();
  });
});
