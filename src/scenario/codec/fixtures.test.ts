import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LINK_MIGRATIONS } from '../migrations/link';
import { decode } from './index';
import { V1_FIXTURES, type LinkFixture } from './fixtures/v1';
import { V2_FIXTURES } from './fixtures/v2';

/** Every link version ever written, with its frozen links. */
const FIXTURES: Record<number, readonly LinkFixture[]> = { 1: V1_FIXTURES, 2: V2_FIXTURES };

/** JSON with object keys sorted, so the hash does not depend on key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );
}

describe('frozen share-link fixtures', () => {
  it('has fixtures for every version from the oldest readable to the current', () => {
    for (let v = LINK_MIGRATIONS.oldest; v <= LINK_MIGRATIONS.current; v++)
      expect(FIXTURES[v]?.length).toBeGreaterThan(0);
  });

  for (const [version, fixtures] of Object.entries(FIXTURES))
    for (const f of fixtures)
      it(`v${version}: ${f.name} (${f.link.length} chars) still decodes to the same state`, () => {
        expect(f.link.startsWith(`#v${version}.`)).toBe(true);
        const r = decode(f.link);
        expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
        if (!r.ok) return;
        expect(r.migratedFrom).toBe(
          Number(version) === LINK_MIGRATIONS.current ? undefined : Number(version),
        );
        const { scenario, ...view } = r.state;
        expect(view).toEqual(f.view);
        expect({
          pods: scenario.pods.length,
          services: scenario.services.length,
          policies: scenario.networkPolicies.length,
          designs: scenario.designs,
          mtu: scenario.cluster.mtu,
        }).toEqual({ ...f.scenario, sha256: undefined });
        expect(
          createHash('sha256').update(canonical(scenario)).digest('hex'),
          'the scenario changed: a preset or the diff format changed under an old link; add a link migration',
        ).toBe(f.scenario.sha256);
      });
});
