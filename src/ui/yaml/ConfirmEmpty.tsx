import { useEffect, useRef } from 'react';
import { useT } from '../hooks/useT';

/**
 * Asked before a replace that would leave no Pods: replace anyway, add the objects to the current
 * cluster instead, or cancel. Focus moves to the question so a keyboard user hears it.
 */
export function ConfirmEmpty({
  nodes,
  onReplace,
  onMerge,
  onCancel,
}: {
  nodes: number;
  onReplace: () => void;
  onMerge: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const btn = 'kne-focus rounded-md px-3 py-1.5 text-sm font-semibold';
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alertdialog"
      aria-labelledby="confirm-empty-text"
      className="kne-focus rounded-md border-2 border-amber-600 bg-amber-50 px-3 py-2"
      data-testid="yaml-confirm-empty"
    >
      <p id="confirm-empty-text" className="font-semibold text-amber-950">
        {t.t('import.confirmEmpty', { nodes })}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          className={`${btn} bg-sky-700 text-white`}
          data-testid="yaml-merge-instead"
          onClick={onMerge}
        >
          {t.t('import.mergeInstead')}
        </button>
        <button
          type="button"
          className={`${btn} border border-red-800 text-red-900`}
          data-testid="yaml-replace-anyway"
          onClick={onReplace}
        >
          {t.t('import.replaceAnyway')}
        </button>
        <button
          type="button"
          className={`${btn} border border-slate-500`}
          data-testid="yaml-cancel"
          onClick={onCancel}
        >
          {t.t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
