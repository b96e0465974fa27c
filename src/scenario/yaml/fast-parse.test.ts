import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { DEFAULT_CLUSTER } from '../../core/model/scenario';
import { generateScenario } from '../presets/generate';
import { smallScenario } from '../presets/small';
import { exportYaml } from './export';
import { fastParseAll } from './fast-parse';

/** What the importer read before the fast reader: the `yaml` package's documents, as values. */
const reference = (text: string): unknown[] =>
  parseAllDocuments(text, { uniqueKeys: false }).map((d) =>
    d.contents === null ? undefined : d.toJS({ maxAliasCount: 100 }),
  );

/** The fast reader either declines (null) or gives exactly the reference documents. */
const agrees = (text: string): boolean => {
  const fast = fastParseAll(text);
  if (fast === null) return true;
  expect(fast.map((d) => d.value)).toEqual(reference(text));
  return true;
};

const CASES = [
  '',
  '# only a comment\n',
  '---\n',
  '---\n---\n',
  'a: 1\n---\n',
  '# head\n---\na: 1\n',
  'a: 1\n---\nb: 2\n---\n# c\n---\nc: 3',
  'a:\n- 1\n- x\nb:\n  - y: 1\n    z: [] \n  - {}\n',
  'a: ~\nb: null\nc: NULL\nd:\ne: true\nf: False\ng: 012\nh: -3\ni: 1.50\nj: .5\nk: 1e3\nl: +7\n',
  'a: 0x1F\n',
  'a: 0o17\n',
  'a: .inf\n',
  'a: 123456789012345678901\n',
  'a: "24"\nb: \'it\'\'s\'\nc: "\\"q\\" \\u00e9\\n"\nd: "#x"\n',
  'a: b # trailing comment\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: |\n  line\n',
  'a: >\n  folded\n',
  'a: multi\n  line\n',
  'a: 1\na: 2\n',
  '"k": v\n"a b": c\n',
  'true: 1\n',
  '1: x\n',
  '- - a\n  - b\n- c\n',
  '-\n  a: 1\n- \n',
  'a:\n  b:\n    c: d\n  e: f\ng: h\n',
  'a: [1, 2]\n',
  'a: {b: 1}\n',
  'image: nginx:1.25\nurl: http://x/y\n',
  'a: - b\n',
  'a:\tb\n',
  'a: 1\r\nb: 2\r\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n...\n',
  '--- a: 1\n',
  'plain\n',
  '__proto__: 1\n',
  '<<: {}\n',
  'a:   spaced   \nb: -x\nc: x-\n',
  'a:\n  - b\n  -   c: 1\n      d: 2\n',
];

describe('fastParseAll', () => {
  it('gives the yaml package’s values or declines, on edge cases', () => {
    for (const text of CASES) expect(agrees(text), text).toBe(true);
  });

  it('reads the whole export of generated clusters (no fallback) with the same values', () => {
    for (const seed of [1, 2]) {
      const s = generateScenario(
        { nodes: 3, pods: 40, services: 6, policies: 12, cluster: { ...DEFAULT_CLUSTER } },
        seed,
      );
      const text = exportYaml(s);
      expect(fastParseAll(text)).not.toBeNull();
      agrees(text);
    }
    agrees(exportYaml(smallScenario()));
  });

  it('agrees with the yaml package on random values it stringifies', () => {
    const key = fc.oneof(
      fc.constantFrom('a', 'b', 'app.kubernetes.io/name', 'x y', '80', 'true', 'null', 'k:v', '-k'),
      fc.string({ maxLength: 6 }),
    );
    const leaf = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', '~', 'null', 'True', '0x1F', '1.0', '.inf', '#', 'a #b', 'a: b', '- a', "'", '"'),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).map;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, indentSeq) => {
        const text = docs.map((d) => stringify(d, { indentSeq })).join('---\n');
        return agrees(text);
      }),
      { numRuns: 400 },
    );
  });
});
