import { useT } from '../hooks/useT';
import { LanguageToggle } from './LanguageToggle';

export function Header() {
  const t = useT();
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-300 bg-white px-5 py-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t.t('app.title')}</h1>
        <p className="text-sm text-slate-700">{t.t('app.tagline')}</p>
      </div>
      <LanguageToggle />
    </header>
  );
}
