import type { Problem } from '../../core/model/cluster';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks/useT';
import { moreProblems } from '../components/moreProblems';

/** Problems listed under one field at most. */
const SHOWN = 12;
import type { EditStatus } from './useEditRun';

/** Problems (from the worker, or the form's own checks) shown right under the field they name. */
export function FieldProblems({
  id,
  problems,
  local,
}: {
  id: string;
  problems: Problem[];
  /** The form's own message for this field (syntax), if any. */
  local?: string | null;
}) {
  const t = useT();
  if (!local && problems.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-800" data-testid="field-problem">
      {local && <li>{local}</li>}
      {problems.slice(0, SHOWN).map((p, i) => (
        <li key={`${i}:${p.code}:${p.path}`} data-code={p.code} data-path={p.path}>
          <span className="font-semibold">{t.t(`problem.${p.code}` as MessageKey)}</span>: {t.problem(p)}
        </li>
      ))}
      {problems.length > SHOWN && <li>{t.problem(moreProblems(problems.length - SHOWN))}</li>}
    </ul>
  );
}

/** Props that tie an input to its problem list. */
export function invalidProps(id: string, bad: boolean) {
  return bad ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}

/** "Checking…", "Applied." or "Not applied…" after a change, announced politely. */
export function EditStatusLine({ status, testid }: { status: EditStatus; testid?: string }) {
  const t = useT();
  const text =
    status === 'checking'
      ? t.t('editor.checking')
      : status === 'applied'
        ? t.t('editor.applied')
        : status === 'rejected'
          ? t.t('editor.rejected')
          : '';
  return (
    <p
      role="status"
      data-testid={testid}
      data-status={status}
      className={`min-h-5 text-sm ${status === 'rejected' ? 'font-semibold text-red-800' : 'text-slate-700'}`}
    >
      {text}
    </p>
  );
}

/** A text field without a width (the caller sets one). */
export const fieldClass =
  'kne-focus rounded-md border border-slate-500 bg-white px-2 py-1 font-mono text-sm aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700';
export const inputClass = `${fieldClass} w-full`;
export const labelClass = 'block text-sm font-semibold text-slate-700';
export const smallBtn =
  'kne-focus rounded-md border border-slate-500 bg-white px-2.5 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:border-slate-300 disabled:text-slate-500';
export const primaryBtn =
  'kne-focus rounded-md bg-sky-700 px-3 py-1 text-sm font-bold text-white hover:bg-sky-800 disabled:bg-slate-400';
