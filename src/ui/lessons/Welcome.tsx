import { useState } from 'react';
import { LESSONS } from '../../lessons/registry';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { dismissWelcome, welcomeDismissed } from './progress';

const btn = 'kne-focus rounded-md border px-3 py-1.5 text-sm font-semibold disabled:opacity-60';

/**
 * The first visit: one short paragraph and two ways in (the first lesson, or free exploration).
 * Not a modal, so nothing is blocked; once dismissed either way it never comes back.
 */
export function Welcome() {
  const t = useT();
  const [shown, setShown] = useState(() => !welcomeDismissed());
  const inLesson = useApp((s) => s.lesson !== null);
  const openLessonStep = useApp((s) => s.openLessonStep);
  if (!shown || inLesson) return null;
  const close = () => {
    dismissWelcome();
    setShown(false);
  };
  const start = () => {
    close();
    void openLessonStep(LESSONS[0]!.id, 0).then(() => document.getElementById('lesson-heading')?.focus());
  };
  return (
    <section
      aria-labelledby="welcome-heading"
      className="mx-3 mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-sky-300 bg-sky-50 px-4 py-3"
      data-testid="welcome"
    >
      <div className="min-w-[16rem] flex-1">
        <h2 id="welcome-heading" className="text-base font-bold text-slate-900">
          {t.t('welcome.heading')}
        </h2>
        <p className="text-sm text-slate-800">{t.t('welcome.body')}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={`${btn} border-sky-800 bg-sky-800 text-white hover:bg-sky-900`}
          data-testid="welcome-start"
          onClick={start}
        >
          {t.t('welcome.start')}
        </button>
        <button
          type="button"
          className={`${btn} border-slate-500 bg-white text-slate-900 hover:bg-slate-100`}
          data-testid="welcome-explore"
          onClick={close}
        >
          {t.t('welcome.explore')}
        </button>
      </div>
    </section>
  );
}
