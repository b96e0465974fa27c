import { decodeDeferred, encode, type LinkView, type OpenResult } from '../scenario/codec';
import { loadScenario } from '../scenario/load';
import { buildPreset } from '../scenario/presets/registry';
import { WORKER_BUILT } from './presetSlice';

/**
 * The saved form of the user's work (autosave and draft): the same versioned link text a share link
 * carries, so saved work is read back through the codec and `loadScenario` like any other input and
 * keeps loading after format changes. Work too large for a link keeps its scenario as plain JSON.
 * Work on a worker-built preset (L, XL) is its name, seed, designs and view: nothing is built here.
 */

/** The codec refuses longer fragments when decoding. */
const SAVED_LINK_LIMIT = 60_000;

interface SavedV1 {
  v: 1;
  /** `#v1.…`: the whole view, scenario edits included. */
  link?: string;
  /** When the edits are too many for `link`: the view over the bare preset, and the scenario. */
  view?: string;
  scenario?: unknown;
}

export function serializeView(state: LinkView): string {
  const r = encode(state, { maxLength: SAVED_LINK_LIMIT });
  if (r.ok || state.scenario === null)
    return JSON.stringify({ v: 1, link: r.ok ? r.fragment : '#v1.' } satisfies SavedV1);
  const base = buildPreset(state.preset, state.seed);
  const view = encode({ ...state, scenario: base }, { base, maxLength: SAVED_LINK_LIMIT });
  return JSON.stringify({
    v: 1,
    view: view.ok ? view.fragment : '#v1.',
    scenario: state.scenario,
  } satisfies SavedV1);
}

/** Reads a link (or saved link text) on the page: L and XL come back unbuilt, for the worker to build. */
export function openLink(fragment: string): OpenResult {
  return decodeDeferred(fragment, WORKER_BUILT);
}

/** Reads saved work back; a typed error when it is damaged (it is then left where it is). */
export function parseSaved(text: string): OpenResult {
  let saved: Partial<SavedV1>;
  try {
    saved = JSON.parse(text) as Partial<SavedV1>;
  } catch {
    return { ok: false, error: { code: 'CORRUPT', message: 'the saved work is not readable' } };
  }
  if (saved?.v !== 1)
    return { ok: false, error: { code: 'BAD_VERSION', message: 'unknown saved-work format' } };
  if (typeof saved.link === 'string') return openLink(saved.link);
  if (typeof saved.view !== 'string')
    return { ok: false, error: { code: 'CORRUPT', message: 'the saved work has no view' } };
  const view = openLink(saved.view);
  if (!view.ok) return view;
  if (view.state.scenario === null)
    return { ok: false, error: { code: 'INVALID', message: 'saved work on a large preset has no scenario' } };
  const loaded = loadScenario(saved.scenario);
  if (!loaded.ok)
    return {
      ok: false,
      error: {
        code: 'INVALID',
        message: loaded.errors
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      },
    };
  return { ok: true, state: { ...view.state, scenario: loaded.scenario }, warnings: view.warnings };
}

/** The link form of a saved entry, to tell whether two saves hold the same work. */
export function savedIdentity(text: string | null): string | null {
  if (text === null) return null;
  try {
    const s = JSON.parse(text) as Partial<SavedV1>;
    return s.link ?? text;
  } catch {
    return text;
  }
}
