import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { jsonTooDeep, MAX_NESTING } from '../nesting';
import { linkChecksum } from './checksum';
import { boundedInflate, LINK_BOUNDS } from './limits';
import type { Designs, Scenario } from '../../core/model/scenario';
import { loadScenario } from '../load';
import { migrate } from '../migrations/registry';
import { LINK_MIGRATIONS } from '../migrations/link';
import { buildPreset } from '../presets/registry';
import type { ViewState } from '../view-state';
import { fromBase64url, toBase64url } from './base64url';
import { applyDiff, diffScenario, type ScenarioDiff } from './diff';
import { checkWireV1, toWire, fromWire, type WireV1 } from './wire';
import type { ShapeProblem } from './shape';
import type { Say } from '../../core/trace/types';
import { said, type ScenarioMessageKey } from '../messages';

/**
 * Share links (ARCHITECTURE rule 5: every link comes from here). A link is the URL fragment
 * `#v<version>.<payload>.<checksum>`, payload = base64url(deflate-raw(JSON)), the JSON being the
 * view state as edits against a named preset (codec/wire.ts), checksum = CRC-32 of the payload
 * (v2 on; v1 links, without it, still open). The version sits outside the compressed part so a
 * newer link is recognised without inflating it. Like the TypeScript playground and Mermaid Live.
 */

/** The product's bar: any link ≤ 8,000 characters. */
export const LINK_LIMIT = 8000;
/** Default budget for the fragment, leaving room for origin and path of the hosting page. */
export const DEFAULT_MAX_FRAGMENT = 7500;
/** Fragments longer than this are refused before inflating (no link this app writes comes near). */
const DECODE_INPUT_LIMIT = LINK_BOUNDS.fragment;
/** From this link version on, the payload ends with `.` and its checksum (codec/checksum.ts). */
const CHECKSUMMED_FROM = 2;

/**
 * The last preset built here, reused while the same base is encoded again (the page re-encodes on
 * every edit). Only ever read: diffs compare against it and decoded scenarios are fresh copies.
 */
let lastBase: { id: string; seed: number; scenario: Scenario } | null = null;
function presetBase(id: ViewState['preset'], seed: number): Scenario {
  if (lastBase?.id !== id || lastBase.seed !== seed) lastBase = { id, seed, scenario: buildPreset(id, seed) };
  return lastBase.scenario;
}

export type EncodeResult =
  | { ok: true; fragment: string }
  | { ok: false; error: { code: 'TOO_LONG'; length: number; limit: number; message: string; say: Say } };

/**
 * A view of a preset the page does not hold (L/XL are built in the simulation worker): the link is
 * the preset's name and seed, the chosen designs and the view fields, never scenario edits. It is a
 * plain v1 link (`x` holds only `d`, the designs), so it also decodes in full where building the
 * preset is cheap (Node, CLI).
 */
export interface PresetView extends Omit<ViewState, 'scenario'> {
  scenario: null;
  /** The designs shown (the whole record, so no preset has to be built to compare). */
  designs: Partial<Designs>;
}

/** What a link or saved work shows: a whole scenario, or a preset built elsewhere. */
export type LinkView = ViewState | PresetView;

/**
 * The edits of a scenario against its base, memoized per scenario object: the page re-encodes the
 * same scenario with new view fields (hop, panel) often, and the diff of a large preset costs most.
 */
const diffCache = new WeakMap<Scenario, { base: Scenario; diff: ScenarioDiff }>();
function cachedDiff(base: Scenario, scenario: Scenario): ScenarioDiff {
  const hit = diffCache.get(scenario);
  if (hit?.base === base) return hit.diff;
  const diff = diffScenario(base, scenario);
  diffCache.set(scenario, { base, diff });
  return diff;
}

export interface EncodeOptions {
  /** Longest fragment to return, `#` included (default DEFAULT_MAX_FRAGMENT). */
  maxLength?: number;
  /** The preset's scenario if the caller already has it (saves rebuilding a large preset). */
  base?: Scenario;
}

/**
 * Encodes a view as `#v2.…`. When the edits make it too long, returns TOO_LONG so the page can offer
 * the scenario as a file instead (a generated preset itself always fits: it is a name and a seed).
 */
export function encode(state: LinkView, options: EncodeOptions = {}): EncodeResult {
  const limit = options.maxLength ?? DEFAULT_MAX_FRAGMENT;
  let x: ScenarioDiff;
  if (state.scenario === null) x = { d: { ...state.designs } };
  else x = cachedDiff(options.base ?? presetBase(state.preset, state.seed), state.scenario);
  const wire = toWire(state, x);
  const json = JSON.stringify(wire);
  const payload = json === '{}' ? '' : toBase64url(deflateSync(strToU8(json), { level: 9 }));
  const fragment = `#v${LINK_MIGRATIONS.current}.${payload}.${linkChecksum(payload)}`;
  if (fragment.length > limit)
    return {
      ok: false,
      error: {
        code: 'TOO_LONG',
        length: fragment.length,
        limit,
        ...said('link.tooLong', { length: String(fragment.length), limit: String(limit) }),
      },
    };
  return { ok: true, fragment };
}

export type DecodeErrorCode =
  'EMPTY' | 'BAD_VERSION' | 'FUTURE_VERSION' | 'TRUNCATED' | 'CORRUPT' | 'INVALID';

/**
 * Why a link cannot be opened: `message` is English (the CLI's), `say` the same as a key and
 * arguments; an INVALID link also lists its first problems, each with its own `say`.
 */
export interface DecodeError {
  code: DecodeErrorCode;
  message: string;
  say?: Say;
  problems?: { path: string; message: string; say?: Say }[];
}

export type DecodeResult =
  | { ok: true; state: ViewState; migratedFrom?: number; warnings: string[] }
  | { ok: false; error: DecodeError };

type Failure = { ok: false; error: DecodeError };
const failure = (
  code: DecodeErrorCode,
  key: ScenarioMessageKey,
  args: Record<string, string | number> = {},
): Failure => ({
  ok: false,
  error: { code, ...said(key, args) },
});

/** INVALID with the first three problems, joined in English and kept as a list for the page. */
function invalid(
  key: ScenarioMessageKey,
  problems: readonly { path: string; message: string; say?: Say }[],
): Failure {
  const first = problems.slice(0, 3);
  const text = first.map((p) => `${p.path}: ${p.message}`).join('; ');
  const out = failure('INVALID', key, { problems: text });
  out.error.problems = first.map((p) =>
    p.say ? { path: p.path, message: p.message, say: p.say } : { path: p.path, message: p.message },
  );
  return out;
}

const VERSIONED = /^v(\d{1,6})\.([\s\S]*)$/;

function inflate(payload: string): { json: unknown } | Failure {
  if (payload === '') return { json: {} };
  const bytes = fromBase64url(payload);
  if (bytes === 'BAD_CHAR') return failure('CORRUPT', 'link.badChar');
  if (bytes === 'BAD_LENGTH') return failure('TRUNCATED', 'link.truncated');
  const out = boundedInflate(bytes);
  if (!out.ok) {
    if (out.reason === 'TRUNCATED') return failure('TRUNCATED', 'link.truncated');
    if (out.reason === 'TOO_LARGE')
      return failure('CORRUPT', 'link.tooLarge', { max: String(LINK_BOUNDS.inflated / 1024 / 1024) });
    return failure('CORRUPT', 'link.noInflate');
  }
  const text = strFromU8(out.bytes);
  // Bounded before JSON.parse and the shape checks, which walk the value recursively.
  const deep = jsonTooDeep(text);
  if (deep)
    return failure('CORRUPT', 'link.nesting', {
      max: String(MAX_NESTING),
      column: String(deep.column),
      line: String(deep.line),
    });
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return failure('CORRUPT', 'link.unreadable');
  }
}

/** Splits `payload.checksum` (v2 on) and checks it; v1 payloads have none. */
function verified(version: number, rest: string): { payload: string } | Failure {
  if (version < CHECKSUMMED_FROM) return { payload: rest };
  const dot = rest.lastIndexOf('.');
  if (dot < 0) return failure('TRUNCATED', 'link.truncated');
  const payload = rest.slice(0, dot);
  const sum = rest.slice(dot + 1);
  if (sum.length < 6) return failure('TRUNCATED', 'link.truncated');
  if (sum !== linkChecksum(payload)) return failure('CORRUPT', 'link.checksum');
  return { payload };
}

type WireRead =
  | { ok: true; wire: WireV1; migratedFrom?: number; warnings: ShapeProblem[] }
  | { ok: false; error: DecodeError };

/** Version, inflate, migrate and shape-check a link: everything but building its scenario. */
function readWire(fragment: string): WireRead {
  const text = fragment.trim().replace(/^#/, '');
  if (text === '') return failure('EMPTY', 'link.empty');
  if (text.length > DECODE_INPUT_LIMIT)
    return failure('CORRUPT', 'link.inputTooLong', { limit: String(DECODE_INPUT_LIMIT) });
  const m = VERSIONED.exec(text);
  if (!m) return failure('BAD_VERSION', 'link.notLink');
  const version = Number(m[1]);
  if (version > LINK_MIGRATIONS.current)
    return failure('FUTURE_VERSION', 'link.future', { version: String(version) });
  if (version < LINK_MIGRATIONS.oldest)
    return failure('BAD_VERSION', 'link.badVersion', { version: String(version) });
  const checked0 = verified(version, m[2] ?? '');
  if (!('payload' in checked0)) return checked0;
  const inflated = inflate(checked0.payload);
  if (!('json' in inflated)) return inflated;
  const migrated = migrate(LINK_MIGRATIONS, inflated.json, version);
  if (!migrated.ok)
    return { ok: false, error: { code: migrated.code, message: migrated.message, say: migrated.say } };
  const checked = checkWireV1(migrated.doc);
  if (!checked.ok) return invalid('link.invalidContents', checked.errors);
  return migrated.migratedFrom === undefined
    ? { ok: true, wire: checked.wire, warnings: checked.warnings }
    : { ok: true, wire: checked.wire, warnings: checked.warnings, migratedFrom: migrated.migratedFrom };
}

function decodeUnsafe(fragment: string): DecodeResult {
  const read = readWire(fragment);
  if (!read.ok) return read;
  const { wire, migratedFrom } = read;
  const view = fromWire(wire);
  const loaded = loadScenario(applyDiff(presetBase(view.preset, view.seed), wire.x ?? {}));
  if (!loaded.ok) return invalid('link.invalidScenario', loaded.errors);
  const warnings = [...read.warnings, ...loaded.warnings].map((p) => `${p.path}: ${p.message}`);
  const state: ViewState = { ...view, scenario: loaded.scenario };
  return migratedFrom === undefined
    ? { ok: true, state, warnings }
    : { ok: true, state, warnings, migratedFrom };
}

/** Decodes `#v2.…` or an older `#v1.…` (with or without `#`) into a view state, or a typed error. Never throws. */
export function decode(fragment: string): DecodeResult {
  try {
    return decodeUnsafe(typeof fragment === 'string' ? fragment : '');
  } catch (e) {
    return failure('CORRUPT', 'link.failed', { detail: (e as Error).message });
  }
}

/** A link's header: its view fields and base, read without building the preset. */
export interface LinkHeader extends Omit<ViewState, 'scenario'> {
  /** The designs the link changes (over the preset's own); {} when it keeps them. */
  designs: Partial<Designs>;
  /** True when the link carries scenario edits beyond the designs (only a built preset can apply them). */
  edited: boolean;
}

export type PeekResult =
  | { ok: true; header: LinkHeader; migratedFrom?: number; warnings: string[] }
  | { ok: false; error: DecodeError };

/**
 * Reads a link's preset, seed, designs and view fields without building the preset (a large preset
 * is built in the worker, never on the page). Same errors as `decode`. Never throws.
 */
export function peek(fragment: string): PeekResult {
  try {
    const read = readWire(typeof fragment === 'string' ? fragment : '');
    if (!read.ok) return read;
    const { d, ...edits } = read.wire.x ?? {};
    const header: LinkHeader = {
      ...fromWire(read.wire),
      designs: { ...d },
      edited: Object.keys(edits).length > 0,
    };
    const warnings = read.warnings.map((p) => `${p.path}: ${p.message}`);
    return read.migratedFrom === undefined
      ? { ok: true, header, warnings }
      : { ok: true, header, warnings, migratedFrom: read.migratedFrom };
  } catch (e) {
    return failure('CORRUPT', 'link.failed', { detail: (e as Error).message });
  }
}

export type OpenResult =
  | { ok: true; state: LinkView; migratedFrom?: number; warnings: string[] }
  | { ok: false; error: DecodeError };

/**
 * Decodes a link for a place that must not build some presets (the page: `deferred` = L and XL,
 * which the worker builds): their links come back as a `PresetView`; links to them with scenario
 * edits are refused (this app never writes one). Other presets decode in full, as `decode` does.
 */
export function decodeDeferred(fragment: string, deferred: ReadonlySet<string>): OpenResult {
  const head = peek(fragment);
  if (!head.ok) return head;
  const { designs, edited, ...view } = head.header;
  if (!deferred.has(view.preset)) return decode(fragment);
  if (edited) return failure('INVALID', 'link.presetEdits', { preset: view.preset.toUpperCase() });
  const state: PresetView = { ...view, scenario: null, designs };
  return head.migratedFrom === undefined
    ? { ok: true, state, warnings: head.warnings }
    : { ok: true, state, warnings: head.warnings, migratedFrom: head.migratedFrom };
}
