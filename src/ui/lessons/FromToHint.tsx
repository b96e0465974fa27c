import { useApp } from '../../store';
import { useT } from '../hooks/useT';

/** Says what From, To and Trace do; while nothing is traced yet, says what to do first. */
export function FromToHint() {
  const t = useT();
  const traced = useApp((s) => s.trace !== null);
  return (
    <p className="px-1 text-xs leading-snug text-slate-700" data-testid="from-to-hint">
      {traced ? t.t('hint.fromTo') : t.t('hint.noTrace')}
    </p>
  );
}
