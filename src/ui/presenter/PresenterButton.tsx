import { useEffect } from 'react';
import { useT } from '../hooks/useT';
import { usePresenter } from './presenterStore';
import { CompactLabel } from '../components/CompactLabel';

/** Enters presenter mode; the P key does too (outside text fields). */
export function PresenterButton() {
  const t = useT();
  const setOn = usePresenter((s) => s.setOn);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'p' && e.key !== 'P')) return;
      if (
        el &&
        (el.tagName === 'INPUT' ||
          el.tagName === 'SELECT' ||
          el.tagName === 'TEXTAREA' ||
          el.isContentEditable)
      )
        return;
      e.preventDefault();
      setOn(!usePresenter.getState().on);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOn]);
  return (
    <button
      type="button"
      className="kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100"
      aria-keyshortcuts="P"
      data-testid="presenter-enter"
      aria-label={t.t('presenter.enter')}
      onClick={() => setOn(true)}
    >
      <CompactLabel full={t.t('presenter.enter')} short={t.t('layout.short.presenter')} />
    </button>
  );
}
