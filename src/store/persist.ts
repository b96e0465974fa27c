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
/** Saved work larger than this is not read (a scenario file has the same bound as YAML). */
const SAVED_TEXT_LIMIT = 5 * 1024 * 1024;

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
  const parts = savedParts(text);
  if ('error' in parts) return { ok: false, error: parts.error };
  return combine(openLink(parts.link), parts);
}

/** The same, with the links read by `open` (the worker: inflating stays off the page's thread). */
export async function parseSavedVia(
  text: string,
  open: (fragment: string) => Promise<OpenResult>,
): Promise<OpenResult> {
  const parts = savedParts(text);
  if ('error' in parts) return { ok: false, error: parts.error };
  return combine(await open(parts.link), parts);
}

type SavedParts =
  | { error: { code: 'CORRUPT' | 'BAD_VERSION'; message: string } }
  | { link: string; scenario?: unknown; hasScenario: boolean };

function savedParts(text: string): SavedParts {
  if (text.length > SAVED_TEXT_LIMIT)
    return { error: { code: 'CORRUPT', message: 'the saved work is larger than any this app writes' } };
  let saved: Partial<SavedV1>;
  try {
    saved = JSON.parse(text) as Partial<SavedV1>;
  } catch {
    return { error: { code: 'CORRUPT', message: 'the saved work is not readable' } };
  }
  if (saved?.v !== 1) return { error: { code: 'BAD_VERSION', message: 'unknown saved-work format' } };
  if (typeof saved.link === 'string') return { link: saved.link, hasScenario: false };
  if (typeof saved.view !== 'string')
    return { error: { code: 'CORRUPT', message: 'the saved work has no view' } };
  return { link: saved.view, scenario: saved.scenario, hasScenario: true };
}

function combine(view: OpenResult, parts: { scenario?: unknown; hasScenario: boolean }): OpenResult {
  if (!view.ok || !parts.hasScenario) return view;
  if (view.state.scenario === null)
    return { ok: false, error: { code: 'INVALID', message: 'saved work on a large preset has no scenario' } };
  const loaded = loadScenario(parts.scenario);
  if (!loaded.ok)
    return {
      ok: false,
      error: {
        code: 'INVALID',
        message: loaded.errors
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
        problems: loaded.errors.slice(0, 3),
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
