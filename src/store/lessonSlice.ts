import { findLesson } from '../lessons/registry';
import type { LessonRef } from '../scenario/view-state';
import { DEFAULT_SEED, buildPreset } from '../scenario/presets/registry';
import type { GetState, SetState } from './types';

/**
 * The guided lesson on screen (part of the share link: lesson id and step). A step is shown by
 * applying its view (preset, designs, probe) like a link would; a step that asks a question stops one
 * hop before the hop it asks about, so the learner answers before the packet moves.
 */
export interface LessonSlice {
  lesson: LessonRef | null;
  /** Loads the step (scenario, designs, flow, hop) and shows it in the lesson player. */
  openLessonStep(id: string, step: number): Promise<boolean>;
  closeLesson(): void;
}

export function createLessonSlice(set: SetState, get: GetState): LessonSlice {
  return {
    lesson: null,
    async openLessonStep(id, index) {
      const lesson = findLesson(id);
      const step = lesson?.steps[index];
      if (!lesson || !step) return false;
      const scenario = { ...buildPreset(step.preset, DEFAULT_SEED), designs: { ...step.designs } };
      const start = step.question ? Math.max(0, step.hop - 1) : step.hop;
      set({ lesson: { id, step: index } });
      const r = await get().applyViewState({
        preset: step.preset,
        seed: DEFAULT_SEED,
        scenario,
        probe: { ...step.probe },
        step: start,
        panels: [],
        lang: get().lang,
        lesson: { id, step: index },
        compare: null,
      });
      return r.ok;
    },
    closeLesson() {
      set({ lesson: null });
    },
  };
}
