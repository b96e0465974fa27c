import { useMemo } from 'react';
import { translator, type Translator } from '../../i18n';
import { useApp } from '../../store';

/** The translator for the current language; components re-render when the language changes. */
export function useT(): Translator {
  const lang = useApp((s) => s.lang);
  return useMemo(() => translator(lang), [lang]);
}
