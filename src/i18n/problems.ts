import { PROBLEM_MESSAGES } from '../core/model/problem-messages';
import type { Lang } from './lang';

/**
 * Validation problems by `problem.say.key` (the keys the core emits,
 * src/core/model/problem-messages.ts), in both languages. Placeholders are `{name}`, filled from
 * `say.args`. A missing key or arg falls back to the core's own English `message`.
 */
export const PROBLEM_SENTENCES: Record<Lang, Readonly<Record<string, string>>> = {
  // English is the core's own wording (one source, no drift).
  en: PROBLEM_MESSAGES,
  ja: {
    'problem.more': 'ほかに同じ種類の問題が {count} 件あります',
    'problem.moreAll': 'ほかに {count} 件の問題があります',
  },
};
