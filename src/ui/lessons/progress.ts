/**
 * What the learner did, kept in this browser: the welcome message dismissed, and per lesson the
 * steps answered or read. Every access survives blocked or full storage (then nothing is kept, and
 * the page works the same for this visit).
 */
const WELCOME_KEY = 'kne.welcome.dismissed';
const PROGRESS_KEY = 'kne.lessons.progress';

export type Progress = Record<string, { steps: string[]; finished: boolean }>;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // blocked or full: progress is not kept beyond this visit
  }
}

export const welcomeDismissed = (): boolean => read(WELCOME_KEY) === '1';
export const dismissWelcome = (): void => write(WELCOME_KEY, '1');

export function loadProgress(): Progress {
  const text = read(PROGRESS_KEY);
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    const out: Progress = {};
    for (const [id, p] of Object.entries(v as Record<string, unknown>)) {
      const rec = p as { steps?: unknown; finished?: unknown };
      const steps = Array.isArray(rec?.steps)
        ? rec.steps.filter((s): s is string => typeof s === 'string')
        : [];
      out[id] = { steps, finished: rec?.finished === true };
    }
    return out;
  } catch {
    return {};
  }
}

export function saveProgress(p: Progress): void {
  write(PROGRESS_KEY, JSON.stringify(p));
}
