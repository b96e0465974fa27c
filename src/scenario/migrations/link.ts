import type { MigrationRegistry } from './registry';

/**
 * Versions of the share-link payload (`#v<N>.<payload>`, the JSON inside the deflate).
 * v1: `{p, s, x, f, h, o, l, n, c}` (see codec/wire.ts).
 * v2: the same JSON; the fragment gains a checksum (`#v2.<payload>.<crc>`, codec/checksum.ts), checked
 *     before inflating. Step 1 is therefore the identity on the JSON.
 * Each new version: add `steps[N]`, bump `current`, add codec/fixtures/v<N+1>.ts.
 */
export const LINK_MIGRATIONS: MigrationRegistry = {
  name: 'share link',
  current: 2,
  oldest: 1,
  steps: { 1: (doc) => doc },
};
