import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * Real manifests kept beside the repository in `../shared/data` (guestbook, online boutique, the
 * network-policy recipes, …) are not part of a clone. Tests that read them run when the folder is
 * there and are counted as skipped, with the reason printed, when it is not, so `npm test` passes
 * on a fresh clone.
 */

/** `<project>/../shared/data/` as a URL (this file is `<project>/src/testing/shared-data.ts`). */
export const SHARED_DATA = new URL('../../../shared/data/', import.meta.url);
export const HAS_SHARED_DATA = existsSync(fileURLToPath(SHARED_DATA));
export const SHARED_SKIP_REASON = `../shared/data is absent (${fileURLToPath(SHARED_DATA)})`;

/** A file under `../shared/data/real-manifests/`, as a path. */
export const realManifest = (path: string): string =>
  fileURLToPath(new URL(`real-manifests/${path}`, SHARED_DATA));

let warned = false;
function warnOnce(): void {
  if (warned) return;
  warned = true;
  console.warn(`skipped: the tests on real manifests, because ${SHARED_SKIP_REASON}`);
}

/** `it` for a test that reads ../shared/data: skipped (and counted, with the reason) when it is absent. */
export function itShared(name: string, fn: () => void | Promise<void>, timeout?: number): void {
  if (HAS_SHARED_DATA) {
    it(name, fn, timeout);
    return;
  }
  warnOnce();
  it.skip(`${name} [skipped: ${SHARED_SKIP_REASON}]`, fn);
}

/** `describe` for a suite whose every test reads ../shared/data. */
export function describeShared(name: string, fn: () => void): void {
  if (HAS_SHARED_DATA) {
    describe(name, fn);
    return;
  }
  warnOnce();
  describe.skip(`${name} [skipped: ${SHARED_SKIP_REASON}]`, fn);
}
