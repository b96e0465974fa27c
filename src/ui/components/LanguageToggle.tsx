import { LANGS } from '../../i18n';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { useEffect, useState } from 'react';
import { hasSystemCjkFont, loadGlyphs } from '../../platform/fonts';

/**
 * The Japanese label is shown in English too: its characters enter the page only once their glyphs
 * are loaded (platform/fonts.ts: Chromium keeps text it shaped while a slice loaded as boxes).
 */
function useGlyphs(text: string): boolean {
  const [ready, setReady] = useState(hasSystemCjkFont);
  useEffect(() => {
    let live = true;
    void loadGlyphs(text).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [text]);
  return ready;
}

export function LanguageToggle() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const setLanguage = useApp((s) => s.setLanguage);
  const jaLabel = t.t('lang.ja');
  const ready = useGlyphs(jaLabel);
  return (
    <div
      role="group"
      aria-label={t.t('lang.label')}
      className="kne-clip flex overflow-hidden rounded-lg border border-slate-500"
    >
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          aria-label={l === 'ja' && !ready ? jaLabel : undefined}
          data-testid={`lang-${l}`}
          className={`kne-focus px-3 py-1.5 text-sm font-semibold ${lang === l ? 'bg-slate-800 text-white' : 'bg-white text-slate-800 hover:bg-slate-100'}`}
          onClick={() => setLanguage(l)}
        >
          {l === 'en' ? (
            t.t('lang.en')
          ) : ready ? (
            jaLabel
          ) : (
            // Em spaces hold the width; nothing to shape yet (the button's aria-label names it).
            <span aria-hidden="true">{'\u2003'.repeat(jaLabel.length)}</span>
          )}
        </button>
      ))}
    </div>
  );
}
