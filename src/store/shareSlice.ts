import { SHOW_WHATS, type ShowWhat } from '../core/show';
import type { DecodeErrorCode } from '../scenario/codec';
import type { ViewState } from '../scenario/view-state';
import type { EditResult } from './historySlice';
import { parseSaved, serializeView } from './persist';
import type { AppState, GetState, SetState, StoreDeps } from './types';

/** Where saved work lives (platform/storage in the page, a Map in tests). */
export interface WorkStore {
  read(slot: 'autosave' | 'draft'): string | null;
  write(slot: 'autosave' | 'draft', text: string): boolean;
  remove(slot: 'autosave' | 'draft'): void;
}

/** What the share bar tells the user about links, saved work and files. */
export type ShareNotice =
  | { kind: 'link-opened' }
  | { kind: 'link-broken'; code: DecodeErrorCode; detail: string }
  | { kind: 'saved-broken'; detail: string }
  | { kind: 'draft-restored' }
  | { kind: 'draft-failed'; detail: string }
  | { kind: 'import-failed'; detail: string[] }
  | { kind: 'imported'; name: string };

export interface ShareSlice {
  notice: ShareNotice | null;
  /** Earlier work set aside when a link was opened; "restore your draft" brings it back. */
  draftAvailable: boolean;
  setNotice(notice: ShareNotice | null): void;
  /** Shows a whole view (link, saved work): scenario, designs, flow, hop, Linux panel, language. */
  applyViewState(state: ViewState): Promise<EditResult>;
  restoreDraft(): Promise<void>;
  discardDraft(): void;
}

const isShowWhat = (v: string): v is ShowWhat => (SHOW_WHATS as readonly string[]).includes(v);

/** The shareable view of the current state (null before the first scenario is loaded). */
export function selectViewState(s: AppState): ViewState | null {
  if (!s.scenario) return null;
  const traced = s.trace?.probe ?? null;
  return {
    preset: s.base.preset,
    seed: s.base.seed,
    scenario: s.scenario,
    probe: traced ? { from: traced.from, to: traced.to, port: traced.port, protocol: traced.protocol } : null,
    step: traced ? s.hopIndex : 0,
    panels: s.selectedNetns ? [{ netns: s.selectedNetns, table: s.linuxTab }] : [],
    lang: s.lang,
    lesson: null,
    compare: null,
  };
}

export function createShareSlice(set: SetState, get: GetState, deps: StoreDeps): ShareSlice {
  return {
    notice: null,
    draftAvailable: deps.work?.read('draft') != null,
    setNotice(notice) {
      set({ notice });
    },
    async applyViewState(state) {
      const r = await get().setScenario(state.scenario, { preset: state.preset, seed: state.seed });
      if (!r.ok) return r;
      if (state.lang !== get().lang) get().setLanguage(state.lang);
      const panel = state.panels[0];
      set({
        selectedNetns: panel?.netns ?? null,
        ...(panel && isShowWhat(panel.table) ? { linuxTab: panel.table } : {}),
      });
      if (state.probe) {
        const { from, to, port, protocol } = state.probe;
        set({ probe: { from, to, port, protocol } });
        await get().runTrace({ autoplay: false });
        get().selectHop(state.step);
      } else set({ trace: null, hopIndex: 0, playing: false });
      await get().refreshLinux();
      return { ok: true };
    },
    async restoreDraft() {
      const text = deps.work?.read('draft');
      if (text == null) return set({ draftAvailable: false });
      const parsed = parseSaved(text);
      if (!parsed.ok) return set({ notice: { kind: 'draft-failed', detail: parsed.error.message } });
      // Swap: the view being replaced becomes the draft, so nothing is lost either way.
      const current = selectViewState(get());
      const r = await get().applyViewState(parsed.state);
      if (!r.ok)
        return set({ notice: { kind: 'draft-failed', detail: r.problems.map((p) => p.message).join('; ') } });
      if (current) deps.work?.write('draft', serializeView(current));
      set({ notice: { kind: 'draft-restored' }, draftAvailable: current !== null });
    },
    discardDraft() {
      deps.work?.remove('draft');
      set({ draftAvailable: false, notice: null });
    },
  };
}
