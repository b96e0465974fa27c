import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { moreProblems } from './moreProblems';

/** Problems listed at most; the worker already keeps only a few of each kind and counts the rest. */
const SHOWN = 30;

/** Worker errors and scenario problems, always visible: the app never goes blank. */
export function ErrorBanner() {
  const t = useT();
  const error = useApp((s) => s.error);
  const problems = useApp((s) => s.problems);
  const dismiss = useApp((s) => s.dismissError);
  const lost = useApp((s) => s.workerLost);
  if (!error && problems.length === 0 && !lost) return null;
  return (
    <div
      role="alert"
      className="mx-4 mt-3 rounded-lg border-2 border-red-700 bg-red-50 px-4 py-3 text-red-950"
      data-testid="error"
    >
      {lost && (
        <div className="flex items-start justify-between gap-3" data-testid="worker-restarted">
          <p>{t.t(`error.workerRestarted.${lost}`)}</p>
          {!error && (
            <button
              type="button"
              className="kne-focus rounded border border-red-800 px-2 py-0.5 text-sm"
              onClick={dismiss}
            >
              {t.t('error.dismiss')}
            </button>
          )}
        </div>
      )}
      {error && (
        <div className="flex items-start justify-between gap-3">
          <p>{t.t('error.worker', { message: error })}</p>
          <button
            type="button"
            className="kne-focus rounded border border-red-800 px-2 py-0.5 text-sm"
            onClick={dismiss}
          >
            {t.t('error.dismiss')}
          </button>
        </div>
      )}
      {problems.length > 0 && (
        <>
          <p className="font-semibold">{t.t('error.problems')}</p>
          <ul className="list-disc pl-6 font-mono text-sm">
            {problems.slice(0, SHOWN).map((p, i) => (
              <li key={`${i}:${p.path}:${p.code}`} data-code={p.code} data-path={p.path}>
                {p.more === undefined && `${p.path}: `}
                {t.problem(p)}
              </li>
            ))}
            {problems.length > SHOWN && <li>{t.problem(moreProblems(problems.length - SHOWN))}</li>}
          </ul>
        </>
      )}
    </div>
  );
}
