import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRECEDENCE_STEPS } from '../core/l7';
import { L7_CORE_EN, L7_CORE_JA } from './l7-core';

const CORE = fileURLToPath(new URL('../core/l7/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(`${dir}${e.name}/`)
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [readFileSync(`${dir}${e.name}`, 'utf8')]
        : [],
  );
}

describe('every message key the L7 core emits has English and Japanese text', () => {
  it('literal keys and the precedence steps', () => {
    const literal = sources(CORE).flatMap((t) =>
      [...t.matchAll(/'(l7\.(?:why|error|request)\.\w+)'/g)].map((m) => m[1]!),
    );
    const keys = new Set([...literal, ...PRECEDENCE_STEPS.map((s) => `l7.why.${s}`)]);
    expect(keys.size).toBeGreaterThan(20);
    for (const k of keys) {
      expect(L7_CORE_EN, k).toHaveProperty([k]);
      expect(L7_CORE_JA, k).toHaveProperty([k]);
    }
    // Placeholders agree between the languages.
    const holes = (t: string): string[] => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const k of Object.keys(L7_CORE_EN) as (keyof typeof L7_CORE_EN)[])
      expect(holes(L7_CORE_JA[k]), k).toEqual(holes(L7_CORE_EN[k]));
  });
});
