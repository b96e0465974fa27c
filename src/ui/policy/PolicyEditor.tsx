import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Problem } from '../../core/model/cluster';
import type { ImportIssue } from '../../scenario/yaml/types';
import { useApp } from '../../store';
import type { PolicyCheck } from '../../worker/policyApi';
import { useT } from '../hooks/useT';
import { issueText, selectLine } from '../yaml/issue';
import { upsertPolicy } from './edits';
import { FieldMessages, TextField, issuesAt } from './fields';
import { formToPolicy, labelListErrors, policyToForm, type PolicyForm } from './policyForm';
import { RuleEditor } from './RuleEditor';
import { WhatIfPreview } from './WhatIfPreview';
import type { WhatIfAnswer } from '../../core/reach-view';

/** How long typing may pause before the worker validates. */
const DEBOUNCE_MS = 150;

export interface EditorStart {
  form: PolicyForm;
  exact: boolean;
  /** `ns/name` of the policy being edited, null for a new one. */
  key: string | null;
}

/**
 * One NetworkPolicy as a form and as YAML side by side. Each side is validated by the worker as
 * the user types; the other side follows only when the edit is valid, and Apply is offered only
 * for a valid policy, so an invalid edit is never applied half-way.
 */
export function PolicyEditor({ start, onClose }: { start: EditorStart; onClose: () => void }) {
  const t = useT();
  const uid = useId();
  const checkPolicy = useApp((s) => s.checkPolicy);
  const parsePolicyYaml = useApp((s) => s.parsePolicyYaml);
  const applyEdit = useApp((s) => s.applyEdit);
  const [form, setForm] = useState<PolicyForm>(start.form);
  const [exact, setExact] = useState(start.exact);
  const [yaml, setYaml] = useState('');
  const [source, setSource] = useState<'form' | 'yaml'>('form');
  const [check, setCheck] = useState<PolicyCheck | null>(null);
  const [pending, setPending] = useState(true);
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [applying, setApplying] = useState(false);
  // "Preview changes": the worker's what-if for the policy as it was when previewed (cleared on edit)
  const whatIf = useApp((s) => s.whatIf);
  const [preview, setPreview] = useState<
    | { state: 'running' }
    | { state: 'done'; answer: WhatIfAnswer }
    | { state: 'failed'; message: string }
    | null
  >(null);
  const seq = useRef(0);
  const yamlRef = useRef<HTMLTextAreaElement>(null);

  // The latest input of each side, read by the validation effect; `rev` counts user edits.
  const latest = useRef({ form, yaml, source });
  useLayoutEffect(() => {
    latest.current = { form, yaml, source };
  });
  const [rev, setRev] = useState(0);

  // Validate whichever side the user edited last; latest wins.
  useEffect(() => {
    const n = ++seq.current;
    const timer = setTimeout(() => {
      const { form: f, yaml: y, source: from } = latest.current;
      const run = from === 'form' ? checkPolicy(formToPolicy(f)) : parsePolicyYaml(y);
      void run.then((r) => {
        if (n !== seq.current) return;
        setCheck(r);
        setPending(false);
        if (from === 'form') setYaml(r.yaml);
        else if (r.policy) {
          // The form follows a valid YAML edit (policyToForm says when it cannot hold all of it).
          const next = policyToForm(r.policy);
          setForm(next.form);
          setExact(next.exact);
        }
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [rev, checkPolicy, parsePolicyYaml]);

  const localIssues: ImportIssue[] = useMemo(
    () =>
      source === 'form'
        ? labelListErrors(form).map((path) => ({
            document: 0,
            line: null,
            path,
            message: t.t('policy.badLabels'),
          }))
        : [],
    [form, source, t],
  );
  const issues = useMemo(() => [...localIssues, ...(check?.errors ?? [])], [localIssues, check]);
  const valid = !pending && check?.policy != null && issues.length === 0;

  const edited = () => {
    setPending(true);
    setRefused(null);
    setPreview(null);
    setRev((r) => r + 1);
  };
  const editForm = (patch: Partial<PolicyForm>) => {
    setSource('form');
    setForm((f) => ({ ...f, ...patch }));
    edited();
  };

  const apply = async () => {
    if (!valid || !check?.policy) return;
    setApplying(true);
    const r = await applyEdit(upsertPolicy(check.policy, start.key ?? undefined));
    setApplying(false);
    if (r.ok) onClose();
    else setRefused(r.problems);
  };

  const runPreview = async () => {
    if (!valid || !check?.policy) return;
    setPreview({ state: 'running' });
    try {
      setPreview({ state: 'done', answer: await whatIf(check.policy, start.key) });
    } catch (e) {
      setPreview({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const typesIssues = issuesAt(issues, 'spec.policyTypes');
  return (
    <section
      aria-labelledby={`${uid}-h`}
      className="flex flex-col gap-3 rounded-lg border-2 border-sky-700 p-3"
      data-testid="policy-editor"
    >
      <h3 id={`${uid}-h`} className="text-base font-bold">
        {start.key ? t.t('policy.editing', { key: start.key }) : t.t('policy.new')}
      </h3>
      <div className="grid grid-cols-1 gap-3 2xl:grid-cols-2">
        <fieldset disabled={!exact} className="flex min-w-0 flex-col gap-2" data-testid="policy-form">
          <legend className="sr-only">{t.t('policy.form')}</legend>
          {!exact && (
            <p className="rounded bg-amber-100 p-2 text-sm text-amber-950">{t.t('policy.yamlOnly')}</p>
          )}
          <div className="flex flex-wrap gap-2">
            <TextField
              className="w-48"
              label={t.t('policy.name')}
              value={form.name}
              issues={issuesAt(issues, 'metadata.name')}
              testid="policy-name"
              onChange={(name) => editForm({ name })}
            />
            <TextField
              className="w-40"
              label={t.t('policy.namespace')}
              value={form.namespace}
              issues={issuesAt(issues, 'metadata.namespace')}
              testid="policy-namespace"
              onChange={(namespace) => editForm({ namespace })}
            />
            <TextField
              className="w-56"
              label={t.t('policy.podSelector')}
              value={form.podSelector}
              placeholder="app=db"
              hint={t.t('policy.emptyAllPodsNs')}
              issues={issuesAt(issues, 'spec.podSelector')}
              testid="policy-podselector"
              onChange={(podSelector) => editForm({ podSelector })}
            />
          </div>
          <fieldset className="flex flex-wrap items-center gap-3 text-sm">
            <legend className="text-xs font-semibold text-slate-700">{t.t('policy.types')}</legend>
            {(['ingressType', 'egressType'] as const).map((k) => (
              <label key={k} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={form[k]}
                  data-testid={`policy-${k}`}
                  className="kne-focus"
                  onChange={(e) => editForm({ [k]: e.target.checked })}
                />
                {k === 'ingressType' ? 'Ingress' : 'Egress'}
              </label>
            ))}
            <FieldMessages
              id={`${uid}-types`}
              issues={typesIssues}
              hint={!form.ingressType && !form.egressType ? t.t('policy.typesDefault') : undefined}
            />
          </fieldset>
          <RuleEditor
            dir="ingress"
            rules={form.ingress}
            issues={issues}
            onChange={(ingress) => editForm({ ingress })}
          />
          <RuleEditor
            dir="egress"
            rules={form.egress}
            issues={issues}
            onChange={(egress) => editForm({ egress })}
          />
        </fieldset>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${uid}-yaml`} className="text-xs font-semibold text-slate-700">
            {t.t('policy.yaml')}
          </label>
          <textarea
            ref={yamlRef}
            id={`${uid}-yaml`}
            value={yaml}
            rows={18}
            spellCheck={false}
            data-testid="policy-yaml"
            aria-invalid={source === 'yaml' && issues.length > 0}
            aria-describedby={`${uid}-status`}
            className="kne-focus w-full rounded-md border border-slate-500 px-2 py-1.5 font-mono text-sm aria-[invalid=true]:border-red-700"
            onChange={(e) => {
              setSource('yaml');
              setYaml(e.target.value);
              edited();
            }}
          />
        </div>
      </div>
      <div id={`${uid}-status`} aria-live="polite" data-testid="policy-status" data-valid={valid}>
        {pending ? (
          <p className="text-sm text-slate-700">{t.t('policy.checking')}</p>
        ) : issues.length > 0 ? (
          <div className="rounded-md border border-red-700 bg-red-50 px-3 py-2">
            <p className="font-semibold text-red-900">{t.t('policy.invalid', { n: issues.length })}</p>
            <ul className="list-disc pl-6 font-mono text-sm text-red-900" data-testid="policy-errors">
              {issues.map((i, k) => (
                <li key={k}>
                  {issueText(t, i)}
                  {i.line !== null && (
                    <button
                      type="button"
                      className="kne-focus ml-2 rounded border border-current px-1 font-sans text-xs font-semibold"
                      aria-label={t.t('yaml.showLineLabel', { n: i.line })}
                      onClick={() => selectLine(yamlRef.current, i.line!)}
                    >
                      {t.t('yaml.showLine')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm font-semibold text-green-800">{t.t('policy.valid')}</p>
        )}
        {refused && (
          <div
            role="alert"
            className="mt-2 rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900"
          >
            <p className="font-semibold">{t.t('policy.refused')}</p>
            <ul className="list-disc pl-6 font-mono text-sm">
              {refused.map((p, k) => (
                <li key={k}>
                  {p.path}: {t.said(p)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {preview?.state === 'running' && (
        <p role="status" className="text-sm text-slate-700">
          {t.t('whatIf.running')}
        </p>
      )}
      {preview?.state === 'failed' && (
        <p role="alert" className="text-sm text-red-900">
          {t.t('whatIf.failed', { message: preview.message })}
        </p>
      )}
      {preview?.state === 'done' && (
        <WhatIfPreview answer={preview.answer} policy={check?.policy ?? null} previous={start.key} />
      )}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={!valid || preview?.state === 'running'}
          data-testid="policy-preview"
          className="kne-focus rounded-md border-2 border-sky-700 px-4 py-1.5 font-bold text-sky-900 hover:bg-sky-50 disabled:border-slate-400 disabled:text-slate-500"
          onClick={() => void runPreview()}
        >
          {t.t('whatIf.preview')}
        </button>
        <button
          type="button"
          disabled={!valid || applying}
          data-testid="policy-apply"
          className="kne-focus rounded-md bg-sky-700 px-4 py-1.5 font-bold text-white hover:bg-sky-800 disabled:bg-slate-400"
          onClick={() => void apply()}
        >
          {t.t('policy.apply')}
        </button>
        <button
          type="button"
          data-testid="policy-cancel"
          className="kne-focus rounded-md border border-slate-600 px-4 py-1.5 font-semibold hover:bg-slate-100"
          onClick={onClose}
        >
          {t.t('policy.cancel')}
        </button>
      </div>
    </section>
  );
}
