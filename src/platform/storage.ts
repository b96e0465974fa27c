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
