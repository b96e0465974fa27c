import type { MigrationRegistry } from './registry';

/**
 * Versions of the share-link payload (`#v<N>.<payload>`, the JSON inside the deflate).
 * v1: `{p, s, x, f, h, o, l, n, c}` (see codec/wire.ts). No steps yet.
 * Each new version: add `steps[N]`, bump `current`, add codec/fixtures/v<N+1>.ts.
 */
export const LINK_MIGRATIONS: MigrationRegistry = {
  name: 'share link',
  current: 1,
  oldest: 1,
  steps: {},
};
