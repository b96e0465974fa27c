import { describe, expect, it } from 'vitest';
import { buildEngine, engineHttpTrace, engineTopology, engineTrace } from '../core/engine';
import { isHttpTraceError } from '../core/trace/http-trace';
import { buildPreset, isPresetId } from '../scenario/presets/registry';
import { claimMismatches, highlightId } from './claims';
import { COMING_LESSONS, LESSONS, loadLessonText } from './registry';
import type { Lesson, LessonStep } from './types';

/**
 * Every step of every lesson, replayed on the engine: the hop, device and facts the text points
 * at must be what the simulation produces, the right answer must hold and every wrong one must not.
 * A change to the datapath that makes a lesson wrong fails here, not in a classroom.
 */

function run(step: LessonStep) {
  const scenario = { ...buildPreset(step.preset), designs: step.designs };
  const { engine, problems } = buildEngine(scenario);
  if (!engine) throw new Error(problems.map((p) => p.message).join('; '));
  if (!step.request) return { topology: engineTopology(engine), trace: engineTrace(engine, step.probe) };
  const { url, method } = step.request;
  const trace = engineHttpTrace(engine, { from: step.probe.from, url, ...(method ? { method } : {}) });
  if (isHttpTraceError(trace)) throw new Error(JSON.stringify(trace.error));
  return { topology: engineTopology(engine), trace };
}

const cases = LESSONS.flatMap((l: Lesson) => l.steps.map((s) => [`${l.id}/${s.id}`, s] as const));

describe('lessons replayed on the engine', () => {
  it.each(cases)('%s: the claims hold', (_, step) => {
    expect(isPresetId(step.preset)).toBe(true);
    const { topology, trace } = run(step);
    expect(claimMismatches(step.expect, trace, step.hop, topology)).toEqual([]);
    for (const h of step.highlights) expect(highlightId(topology, h), JSON.stringify(h)).toBeDefined();
    if (!step.question) return;
    const { choices, answer } = step.question;
    expect(choices.map((c) => c.id)).toContain(answer);
    for (const c of choices) {
      const holds = claimMismatches(c.claim, trace, step.hop, topology).length === 0;
      expect([c.id, holds]).toEqual([c.id, c.id === answer]);
    }
  });
});

describe('lesson registry and text', () => {
  it('has unique lesson and step ids, and the Ingress/Gateway lesson is written (no longer coming)', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(new Set(l.steps.map((s) => s.id)).size).toBe(l.steps.length);
    expect(LESSONS.map((l) => l.id)).toContain('ingress-gateway');
    expect(COMING_LESSONS.map((l) => l.id)).not.toContain('ingress-gateway');
    // The client leg a request step names is itself a valid probe (the page shows it before the HTTP trace).
    for (const l of LESSONS)
      for (const s of l.steps.filter((x) => x.request))
        expect(
          engineTrace(buildEngine({ ...buildPreset(s.preset), designs: s.designs }).engine!, s.probe).verdict,
        ).toBe('delivered');
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: every step has prose in en and ja',
    async (_, lesson) => {
      const text = await loadLessonText(lesson.id);
      for (const lang of ['en', 'ja'] as const) {
        const prose = text[lang];
        expect(prose.summary.length).toBeGreaterThan(20);
        expect(Object.keys(prose.steps).sort()).toEqual(lesson.steps.map((s) => s.id).sort());
        for (const step of lesson.steps) {
          const p = prose.steps[step.id]!;
          expect(p.title.length).toBeGreaterThan(3);
          expect(p.body.length).toBeGreaterThan(0);
          if (!step.question) {
            expect(p.question, `${lang} ${lesson.id}/${step.id}`).toBeUndefined();
            continue;
          }
          expect(p.question, `${lang} ${lesson.id}/${step.id}`).toBeDefined();
          expect(Object.keys(p.question!.choices).sort()).toEqual(
            step.question.choices.map((c) => c.id).sort(),
          );
          expect(p.question!.explain.length).toBeGreaterThan(20);
        }
      }
      // Japanese prose is Japanese, not a copy of the English.
      expect(text.ja.summary).toMatch(/[\u3040-\u30ff]/);
    },
  );
});
