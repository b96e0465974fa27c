import { LANGS } from '../../i18n';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';

export function LanguageToggle() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const setLanguage = useApp((s) => s.setLanguage);
  return (
    <div
      role="group"
      aria-label={t.t('lang.label')}
      className="flex overflow-hidden rounded-lg border border-slate-500"
    >
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          data-testid={`lang-${l}`}
          className={`kne-focus px-3 py-1.5 text-sm font-semibold ${lang === l ? 'bg-slate-800 text-white' : 'bg-white text-slate-800 hover:bg-slate-100'}`}
          onClick={() => setLanguage(l)}
        >
          {t.t(l === 'en' ? 'lang.en' : 'lang.ja')}
        </button>
      ))}
    </div>
  );
}
