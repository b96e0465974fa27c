import type { ReactNode } from 'react';
import { useT } from '../hooks/useT';
import { LanguageToggle } from './LanguageToggle';
import { revealInBar } from './revealInBar';

/**
 * Title, an optional middle slot (the scenario and teaching bars) and the language switch, in one
 * row from 1280 px wide (the buttons take short labels below 1536 px, see CompactLabel).
 */
export function Header({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <header
      onFocus={revealInBar}
      className="kne-header flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-300 bg-white px-4 py-2 xl:max-2xl:gap-x-3 xl:max-2xl:px-3"
    >
      <div className="min-w-0">
        <h1 className="text-lg leading-tight font-bold tracking-tight text-slate-900 xl:max-2xl:text-base 2xl:text-xl">
          {t.t('app.title')}
        </h1>
        <p className="text-xs text-slate-700 xl:max-2xl:hidden">{t.t('app.tagline')}</p>
      </div>
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">{children}</div>
      <LanguageToggle />
    </header>
  );
}
