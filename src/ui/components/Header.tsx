import type { ReactNode } from 'react';
import { useT } from '../hooks/useT';
import { LanguageToggle } from './LanguageToggle';

/** Title, an optional middle slot (the scenario bar) and the language switch, in one compact row. */
export function Header({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-300 bg-white px-4 py-2">
      <div className="min-w-0">
        <h1 className="text-lg leading-tight font-bold 2xl:text-xl tracking-tight text-slate-900">
          {t.t('app.title')}
        </h1>
        <p className="text-xs text-slate-700 xl:max-2xl:hidden">{t.t('app.tagline')}</p>
      </div>
      <div className="min-w-0 flex-1">{children}</div>
      <LanguageToggle />
    </header>
  );
}
