import type { Say } from '../../core/trace/types';
import { said } from '../messages';

/**
 * Schema versions and the steps between them (tldraw/excalidraw style): each persisted format names
 * its version, and step `n` turns a version-`n` document into version `n + 1`. A format change adds a
 * step and a frozen fixture; old documents and links keep loading forever.
 */
export interface MigrationRegistry {
  /** What is being versioned, for messages ("share link", "scenario"). */
  name: string;
  /** The version this build writes. */
  current: number;
  /** Oldest version still readable. */
  oldest: number;
  /** `steps[n]` migrates version n to n + 1. Steps may assume the input passed the version-n checks. */
  steps: Readonly<Record<number, (doc: unknown) => unknown>>;
}

export type MigrateResult =
  | { ok: true; doc: unknown; migratedFrom?: number }
  | { ok: false; code: 'FUTURE_VERSION' | 'BAD_VERSION'; message: string; say: Say };

/** Runs every step from `from` up to the registry's current version. */
export function migrate(registry: MigrationRegistry, doc: unknown, from: number): MigrateResult {
  if (!Number.isInteger(from) || from < registry.oldest)
    return {
      ok: false,
      code: 'BAD_VERSION',
      ...said('migrate.bad', { what: registry.name, version: String(from) }),
    };
  if (from > registry.current)
    return {
      ok: false,
      code: 'FUTURE_VERSION',
      ...said('migrate.future', {
        what: registry.name,
        version: String(from),
        current: String(registry.current),
      }),
    };
  let out = doc;
  for (let v = from; v < registry.current; v++) {
    const step = registry.steps[v];
    if (!step)
      return {
        ok: false,
        code: 'BAD_VERSION',
        ...said('migrate.missing', { what: registry.name, version: String(v) }),
      };
    out = step(out);
  }
  return from === registry.current ? { ok: true, doc: out } : { ok: true, doc: out, migratedFrom: from };
}
