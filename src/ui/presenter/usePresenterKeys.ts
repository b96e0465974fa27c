import { useEffect } from 'react';
import { findLesson } from '../../lessons/registry';
import { useAppStoreApi } from '../../store';
import { usePresenter } from './presenterStore';

/**
 * The clicker: PageDown, →, ↓ and Space step forward; PageUp, ←, ↑ step back; at the end of a trace
 * the next lesson step opens (and before its start, the previous one). Escape leaves. Handled in the
 * capture phase, so the page's own playback keys do not also act on the same press.
 */
export function usePresenterKeys(): void {
  const store = useAppStoreApi();
  const on = usePresenter((s) => s.on);
  const setOn = usePresenter((s) => s.setOn);
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')
      )
        return;
      const fwd = ['PageDown', 'ArrowRight', 'ArrowDown', ' '].includes(e.key);
      const back = ['PageUp', 'ArrowLeft', 'ArrowUp'].includes(e.key);
      if (e.key === 'Escape') setOn(false);
      else if (fwd || back) {
        const s = store.getState();
        const last = (s.trace?.hops.length ?? 1) - 1;
        const lesson = s.lesson ? findLesson(s.lesson.id) : undefined;
        if (s.playing) s.pause();
        if (fwd && s.hopIndex < last) s.stepForward();
        else if (back && s.hopIndex > 0) s.stepBack();
        else if (lesson && s.lesson) {
          const next = s.lesson.step + (fwd ? 1 : -1);
          if (next >= 0 && next < lesson.steps.length) void s.openLessonStep(lesson.id, next);
        }
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [on, setOn, store]);
}
