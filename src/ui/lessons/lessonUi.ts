import { create } from 'zustand';
import { loadProgress, saveProgress, type Progress } from './progress';

/**
 * Page-only lesson state (never in the link): the learner's progress, whether the lesson menu is
 * open, and the answer picked for the step on screen.
 */
interface LessonUi {
  progress: Progress;
  menuOpen: boolean;
  setMenuOpen(open: boolean): void;
  markStep(lesson: string, step: string): void;
  markFinished(lesson: string): void;
}

export const useLessonUi = create<LessonUi>((set, get) => ({
  progress: loadProgress(),
  menuOpen: false,
  setMenuOpen: (menuOpen) => set({ menuOpen }),
  markStep(lesson, step) {
    const cur = get().progress[lesson] ?? { steps: [], finished: false };
    if (cur.steps.includes(step)) return;
    const progress = { ...get().progress, [lesson]: { ...cur, steps: [...cur.steps, step] } };
    saveProgress(progress);
    set({ progress });
  },
  markFinished(lesson) {
    const cur = get().progress[lesson] ?? { steps: [], finished: false };
    const progress = { ...get().progress, [lesson]: { ...cur, finished: true } };
    saveProgress(progress);
    set({ progress });
  },
}));
