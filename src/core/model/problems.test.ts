import { describe, expect, it } from 'vitest';
import { buildEngine } from '../engine';
import { smallScenario } from '../../scenario/presets/small';
import { capProblems, PROBLEMS_PER_KIND } from './problems';
import type { Problem } from './cluster';

describe('capped problem lists', () => {
  it('keeps a few of each code and counts the rest', () => {
    const many: Problem[] = Array.from({ length: 100_000 }, (_, i) => ({
      code: 'DUPLICATE_NAME' as const,
      path: `pods[${i}].metadata.name`,
      message: 'Pod default/x appears twice',
    }));
    const one: Problem = { code: 'INVALID_IP', path: 'x', message: 'bad' };
    const capped = capProblems([one, ...many]);
    expect(capped).toHaveLength(PROBLEMS_PER_KIND + 2);
    expect(capped[0]).toBe(one);
    expect(capped.at(-1)).toMatchObject({
      code: 'DUPLICATE_NAME',
      more: 100_000 - PROBLEMS_PER_KIND,
      message: 'and 99,990 more of the same kind',
    });
  });

  it('a scenario of 100,000 Pods with one name gives a short list from the engine', () => {
    const s = smallScenario();
    const pod = s.pods[0]!;
    const { engine, problems } = buildEngine({ ...s, pods: Array.from({ length: 100_000 }, () => pod) });
    expect(engine).toBeNull();
    expect(problems.length).toBeLessThanOrEqual(4 * PROBLEMS_PER_KIND);
    expect(problems.map((p) => p.message).join('; ').length).toBeLessThan(10_000);
    expect(problems.some((p) => p.more === 100_000 - 1 - PROBLEMS_PER_KIND)).toBe(true);
  });
});
