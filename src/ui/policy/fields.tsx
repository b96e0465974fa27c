import { useId, type ReactNode } from 'react';
import type { ImportIssue } from '../../scenario/yaml/types';
import { useT } from '../hooks/useT';

/** The issues that belong to a form field: its path, or (unless `exact`) anything below it. */
export function issuesAt(issues: readonly ImportIssue[], path: string, exact = false): ImportIssue[] {
  return issues.filter(
    (i) => i.path === path || (!exact && (i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))),
  );
}

export const inputClass =
  'kne-focus rounded-md border bg-white px-2 py-1 font-mono text-sm aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50 border-slate-500';

/** A labelled text input with its validation messages right below it. */
export function TextField({
  label,
  value,
  onChange,
  issues,
  testid,
  placeholder,
  hint,
  className = '',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  issues: ImportIssue[];
  testid: string;
  placeholder?: string;
  hint?: string;
  className?: string;
}) {
  const id = useId();
  const bad = issues.length > 0;
  return (
    <div className={`flex min-w-0 flex-col gap-0.5 ${className}`}>
      <label htmlFor={id} className="text-xs font-semibold text-slate-700">
        {label}
      </label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        data-testid={testid}
        aria-invalid={bad}
        aria-describedby={bad || hint ? `${id}-msg` : undefined}
        className={`${inputClass} w-full`}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages id={`${id}-msg`} issues={issues} hint={hint} />
    </div>
  );
}

export function FieldMessages({
  id,
  issues,
  hint,
}: {
  id: string;
  issues: ImportIssue[];
  hint?: string | undefined;
}) {
  const t = useT();
  if (issues.length === 0 && !hint) return null;
  return (
    <div id={id} className="text-xs">
      {issues.map((i, k) => (
        <p key={k} className="font-semibold text-red-800" data-testid="field-error" data-path={i.path}>
          {t.said(i)}
        </p>
      ))}
      {issues.length === 0 && hint && <p className="text-slate-600">{hint}</p>}
    </div>
  );
}

export function SmallButton({
  children,
  onClick,
  testid,
  label,
  tone = 'plain',
}: {
  children: ReactNode;
  onClick: () => void;
  testid?: string;
  label?: string;
  tone?: 'plain' | 'danger';
}) {
  return (
    <button
      type="button"
      data-testid={testid}
      aria-label={label}
      className={`kne-focus rounded-md border px-2 py-0.5 text-sm font-semibold ${
        tone === 'danger'
          ? 'border-red-800 text-red-900 hover:bg-red-50'
          : 'border-slate-600 text-slate-900 hover:bg-slate-100'
      }`}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
