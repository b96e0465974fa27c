import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { findLesson } from '../../lessons/registry';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { usePresenter } from './presenterStore';
import { usePresenterKeys } from './usePresenterKeys';
import './presenter.css';

/**
 * Presenter mode's chrome over the full-screen canvas: the hop's sentence as a large caption, where
 * we are (hop n of N, the lesson step), the keys, and a way out. The caption is a live region, so a
 * screen reader hears each hop as the clicker moves.
 */
export function PresenterOverlay() {
  const t = useT();
  const on = usePresenter((s) => s.on);
  const setOn = usePresenter((s) => s.setOn);
  const trace = useApp((s) => s.trace);
  const hopIndex = useApp((s) => s.hopIndex);
  const ref = useApp((s) => s.lesson);
  const lang = useApp((s) => s.lang);
  usePresenterKeys();
  useEffect(() => {
    document.documentElement.classList.toggle('kne-presenting', on);
    if (on) document.getElementById('presenter-exit')?.focus();
    return () => document.documentElement.classList.remove('kne-presenting');
  }, [on]);
  if (!on) return null;
  const hop = trace?.hops[hopIndex];
  const lesson = ref ? findLesson(ref.id) : undefined;
  return createPortal(
    <div
      role="region"
      aria-label={t.t('presenter.label')}
      className="pointer-events-none fixed inset-0 z-[70] flex flex-col justify-between"
      data-testid="presenter"
    >
      <div className="pointer-events-auto flex items-start justify-between gap-4 p-4">
        <p className="rounded-lg bg-slate-900/85 px-4 py-2 text-[clamp(1rem,1.4vw,1.6rem)] font-semibold text-white">
          {lesson && ref
            ? `${lesson.title[lang]} · ${t.t('lessons.stepOf', { n: ref.step + 1, total: lesson.steps.length })}`
            : t.t('app.title')}
        </p>
        <button
          id="presenter-exit"
          type="button"
          className="kne-focus rounded-lg border-2 border-white bg-slate-900 px-4 py-2 text-lg font-bold text-white"
          aria-keyshortcuts="Escape"
          data-testid="presenter-exit"
          onClick={() => setOn(false)}
        >
          ✕ {t.t('presenter.exit')}
        </button>
      </div>
      <div className="flex h-[25vh] flex-col justify-center overflow-hidden bg-slate-950 px-[4vw] py-[1.5vh] text-white">
        <p
          className="text-[clamp(0.9rem,1.1vw,1.3rem)] font-semibold text-amber-300"
          data-testid="presenter-hop"
        >
          {trace && hop ? t.t('presenter.hop', { n: hopIndex + 1, total: trace.hops.length }) : ''}
        </p>
        <p
          className="text-[clamp(1.4rem,2.3vw,2.8rem)] leading-snug font-semibold"
          aria-live="polite"
          data-testid="presenter-caption"
        >
          {hop ? t.hop(hop) : t.t('presenter.noTrace')}
        </p>
        <p className="mt-1 text-[clamp(0.8rem,0.9vw,1.1rem)] text-slate-300">{t.t('presenter.keys')}</p>
      </div>
    </div>,
    document.body,
  );
}
