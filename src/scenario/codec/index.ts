import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Scenario } from '../../core/model/scenario';
import { loadScenario } from '../load';
import { migrate } from '../migrations/registry';
import { LINK_MIGRATIONS } from '../migrations/link';
import { buildPreset } from '../presets/registry';
import type { ViewState } from '../view-state';
import { fromBase64url, toBase64url } from './base64url';
import { applyDiff, diffScenario } from './diff';
import { checkWireV1, toWire, fromWire } from './wire';

/**
 * Share links (ARCHITECTURE rule 5: every link comes from here). A link is the URL fragment
 * `#v<version>.<payload>`, payload = base64url(deflate-raw(JSON)), the JSON being the view state as
 * edits against a named preset (codec/wire.ts). The version sits outside the compressed part so a
 * newer link is recognised without inflating it. Like the TypeScript playground and Mermaid Live.
 */

/** The product's bar: any link ≤ 8,000 characters. */
export const LINK_LIMIT = 8000;
/** Default budget for the fragment, leaving room for origin and path of the hosting page. */
export const DEFAULT_MAX_FRAGMENT = 7500;
/** Fragments longer than this are refused before inflating (no link this app writes comes near). */
const DECODE_INPUT_LIMIT = 65536;

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
  | { ok: false; error: { code: 'TOO_LONG'; length: number; limit: number; message: string } };

export interface EncodeOptions {
  /** Longest fragment to return, `#` included (default DEFAULT_MAX_FRAGMENT). */
  maxLength?: number;
  /** The preset's scenario if the caller already has it (saves rebuilding a large preset). */
  base?: Scenario;
}

/**
 * Encodes a view as `#v1.…`. When the edits make it too long, returns TOO_LONG so the page can offer
 * the scenario as a file instead (a generated preset itself always fits: it is a name and a seed).
 */
export function encode(state: ViewState, options: EncodeOptions = {}): EncodeResult {
  const limit = options.maxLength ?? DEFAULT_MAX_FRAGMENT;
  const base = options.base ?? presetBase(state.preset, state.seed);
  const wire = toWire(state, diffScenario(base, state.scenario));
  const json = JSON.stringify(wire);
  const payload = json === '{}' ? '' : toBase64url(deflateSync(strToU8(json), { level: 9 }));
  const fragment = `#v${LINK_MIGRATIONS.current}.${payload}`;
  if (fragment.length > limit)
    return {
      ok: false,
      error: {
        code: 'TOO_LONG',
        length: fragment.length,
        limit,
        message: `the link would be ${fragment.length} characters (limit ${limit}); save the scenario as a file instead`,
      },
    };
  return { ok: true, fragment };
}

export type DecodeErrorCode =
  'EMPTY' | 'BAD_VERSION' | 'FUTURE_VERSION' | 'TRUNCATED' | 'CORRUPT' | 'INVALID';

export type DecodeResult =
  | { ok: true; state: ViewState; migratedFrom?: number; warnings: string[] }
  | { ok: false; error: { code: DecodeErrorCode; message: string } };

const failure = (code: DecodeErrorCode, message: string): DecodeResult => ({
  ok: false,
  error: { code, message },
});

const VERSIONED = /^v(\d{1,6})\.([\s\S]*)$/;

function inflate(payload: string): { json: unknown } | DecodeResult {
  if (payload === '') return { json: {} };
  const bytes = fromBase64url(payload);
  if (bytes === 'BAD_CHAR') return failure('CORRUPT', 'the link contains characters a share link never has');
  if (bytes === 'BAD_LENGTH')
    return failure('TRUNCATED', 'the link is cut short (was it copied completely?)');
  let text: string;
  try {
    text = strFromU8(inflateSync(bytes));
  } catch (e) {
    // fflate error code 0 = "unexpected EOF": the stream stops before its final block.
    if ((e as { code?: number }).code === 0)
      return failure('TRUNCATED', 'the link is cut short (was it copied completely?)');
    return failure('CORRUPT', 'the link is damaged: its data does not decompress');
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return failure('CORRUPT', 'the link is damaged: its data is not readable');
  }
}

function decodeUnsafe(fragment: string): DecodeResult {
  const text = fragment.trim().replace(/^#/, '');
  if (text === '') return failure('EMPTY', 'no shared state in this address');
  if (text.length > DECODE_INPUT_LIMIT)
    return failure('CORRUPT', `the link is longer than ${DECODE_INPUT_LIMIT} characters`);
  const m = VERSIONED.exec(text);
  if (!m) return failure('BAD_VERSION', 'this is not a share link of this app (expected #v1.…)');
  const version = Number(m[1]);
  if (version > LINK_MIGRATIONS.current)
    return failure(
      'FUTURE_VERSION',
      `the link was made by a newer version (v${version}); reload the page to update`,
    );
  if (version < LINK_MIGRATIONS.oldest)
    return failure('BAD_VERSION', `v${version} is not a link version this app wrote`);
  const inflated = inflate(m[2] ?? '');
  if (!('json' in inflated)) return inflated;
  const migrated = migrate(LINK_MIGRATIONS, inflated.json, version);
  if (!migrated.ok) return failure(migrated.code, migrated.message);
  const checked = checkWireV1(migrated.doc);
  if (!checked.ok) {
    const first = checked.errors.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
    return failure('INVALID', `the link's contents are not valid: ${first.join('; ')}`);
  }
  const view = fromWire(checked.wire);
  const loaded = loadScenario(applyDiff(presetBase(view.preset, view.seed), checked.wire.x ?? {}));
  if (!loaded.ok) {
    const first = loaded.errors.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
    return failure('INVALID', `the link's scenario is not valid: ${first.join('; ')}`);
  }
  const warnings = [...checked.warnings, ...loaded.warnings].map((p) => `${p.path}: ${p.message}`);
  const state: ViewState = { ...view, scenario: loaded.scenario };
  return migrated.migratedFrom === undefined
    ? { ok: true, state, warnings }
    : { ok: true, state, warnings, migratedFrom: migrated.migratedFrom };
}

/** Decodes `#v1.…` (with or without `#`) into a view state, or a typed error. Never throws. */
export function decode(fragment: string): DecodeResult {
  try {
    return decodeUnsafe(typeof fragment === 'string' ? fragment : '');
  } catch (e) {
    return failure('CORRUPT', `the link could not be read: ${(e as Error).message}`);
  }
}
