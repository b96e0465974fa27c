import type { Problem } from './cluster';

/**
 * Problem lists are bounded where they leave the engine: like `kubectl` printing a field error list,
 * a few of each kind are kept with their paths and the rest are counted, so a scenario of 100,000
 * Pods with one name gives ten located problems and "and 99,990 more of the same kind", never a list
 * the page has to render (or a worker answer it has to copy) in full.
 */

/** Problems kept per code; the rest become one counted summary per code. */
export const PROBLEMS_PER_KIND = 10;

/** The summary sentence for `more` problems not listed (English; the page translates `say`). */
export const moreOfTheSameKind = (more: number): string =>
  `and ${more.toLocaleString('en-US')} more of the same kind`;

/** Keeps the first `perKind` problems of each code, in order, and appends one count per cut code. */
export function capProblems(problems: Problem[], perKind = PROBLEMS_PER_KIND): Problem[] {
  if (problems.length <= perKind) return problems;
  const seen = new Map<Problem['code'], number>();
  const kept: Problem[] = [];
  for (const p of problems) {
    const n = (seen.get(p.code) ?? 0) + 1;
    seen.set(p.code, n);
    if (n <= perKind) kept.push(p);
  }
  for (const [code, n] of seen)
    if (n > perKind) {
      const more = n - perKind;
      kept.push({
        code,
        path: '$',
        message: moreOfTheSameKind(more),
        more,
        say: { key: 'problem.more', args: { count: more } },
      });
    }
  return kept;
}

/** Generic form for other finding lists (import notices): the first `limit`, and how many were cut. */
export function capList<T>(items: readonly T[], limit: number): { items: T[]; more: number } {
  return items.length <= limit
    ? { items: [...items], more: 0 }
    : { items: items.slice(0, limit), more: items.length - limit };
}
