import { useEffect, useRef } from 'react';
import { COMING_LESSONS, LESSONS } from '../../lessons/registry';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { useLessonUi } from './lessonUi';

/** The header's Lessons button: a disclosure listing every lesson with the learner's progress. */
export function LessonMenu() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const current = useApp((s) => s.lesson?.id ?? null);
  const openLessonStep = useApp((s) => s.openLessonStep);
  const { menuOpen, setMenuOpen, progress } = useLessonUi();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !toggle.current?.contains(target)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [menuOpen, setMenuOpen]);

  const pick = (id: string) => {
    setMenuOpen(false);
    void openLessonStep(id, 0).then(() => document.getElementById('lesson-heading')?.focus());
  };

  return (
    <div className="relative">
      <button
        ref={toggle}
        type="button"
        aria-expanded={menuOpen}
        aria-controls="lesson-menu"
        className="kne-focus rounded-md border border-sky-800 bg-white px-3 py-1.5 text-sm font-semibold text-sky-900 hover:bg-sky-50"
        data-testid="lessons-toggle"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        {t.t('lessons.open')}
      </button>
      {menuOpen && (
        <div
          ref={panel}
          id="lesson-menu"
          role="region"
          aria-label={t.t('lessons.menu')}
          className="absolute right-0 z-50 mt-1 w-[min(26rem,90vw)] rounded-xl border border-slate-300 bg-white p-2 shadow-xl"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setMenuOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          <ol className="flex flex-col gap-1">
            {LESSONS.map((l, i) => {
              const p = progress[l.id];
              const done = p?.steps.length ?? 0;
              return (
                <li key={l.id}>
                  <button
                    type="button"
                    aria-current={current === l.id ? 'true' : undefined}
                    className="kne-focus flex w-full items-baseline gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-sky-50 aria-[current=true]:bg-sky-100"
                    data-testid={`lesson-${l.id}`}
                    onClick={() => pick(l.id)}
                  >
                    <span className="w-6 shrink-0 text-right font-mono text-slate-600">{i + 1}.</span>
                    <span className="flex-1 font-semibold text-slate-900">{l.title[lang]}</span>
                    <span className="shrink-0 text-xs text-slate-700">
                      {p?.finished
                        ? `✓ ${t.t('lessons.done')}`
                        : t.t('lessons.progress', { done, total: l.steps.length })}
                    </span>
                  </button>
                </li>
              );
            })}
            {COMING_LESSONS.map((l) => (
              <li
                key={l.id}
                className="px-2 py-1.5 pl-10 text-sm text-slate-700"
                data-testid={`lesson-${l.id}`}
              >
                {t.t('lessons.coming', { title: l.title[lang] })}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
