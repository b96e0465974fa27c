import { describe, expect, it } from 'vitest';
import { LINK_MIGRATIONS } from './link';
import { migrate, type MigrationRegistry } from './registry';
import { SCENARIO_MIGRATIONS } from './scenario';

// A registry shaped like a future one: v1 renamed a field in v2, v2 added a default in v3.
const demo: MigrationRegistry = {
  name: 'demo',
  current: 3,
  oldest: 1,
  steps: {
    1: (d) => {
      const { lang, ...rest } = d as { lang?: string };
      return { ...rest, l: lang };
    },
    2: (d) => ({ step: 0, ...(d as object) }),
  },
};

describe('migrations', () => {
  it('chains every step from the document version to the current one', () => {
    expect(migrate(demo, { lang: 'ja' }, 1)).toEqual({
      ok: true,
      doc: { step: 0, l: 'ja' },
      migratedFrom: 1,
    });
    expect(migrate(demo, { l: 'en', step: 4 }, 2)).toEqual({
      ok: true,
      doc: { step: 4, l: 'en' },
      migratedFrom: 2,
    });
    expect(migrate(demo, { l: 'en', step: 4 }, 3)).toEqual({ ok: true, doc: { l: 'en', step: 4 } });
  });

  it('refuses newer, older-than-supported and non-integer versions with typed codes', () => {
    expect(migrate(demo, {}, 4)).toMatchObject({ ok: false, code: 'FUTURE_VERSION' });
    expect(migrate(demo, {}, 0)).toMatchObject({ ok: false, code: 'BAD_VERSION' });
    expect(migrate(demo, {}, 1.5)).toMatchObject({ ok: false, code: 'BAD_VERSION' });
    expect(migrate({ ...demo, steps: { 1: demo.steps[1]! } }, {}, 1)).toMatchObject({
      ok: false,
      code: 'BAD_VERSION',
    });
  });

  it('the real registries have a step for every version between oldest and current', () => {
    for (const reg of [LINK_MIGRATIONS, SCENARIO_MIGRATIONS])
      for (let v = reg.oldest; v < reg.current; v++)
        expect(reg.steps[v], `${reg.name} v${v}`).toBeTypeOf('function');
  });
});
