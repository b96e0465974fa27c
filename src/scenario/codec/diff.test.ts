import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadScenario } from '../load';
import { buildPreset } from '../presets/registry';
import { makePod } from '../presets/small';
import { applyDiff, diffScenario, sameJson } from './diff';

const S = buildPreset('s');

describe('scenario diff', () => {
  it('is empty for an unchanged preset and for a deep copy of it', () => {
    expect(diffScenario(S, S)).toEqual({});
    expect(diffScenario(S, structuredClone(S))).toEqual({});
  });

  it('records only the edited objects, by key, without apiVersion/kind', () => {
    const next = structuredClone(S);
    next.pods[2]!.metadata.labels = { app: 'frontend', version: 'v2' };
    next.pods.splice(4, 1);
    next.pods.push(makePod('default', 'extra', 'node-1', { app: 'x' }));
    next.cluster.mtu = 9001;
    next.designs.proxy = 'ipvs';
    const d = diffScenario(S, next);
    expect(d.k).toEqual({ mtu: 9001 });
    expect(d.d).toEqual({ proxy: 'ipvs' });
    expect(d.po).toEqual({
      r: ['default/backend-2'],
      c: [{ metadata: next.pods[2]!.metadata, spec: next.pods[2]!.spec }],
      a: [{ metadata: next.pods[5]!.metadata, spec: next.pods[5]!.spec }],
    });
    expect(d.no).toBeUndefined();
    expect(applyDiff(S, JSON.parse(JSON.stringify(d)))).toEqual(next);
  });

  it('keeps order changes and falls back to a full list for duplicate names', () => {
    const moved = structuredClone(S);
    moved.pods.reverse();
    expect(applyDiff(S, diffScenario(S, moved))).toEqual(moved);
    const dup = structuredClone(S);
    dup.pods.push(structuredClone(dup.pods[0]!));
    const d = diffScenario(S, dup);
    expect(d.po && 'x' in d.po).toBe(true);
    expect(applyDiff(S, d)).toEqual(dup);
  });

  it('round-trips random edits of the pod list (property)', () => {
    const pod = fc
      .record({
        name: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
        node: fc.constantFrom('node-1', 'node-2', 'node-3'),
      })
      .map(({ name, node }) => makePod('default', `p-${name}`, node, { app: name }));
    fc.assert(
      fc.property(
        fc.uniqueArray(pod, { selector: (p) => p.metadata.name, maxLength: 8 }),
        fc.subarray(S.pods.map((_, i) => i)),
        fc.boolean(),
        (added, kept, reverse) => {
          const next = structuredClone(S);
          next.pods = [...kept.map((i) => next.pods[i]!), ...added];
          if (reverse) next.pods.reverse();
          const wire = JSON.parse(JSON.stringify(diffScenario(S, next)));
          const back = loadScenario(applyDiff(S, wire));
          expect(back.ok && back.scenario).toEqual(next);
        },
      ),
    );
  });

  it('compares JSON values deeply, ignoring key order and undefined fields', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: {} }, { a: [] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
