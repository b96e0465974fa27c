import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importYaml } from '../manifests';
import { loadScenario } from '../load';
import { smallScenario } from '../presets/small';
import { MAX_NESTING } from '../nesting';
import { MAX_KEYS_PER_MAPPING } from './bounds';

const SEED = 20261202;
const base = smallScenario();

/** Every error is placed: a line, a field path, or (for the whole input) document 0. */
function located(errors: { document: number; line: number | null; path: string; message: string }[]) {
  for (const e of errors) {
    expect(e.message.length).toBeGreaterThan(3);
    expect(e.line !== null || e.path !== '' || e.document === 0, JSON.stringify(e)).toBe(true);
  }
}

describe('hostile YAML and JSON', () => {
  it('the importer never throws on arbitrary text, and locates every error (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc
            .array(
              fc.constantFrom(
                '[',
                ']',
                '{',
                '}',
                '- ',
                ':',
                '\n',
                '  ',
                'a',
                '"',
                "'",
                '#',
                '---\n',
                '&x ',
                '*x',
              ),
              {
                maxLength: 300,
              },
            )
            .map((a) => a.join('')),
          fc.jsonValue({ maxDepth: 8 }).map((v) => stringify(v)),
          fc
            .jsonValue({ maxDepth: 5 })
            .map((v) => stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: v })),
        ),
        (text) => {
          const r = importYaml(text, base);
          located(r.errors);
          expect(r.scenario === null).toBe(r.errors.length > 0);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('nesting past the bound is one located error, whatever the brackets or indentation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_NESTING + 1, max: 50_000 }),
        fc.constantFrom('[', '{', 'a: {', '- '),
        (n, open) => {
          const r = importYaml(open.repeat(n), base);
          expect(r.errors).toHaveLength(1);
          expect(r.errors[0]!.line).toBe(1);
          expect(r.errors[0]!.message).toMatch(/nests deeper than 64 levels \(line 1, column \d+\)/);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
    let block = '';
    for (let i = 0; i <= MAX_NESTING + 1; i++) block += `${' '.repeat(i)}k${i}:\n`;
    const r = importYaml(block, base);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain('nests deeper than 64 levels');
  });

  it('300 KB of "[" is refused at once, not after a stack overflow', () => {
    const r = importYaml('['.repeat(300_000), base);
    expect(r.errors).toEqual([
      {
        document: 0,
        line: 1,
        path: '',
        message: 'the YAML nests deeper than 64 levels (line 1, column 64)',
        say: { key: 'import.error.nesting', args: { max: 64, line: 1, column: 64 } },
      },
    ]);
  });

  it('a mapping wider than the bound is one located error; duplicate keys are still found', () => {
    const wide = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n${Array.from(
      { length: 20_000 },
      (_, i) => `    k${i}: v`,
    ).join('\n')}\nspec:\n  containers: [{name: a}]\n`;
    const r = importYaml(wide, base);
    expect(r.errors).toEqual([
      {
        document: 1,
        line: 6,
        path: '',
        message: `a mapping with 20000 keys; at most ${MAX_KEYS_PER_MAPPING} are accepted`,
        say: { key: 'import.error.tooManyKeys', args: { count: 20000, max: MAX_KEYS_PER_MAPPING } },
      },
    ]);
    const dup = importYaml('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  name: y\n', base);
    expect(dup.errors).toMatchObject([{ document: 1, line: 5, message: expect.stringContaining('unique') }]);
  });

  it('scenario JSON: never throws, paths on every error, depth and size bounded (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.string({ maxLength: 200 })), (v) => {
        const r = loadScenario(typeof v === 'string' ? v : JSON.stringify(v));
        if (!r.ok) for (const e of r.errors) expect(e.path.startsWith('$'), e.path).toBe(true);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(loadScenario(`{"a":${'['.repeat(100_000)}`)).toMatchObject({
      ok: false,
      errors: [{ path: '$', message: expect.stringContaining('nests deeper than 64 levels') }],
    });
    expect(loadScenario(' '.repeat(6 * 1024 * 1024))).toMatchObject({ ok: false, errors: [{ path: '$' }] });
    expect(loadScenario('')).toMatchObject({ ok: false, errors: [{ message: 'the file is empty' }] });
  });
});
