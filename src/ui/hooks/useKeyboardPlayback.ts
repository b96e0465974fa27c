import { useEffect } from 'react';
import { useAppStoreApi } from '../../store';

/** Controls that use these keys themselves keep them. */
function ownsKeys(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return true;
  if (
    (key === ' ' || key === 'Enter') &&
    (tag === 'BUTTON' || tag === 'A' || el.getAttribute('role') === 'tab')
  )
    return true;
  return el.closest('[role="tablist"]') !== null;
}

/** Page-wide playback keys: ← / → step, Space play/pause, Home / End first/last hop. */
export function useKeyboardPlayback(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target, e.key)) return;
      const s = store.getState();
      if (!s.trace) return;
      const act: Record<string, () => void> = {
        ArrowRight: s.stepForward,
        ArrowLeft: s.stepBack,
        ' ': s.togglePlay,
        Home: s.firstHop,
        End: s.lastHop,
      };
      const f = act[e.key];
      if (!f) return;
      e.preventDefault();
      f();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
