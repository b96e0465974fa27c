import type { ScenarioChange } from '../scenario/change';
import type { Say } from '../core/trace/types';
import { SHOW_WHATS, type ShowWhat } from '../core/show';
import type { Designs } from '../core/model/scenario';
import type { DecodeErrorCode, LinkView, OpenResult } from '../scenario/codec';
import { WORKER_BUILT } from './presetSlice';
import { findLesson } from '../lessons/registry';
import type { EditResult } from './historySlice';
import { parseSavedVia, serializeView } from './persist';
import type { AppState, GetState, SetState, StoreDeps } from './types';

/** Where saved work lives (platform/storage in the page, a Map in tests). */
export interface WorkStore {
  read(slot: 'autosave' | 'draft'): string | null;
  write(slot: 'autosave' | 'draft', text: string): boolean;
  remove(slot: 'autosave' | 'draft'): void;
}

/**
 * One finding a notice shows: the core's English `message` and, where the core gave it, the same
 * as a key and arguments (`say`), so the page says it in the chosen language.
 */
export interface NoticeLine {
  path?: string;
  message: string;
  say?: Say;
  problems?: readonly { path: string; message: string; say?: Say }[];
}

/** What the share bar tells the user about links, saved work and files. */
export type ShareNotice =
  | { kind: 'link-opened' }
  | { kind: 'link-broken'; code: DecodeErrorCode; detail: NoticeLine[] }
  | { kind: 'saved-broken'; detail: NoticeLine[] }
  | { kind: 'draft-restored' }
  | { kind: 'draft-failed'; detail: NoticeLine[] }
  /** A link was not opened: the work it would replace could not be set aside (storage full). */
  | { kind: 'link-held'; fragment: string }
  /** The draft was not restored: the view it would replace could not be set aside (storage full). */
  | { kind: 'draft-held' }
  | { kind: 'import-failed'; detail: NoticeLine[] }
  | { kind: 'imported'; name: string; change?: ScenarioChange };

export interface ShareSlice {
  notice: ShareNotice | null;
  /** Earlier work set aside when a link was opened; "restore your draft" brings it back. */
  draftAvailable: boolean;
  /** The last save of the work failed (storage full or blocked): the page says so and offers a file. */
  saveFailed: boolean;
  setNotice(notice: ShareNotice | null): void;
  setSaveFailed(failed: boolean): void;
  /**
   * Shows a whole view (link, saved work): scenario, designs, flow, hop, Linux panel, language. A
   * view of L/XL (`scenario: null`) has its preset built in the worker, then its designs applied.
   */
  applyViewState(state: LinkView): Promise<EditResult>;
  restoreDraft(): Promise<void>;
  discardDraft(): void;
  /** Reads a link in the worker (bounded, off the page's thread); L/XL come back unbuilt. */
  readLink(fragment: string): Promise<OpenResult>;
  /** Reads saved work, its link read in the worker. */
  readSaved(text: string): Promise<OpenResult>;
  /** Opens a link that was held back because the work it replaces could not be set aside. */
  openHeldLink(fragment: string): Promise<void>;
}

const isShowWhat = (v: string): v is ShowWhat => (SHOW_WHATS as readonly string[]).includes(v);

/**
 * The shareable view of the current state (null before the first scenario is loaded). For a preset
 * built in the worker (L/XL, no scenario on the page) it is the preset, seed and designs.
 */
export function selectViewState(s: AppState): LinkView | null {
  const designs = s.topology?.designs;
  if (!s.scenario && !designs) return null;
  const traced = s.trace?.probe ?? null;
  return {
    preset: s.base.preset,
    seed: s.base.seed,
    ...(s.scenario ? { scenario: s.scenario } : { scenario: null, designs: { ...designs! } }),
    probe: traced ? { from: traced.from, to: traced.to, port: traced.port, protocol: traced.protocol } : null,
    step: traced ? s.hopIndex : 0,
    panels: s.selectedNetns ? [{ netns: s.selectedNetns, table: s.linuxTab }] : [],
    lang: s.lang,
    lesson: s.lesson ? { ...s.lesson } : null,
    compare: s.compare ? { ...s.compare.designs } : null,
    ...(s.viewport ? { viewport: { ...s.viewport } } : {}),
  };
}

export function createShareSlice(set: SetState, get: GetState, deps: StoreDeps): ShareSlice {
  /** The nodes where these flow ends live (`NS/POD` via the worker, `node/NAME` directly). */
  async function nodesOf(keys: string[]): Promise<string[]> {
    const found = await Promise.all(
      keys.map(async (k) => (k.startsWith('node/') ? k.slice(5) : (await deps.sim.locatePod(k))?.node)),
    );
    return [...new Set(found.filter((n): n is string => !!n))];
  }

  /** A worker-built preset, then the designs a link chose (the worker keeps its scenario). */
  async function openPreset(preset: LinkView['preset'], seed: number, designs: Partial<Designs>) {
    await get().loadPreset(preset, seed);
    const s = get();
    if (s.scenario !== null || s.base.preset !== preset || s.base.seed !== seed || !s.topology)
      return { ok: false as const, problems: s.problems };
    const now = s.topology.designs;
    const patch = Object.fromEntries(
      Object.entries(designs).filter(([k, v]) => now[k as keyof Designs] !== v),
    ) as Partial<Designs>;
    if (Object.keys(patch).length) await get().setDesigns(patch);
    return { ok: true as const };
  }

  const readInWorker = async (fragment: string): Promise<OpenResult> => {
    try {
      return await deps.sim.openLink(fragment, [...WORKER_BUILT]);
    } catch (e) {
      return { ok: false, error: { code: 'CORRUPT', message: e instanceof Error ? e.message : String(e) } };
    }
  };

  return {
    notice: null,
    draftAvailable: deps.work?.read('draft') != null,
    saveFailed: false,
    setNotice(notice) {
      set({ notice });
    },
    setSaveFailed(saveFailed) {
      if (get().saveFailed !== saveFailed) set({ saveFailed });
    },
    async applyViewState(state) {
      // Known before the drawing appears, so the canvas does not fit it first.
      set({ viewport: state.viewport ?? null });
      if (state.scenario === null) {
        const r = await openPreset(state.preset, state.seed, state.designs);
        if (!r.ok) return r;
      } else {
        const r = await get().setScenario(state.scenario, { preset: state.preset, seed: state.seed });
        if (!r.ok) return r;
      }
      if (state.lang !== get().lang) get().setLanguage(state.lang);
      // A lesson step travels with its view; an unknown lesson (an old link) just shows the view.
      set({ lesson: state.lesson && findLesson(state.lesson.id) ? { ...state.lesson } : null });
      // What was on screen: asked again after the drawing exists (the canvas shows it then).
      set((s) => ({ viewport: state.viewport ?? null, viewportRestore: s.viewportRestore + 1 }));
      const panel = state.panels[0];
      set({
        selectedNetns: panel?.netns ?? null,
        ...(panel && isShowWhat(panel.table) ? { linuxTab: panel.table } : {}),
      });
      if (state.probe) {
        const { from, to, port, protocol } = state.probe;
        // An aggregated view draws only some nodes: draw the flow's ends first.
        if (get().topology?.aggregated) await get().focusNodes(await nodesOf([from, to]));
        set({ probe: { from, to, port, protocol } });
        await get().runTrace({ autoplay: false });
        get().selectHop(state.step);
        // A lesson step that follows an HTTP request (Gateway/Ingress): its two-leg trace, at the same hop.
        const request = state.lesson && findLesson(state.lesson.id)?.steps[state.lesson.step]?.request;
        if (request) {
          get().setHttpForm({
            from,
            url: request.url,
            method: request.method ?? 'GET',
            headers: '',
            via: '',
            upstreamVia: '',
          });
          await get().runHttpTrace({ autoplay: false });
          if (get().trace?.http) get().selectHop(state.step);
        }
        // Compare mode travels with the link (the second design set).
        if (state.compare) await get().openCompare(state.compare);
        else get().closeCompare();
      } else set({ trace: null, hopIndex: 0, playing: false, compare: null });
      await get().refreshLinux();
      return { ok: true };
    },
    async restoreDraft() {
      const text = deps.work?.read('draft');
      if (text == null) return set({ draftAvailable: false });
      const parsed = await parseSavedVia(text, readInWorker);
      if (!parsed.ok) return set({ notice: { kind: 'draft-failed', detail: [parsed.error] } });
      // Swap: the view being replaced becomes the draft, so nothing is lost either way. It is set
      // aside first; when that write fails (storage full) nothing is swapped.
      const current = selectViewState(get());
      if (current && !deps.work?.write('draft', serializeView(current))) {
        set({ saveFailed: true });
        return set({ notice: { kind: 'draft-held' } });
      }
      const r = await get().applyViewState(parsed.state);
      if (!r.ok) {
        // Put the draft back where it was.
        deps.work?.write('draft', text);
        return set({
          notice: { kind: 'draft-failed', detail: r.problems.map(({ message, say }) => ({ message, say })) },
        });
      }
      set({ notice: { kind: 'draft-restored' }, draftAvailable: current !== null });
    },
    readLink(fragment) {
      return readInWorker(fragment);
    },
    readSaved(text) {
      return parseSavedVia(text, readInWorker);
    },
    async openHeldLink(fragment) {
      const link = await readInWorker(fragment);
      if (!link.ok)
        return set({ notice: { kind: 'link-broken', code: link.error.code, detail: [link.error] } });
      const r = await get().applyViewState(link.state);
      if (!r.ok) return set({ notice: { kind: 'link-broken', code: 'INVALID', detail: r.problems } });
      set({ notice: { kind: 'link-opened' } });
    },
    discardDraft() {
      deps.work?.remove('draft');
      set({ draftAvailable: false, notice: null });
    },
  };
}
