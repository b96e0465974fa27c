import { useState } from 'react';
import type { K8sNetworkPolicy } from '../../core/model/k8s';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { policyKeyOf, removePolicy } from './edits';
import { CapFilter, CapMore, useCapped } from './capped';
import { PolicyEditor, type EditorStart } from './PolicyEditor';
import { PolicyDiagram } from './PolicyDiagram';
import { emptyForm, formatLabelList, policyToForm, type PolicyForm } from './policyForm';

type Template = 'blank' | 'denyIngress' | 'denyEgress' | 'allowSameNs';

/** Starting points that teach the common recipes (kubernetes.io "Default policies"). */
function template(kind: Template, namespace: string): PolicyForm {
  const f = emptyForm(namespace);
  switch (kind) {
    case 'denyIngress':
      return { ...f, name: 'default-deny-ingress' };
    case 'denyEgress':
      return { ...f, name: 'default-deny-egress', ingressType: false, egressType: true };
    case 'allowSameNs':
      return {
        ...f,
        name: 'allow-same-namespace',
        ingress: [{ peers: [{ kind: 'pods', pods: '', namespaces: '', cidr: '', except: '' }], ports: [] }],
      };
    default:
      return f;
  }
}

function describe(p: K8sNetworkPolicy): string {
  const sel = formatLabelList(p.spec.podSelector.matchLabels);
  const exprs = p.spec.podSelector.matchExpressions?.length ?? 0;
  return `${sel || (exprs ? `${exprs} matchExpressions` : '{}')}`;
}

const NO_POLICIES: readonly K8sNetworkPolicy[] = [];

/** The scenario's NetworkPolicies: list, create from a template, edit, delete. */
export function PolicyList() {
  const t = useT();
  const policies = useApp((s) => s.scenario?.networkPolicies);
  const namespaces = useApp((s) => s.scenario?.namespaces);
  const applyEdit = useApp((s) => s.applyEdit);
  const [editing, setEditing] = useState<(EditorStart & { id: number }) | null>(null);
  const [tpl, setTpl] = useState<Template>('denyIngress');
  const [pictured, setPictured] = useState<string | null>(null);
  const [ns, setNs] = useState('default');
  const cap = useCapped(policies ?? NO_POLICIES, policyKeyOf);

  // A fresh id remounts the editor, so opening another policy starts from its own state.
  const [opened, setOpened] = useState(0);
  const open = (start: EditorStart) => {
    setEditing({ ...start, id: opened + 1 });
    setOpened(opened + 1);
  };

  return (
    <div className="flex flex-col gap-3" data-testid="policy-list">
      <p className="text-sm text-slate-700">{t.t('policy.intro')}</p>
      {!policies || policies.length === 0 ? (
        <p className="text-slate-700" data-testid="policy-none">
          {t.t('policy.none')}
        </p>
      ) : (
        <>
          <CapFilter cap={cap} testid="policy-list" />
          <ul className="flex flex-col gap-1">
            {cap.shown.map((p) => {
              const key = policyKeyOf(p);
              const types = p.spec.policyTypes?.join(' + ') ?? t.t('policy.typesDefaulted');
              return (
                <li
                  key={key}
                  className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 px-2 py-1"
                  data-testid="policy-item"
                  data-policy={key}
                >
                  <span className="font-mono font-semibold">{key}</span>
                  <span className="text-sm text-slate-700">
                    {t.t('policy.selects', { selector: describe(p) })} · {types} ·{' '}
                    {t.t('policy.ruleCount', {
                      ingress: p.spec.ingress?.length ?? 0,
                      egress: p.spec.egress?.length ?? 0,
                    })}
                  </span>
                  <span className="ml-auto flex gap-1">
                    <button
                      type="button"
                      className="kne-focus rounded-md border border-slate-600 px-2 py-0.5 text-sm font-semibold hover:bg-slate-100"
                      aria-label={t.t('diagram.showLabel', { key })}
                      aria-expanded={pictured === key}
                      data-testid="policy-diagram-toggle"
                      onClick={() => setPictured(pictured === key ? null : key)}
                    >
                      {t.t('diagram.show')}
                    </button>
                    <button
                      type="button"
                      className="kne-focus rounded-md border border-slate-600 px-2 py-0.5 text-sm font-semibold hover:bg-slate-100"
                      aria-label={t.t('policy.editLabel', { key })}
                      data-testid="policy-edit"
                      onClick={() => open({ ...policyToForm(p), key })}
                    >
                      {t.t('policy.edit')}
                    </button>
                    <button
                      type="button"
                      className="kne-focus rounded-md border border-red-800 px-2 py-0.5 text-sm font-semibold text-red-900 hover:bg-red-50"
                      aria-label={t.t('policy.deleteLabel', { key })}
                      data-testid="policy-delete"
                      onClick={() => {
                        if (editing?.key === key) setEditing(null);
                        void applyEdit(removePolicy(key));
                      }}
                    >
                      {t.t('policy.delete')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <CapMore cap={cap} testid="policy-list" />
          {pictured && (policies ?? []).some((p) => policyKeyOf(p) === pictured) && (
            <PolicyDiagram policyKey={pictured} onClose={() => setPictured(null)} />
          )}
        </>
      )}
      {!editing && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            open({ form: template(tpl, ns), exact: true, key: null });
          }}
        >
          <label className="flex flex-col gap-0.5 text-xs font-semibold text-slate-700">
            {t.t('policy.template')}
            <select
              value={tpl}
              data-testid="policy-template"
              className="kne-focus rounded-md border border-slate-500 bg-white px-2 py-1 text-sm font-normal"
              onChange={(e) => setTpl(e.target.value as Template)}
            >
              {(['denyIngress', 'denyEgress', 'allowSameNs', 'blank'] as const).map((k) => (
                <option key={k} value={k}>
                  {t.t(`policy.tpl.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-0.5 text-xs font-semibold text-slate-700">
            {t.t('policy.namespace')}
            <select
              value={ns}
              data-testid="policy-template-ns"
              className="kne-focus rounded-md border border-slate-500 bg-white px-2 py-1 font-mono text-sm font-normal"
              onChange={(e) => setNs(e.target.value)}
            >
              {(namespaces ?? []).map((n) => (
                <option key={n.metadata.name}>{n.metadata.name}</option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            data-testid="policy-new"
            className="kne-focus rounded-md bg-sky-700 px-4 py-1.5 font-bold text-white hover:bg-sky-800"
          >
            {t.t('policy.create')}
          </button>
        </form>
      )}
      {editing && <PolicyEditor key={editing.id} start={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
