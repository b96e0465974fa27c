import type { LinkView } from '../../scenario/codec';
import { DEFAULT_SEED } from '../../scenario/presets/registry';
import { smallScenario } from '../../scenario/presets/small';
import type { AppStore } from '../../store';
import type { OpenResult } from '../../scenario/codec';
import { serializeView } from '../../store/persist';
import { selectViewState, type WorkStore } from '../../store/shareSlice';
import type { AppState } from '../../store/types';

/**
 * Startup: what the first screen shows. A link in the address wins; else the work saved on the last
 * visit; else preset S. Saved work a link would replace is set aside as a draft, never dropped.
 * Links and saves of L/XL are read without building the preset: the worker builds it (loadPreset).
 */
export interface SessionEnv {
  /** The address fragment the page was opened with (`#v1.…`, or ''). */
  fragment: string;
  /** Removes the fragment once read: from then on the state lives in the store and autosave. */
  clearFragment(): void;
  work: WorkStore;
  /** Reads the fragment again, to follow links pasted into the open page (hashchange). */
  readFragment?: () => string;
  autosaveDelayMs?: number;
}

/** JSON with object keys sorted: a scenario read back through the shape checks has its own key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The same work: the same scenario, or the same worker-built preset with the same designs. */
function sameWork(a: LinkView, b: LinkView): boolean {
  if (a.scenario !== null && b.scenario !== null) return sameJson(a.scenario, b.scenario);
  if (a.scenario !== null || b.scenario !== null) return false;
  const keys = ['intra', 'inter', 'proxy'] as const;
  return a.preset === b.preset && a.seed === b.seed && keys.every((k) => a.designs[k] === b.designs[k]);
}

/** True when saved work (already read) holds nothing a user made: an unedited preset S. */
function isBareDefault(p: OpenResult): boolean {
  return (
    p.ok && p.state.preset === 's' && p.state.scenario !== null && sameJson(p.state.scenario, smallScenario())
  );
}

export async function startSession(store: AppStore, env: SessionEnv): Promise<() => void> {
  const s = store.getState;
  const openDefault = async () => {
    await s().setScenario(smallScenario(), { preset: 's', seed: DEFAULT_SEED });
    // Open on a cross-node flow, already traced, so the first view shows a path.
    await s().runTrace({ autoplay: false });
  };
  /** Sets earlier work aside as the draft; false when storage refused it (then nothing may replace it). */
  const setAside = (text: string): boolean => {
    if (!env.work.write('draft', text)) {
      s().setSaveFailed(true);
      return false;
    }
    store.setState({ draftAvailable: true });
    return true;
  };

  /**
   * Shows a link's view; `current` is the work it replaces, kept as a draft unless it is the same.
   * Returns false, showing nothing new, when that work could not be set aside (storage full): a link
   * never replaces work that would then be lost.
   */
  const openLink = async (fragment: string, current: string | null): Promise<boolean> => {
    // Links and saved work are read in the worker: inflating a hostile link never blocks the page.
    const link = await s().readLink(fragment);
    const before = current === null ? null : await s().readSaved(current);
    if (current !== null && before !== null && !isBareDefault(before)) {
      const same = link.ok && before.ok && sameWork(before.state, link.state);
      if (!same && !setAside(current)) {
        s().setNotice({ kind: 'link-held', fragment });
        return false;
      }
    }
    if (link.ok) {
      const r = await s().applyViewState(link.state);
      if (r.ok) {
        s().setNotice({ kind: 'link-opened' });
        return true;
      }
      s().setNotice({ kind: 'link-broken', code: 'INVALID', detail: r.problems });
    } else {
      s().setNotice({ kind: 'link-broken', code: link.error.code, detail: [link.error] });
    }
    await openDefault();
    return true;
  };

  const openSaved = async (text: string) => {
    const parsed = await s().readSaved(text);
    const r = parsed.ok ? await s().applyViewState(parsed.state) : null;
    if (r?.ok) return;
    const detail = parsed.ok ? (r?.problems ?? []) : [parsed.error];
    // Keep the unreadable save where "restore your draft" can still reach it.
    if (!s().draftAvailable) setAside(text);
    if (s().notice?.kind !== 'link-held') s().setNotice({ kind: 'saved-broken', detail });
    await openDefault();
  };

  const saved = env.work.read('autosave');
  const fragment = env.fragment.replace(/^#/, '').trim();
  let shown = false;
  if (fragment) {
    env.clearFragment();
    shown = await openLink(fragment, saved);
  }
  if (!shown) {
    if (saved !== null) await openSaved(saved);
    else await openDefault();
  }
  const stopAutosave = startAutosave(store, env.work, env.autosaveDelayMs ?? 400);
  // A link pasted into the address bar of the open page changes only the fragment: same ingress.
  const onHash = () => {
    const next = env.readFragment?.().replace(/^#/, '').trim();
    if (!next) return;
    env.clearFragment();
    const view = selectViewState(s());
    void openLink(next, view ? serializeView(view) : null);
  };
  if (env.readFragment && typeof window !== 'undefined') window.addEventListener('hashchange', onHash);
  return () => {
    stopAutosave();
    if (typeof window !== 'undefined') window.removeEventListener('hashchange', onHash);
  };
}

/** Fields whose change is worth saving. */
const SAVED_FIELDS: (keyof AppState)[] = [
  'scenario',
  'base',
  'trace',
  'hopIndex',
  'selectedNetns',
  'linuxTab',
  'lang',
  'viewport',
];

/**
 * Debounced autosave of the whole view; flushed when the page is hidden (reload, tab close). While a
 * trace plays, every hop moves `hopIndex`: nothing is saved then, the step is saved once playback
 * pauses or stops (or the page is hidden), so the animation never waits for an encode.
 */
export function startAutosave(store: AppStore, work: WorkStore, delayMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: string | null = null;
  let dirty = false;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    dirty = false;
    const view = selectViewState(store.getState());
    if (!view) return;
    const text = serializeView(view);
    if (text === last) return;
    // A refused write (storage full or blocked) is shown, with a way to keep the work as a file.
    const ok = work.write('autosave', text);
    store.getState().setSaveFailed(!ok);
    if (ok) last = text;
  };
  const unsubscribe = store.subscribe((now, prev) => {
    const stopped = prev.playing && !now.playing;
    if (!stopped && SAVED_FIELDS.every((k) => now[k] === prev[k])) return;
    dirty = true;
    clearTimeout(timer);
    timer = now.playing ? undefined : setTimeout(flush, delayMs);
  });
  flush();
  const onHide = () => {
    if (dirty) flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
  }
  return () => {
    unsubscribe();
    clearTimeout(timer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    }
  };
}
