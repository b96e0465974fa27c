import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { IMPORT_LIMITS, type ImportIssue } from '../../scenario/yaml/types';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { issueText, selectLine } from './issue';
import { changeText } from './changeText';
import { ConfirmEmpty } from './ConfirmEmpty';

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function IssueList({
  items,
  testid,
  tone,
  onLine,
}: {
  items: ImportIssue[];
  testid: string;
  tone: 'error' | 'notice';
  onLine: (line: number) => void;
}) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <ul
      className={`list-disc space-y-0.5 pl-6 font-mono text-sm ${tone === 'error' ? 'text-red-900' : 'text-amber-950'}`}
      data-testid={testid}
    >
      {items.map((i, k) => (
        <li key={k} data-line={i.line ?? ''} data-document={i.document}>
          {issueText(t, i)}
          {i.line !== null && (
            <button
              type="button"
              className="kne-focus ml-2 rounded border border-current px-1 font-sans text-xs font-semibold"
              aria-label={t.t('yaml.showLineLabel', { n: i.line })}
              onClick={() => onLine(i.line!)}
            >
              {t.t('yaml.showLine')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Kubernetes YAML in (paste or file; replace or merge) and out (download). Parsing and validation
 * happen in the worker; with any error nothing of the current scenario changes.
 */
export function YamlPanel() {
  const t = useT();
  const uid = useId();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const [tooBig, setTooBig] = useState<string | null>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const toLine = (line: number) => selectLine(areaRef.current, line);
  const outcome = useApp((s) => s.yamlOutcome);
  const busy = useApp((s) => s.yamlBusy);
  const importYaml = useApp((s) => s.importYaml);
  const clearOutcome = useApp((s) => s.clearYamlOutcome);
  const exportYaml = useApp((s) => s.exportYaml);
  const ready = useApp((s) => s.topology !== null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // Refuse before reading: a huge file would freeze the tab in the textarea.
    if (file.size > IMPORT_LIMITS.maxBytes) {
      setTooBig(
        t.t('yaml.tooBig', { name: file.name, size: mib(file.size), limit: mib(IMPORT_LIMITS.maxBytes) }),
      );
      return;
    }
    setTooBig(null);
    setText(await file.text());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) void importYaml(text, mode);
  };

  const download = async () => {
    const yaml = await exportYaml();
    if (yaml === null) return;
    const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'scenario.yaml';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const field = 'text-xs font-semibold tracking-wide text-slate-700 uppercase';
  return (
    <div className="flex flex-col gap-3" data-testid="yaml-panel">
      <p className="text-sm text-slate-700">{t.t('yaml.intro')}</p>
      <form className="flex flex-col gap-2" onSubmit={submit}>
        <label htmlFor={`${uid}-text`} className={field}>
          {t.t('yaml.text')}
        </label>
        <textarea
          ref={areaRef}
          id={`${uid}-text`}
          value={text}
          rows={12}
          spellCheck={false}
          data-testid="yaml-input"
          placeholder={'apiVersion: v1\nkind: Pod\n…'}
          className="kne-focus w-full rounded-md border border-slate-500 px-2 py-1.5 font-mono text-sm"
          onChange={(e) => setText(e.target.value)}
        />
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2 text-sm">
            <span className="font-semibold">{t.t('yaml.file')}</span>
            <input
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/yaml"
              data-testid="yaml-file"
              className="kne-focus text-sm"
              onChange={(e) => void onFile(e)}
            />
          </label>
          <fieldset className="flex items-center gap-3 text-sm">
            <legend className="sr-only">{t.t('yaml.mode')}</legend>
            {(['replace', 'merge'] as const).map((m) => (
              <label key={m} className="flex items-center gap-1">
                <input
                  type="radio"
                  name={`${uid}-mode`}
                  value={m}
                  checked={mode === m}
                  data-testid={`yaml-mode-${m}`}
                  className="kne-focus"
                  onChange={() => setMode(m)}
                />
                {t.t(m === 'replace' ? 'yaml.mode.replace' : 'yaml.mode.merge')}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={!ready || busy || !text.trim()}
            data-testid="yaml-import"
            className="kne-focus rounded-md bg-sky-700 px-4 py-1.5 font-bold text-white hover:bg-sky-800 disabled:bg-slate-400"
          >
            {busy ? t.t('yaml.importing') : t.t('yaml.import')}
          </button>
          <button
            type="button"
            disabled={!ready}
            data-testid="yaml-export"
            className="kne-focus rounded-md border border-sky-800 px-4 py-1.5 font-semibold text-sky-900 hover:bg-sky-50 disabled:opacity-50"
            onClick={() => void download()}
          >
            {t.t('yaml.export')}
          </button>
        </div>
      </form>
      {tooBig && (
        <p role="alert" className="font-semibold text-red-800" data-testid="yaml-too-big">
          {tooBig}
        </p>
      )}
      <div
        aria-live="polite"
        data-testid="yaml-outcome"
        data-applied={outcome ? String(outcome.applied) : ''}
      >
        {outcome?.confirmEmpty && (
          <ConfirmEmpty
            nodes={outcome.confirmEmpty.nodes}
            onReplace={() => void importYaml(text, 'replace', { allowEmpty: true })}
            onMerge={() => {
              setMode('merge');
              void importYaml(text, 'merge');
            }}
            onCancel={clearOutcome}
          />
        )}
        {outcome && !outcome.confirmEmpty && (
          <div className="flex flex-col gap-2">
            {outcome.applied ? (
              <p className="font-semibold text-green-800" data-testid="yaml-applied">
                {t.t(outcome.mode === 'merge' ? 'yaml.merged' : 'yaml.replaced')}{' '}
                {outcome.change && (
                  <span data-testid="yaml-change">
                    {changeText(
                      t,
                      outcome.change,
                      outcome.notices.filter((n) => n.skipped),
                    )}
                  </span>
                )}
              </p>
            ) : (
              <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 px-3 py-2">
                <p className="font-semibold text-red-900">
                  {t.t('yaml.failed', { n: outcome.errors.length })}
                </p>
                <IssueList items={outcome.errors} testid="yaml-errors" tone="error" onLine={toLine} />
              </div>
            )}
            {outcome.notices.length > 0 && (
              <div>
                <h3 className="text-sm font-bold">{t.t('yaml.notices')}</h3>
                <IssueList items={outcome.notices} testid="yaml-notices" tone="notice" onLine={toLine} />
              </div>
            )}
            {outcome.inferred.length > 0 && (
              <div>
                <h3 className="text-sm font-bold">{t.t('yaml.inferred')}</h3>
                <ul className="list-disc pl-6 text-sm" data-testid="yaml-inferred">
                  {outcome.inferred.map((s, i) => (
                    <li key={i} data-key={s.key}>
                      {t.imported(s)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
