import { isLang, type Lang } from '../i18n/lang';

const LANG_KEY = 'kne.lang';

/** The language from a previous visit, else the browser's preference. Storage may be blocked. */
export function loadLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // private mode or blocked storage: fall through
  }
  return typeof navigator !== 'undefined' && navigator.language?.startsWith('ja') ? 'ja' : 'en';
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not persisted; the toggle still works for this visit
  }
}

// --- the user's work (autosave and the draft set aside when a link is opened) ---

const WORK_KEYS = { autosave: 'kne.work.autosave', draft: 'kne.work.draft' } as const;
export type WorkSlot = keyof typeof WORK_KEYS;

/** Saved work in localStorage; every call survives blocked storage (then nothing is kept). */
export const workStorage = {
  read(slot: WorkSlot): string | null {
    try {
      return localStorage.getItem(WORK_KEYS[slot]);
    } catch {
      return null;
    }
  },
  write(slot: WorkSlot, text: string): boolean {
    try {
      localStorage.setItem(WORK_KEYS[slot], text);
      return true;
    } catch {
      // quota exceeded or blocked: the work stays on screen, only the save is missed
      return false;
    }
  },
  remove(slot: WorkSlot): void {
    try {
      localStorage.removeItem(WORK_KEYS[slot]);
    } catch {
      // blocked storage: nothing to remove
    }
  },
};
