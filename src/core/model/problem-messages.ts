import type { Say } from '../trace/types';

/**
 * English sentences of validation problems by key (the page translates them, src/i18n/problems.ts;
 * the CLI prints `message`). Placeholders are `{name}`, filled from the problem's `say.args`.
 */
export const PROBLEM_MESSAGES: Readonly<Record<string, string>> = {
  'problem.more': 'and {count} more of the same kind',
  'problem.moreAll': 'and {count} more problems',
};

/** Fills a template the way the page does, so `message` and the page's English never differ. */
export function sayText(say: Say): string {
  const tpl = PROBLEM_MESSAGES[say.key];
  if (tpl === undefined) throw new Error(`no problem message ${say.key}`);
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = say.args[k];
    if (v === undefined) throw new Error(`problem message ${say.key} needs {${k}}`);
    return typeof v === 'number' ? v.toLocaleString('en-US') : v;
  });
}
