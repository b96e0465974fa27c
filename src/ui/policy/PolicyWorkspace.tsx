import { useRef, useState, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks/useT';
import { tabKeyTarget } from '../hooks/tabKeys';
import { YamlPanel } from '../yaml/YamlPanel';
import { MatrixView } from './MatrixView';
import { PodLabels } from './PodLabels';
import { PolicyList } from './PolicyList';

const TABS = ['matrix', 'policies', 'labels', 'yaml'] as const;
type Tab = (typeof TABS)[number];

const TITLES: Record<Tab, MessageKey> = {
  matrix: 'workspace.matrix',
  policies: 'workspace.policies',
  labels: 'workspace.labels',
  yaml: 'workspace.yaml',
};

/** NetworkPolicy and Kubernetes YAML: the reachability matrix, the policy editor, Pod labels, import/export. */
export function PolicyWorkspace() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('matrix');
  const tabsRef = useRef<HTMLDivElement>(null);

  const onKey = (e: KeyboardEvent) => {
    const next = tabKeyTarget(e, TABS, tab);
    if (next === null) return;
    setTab(next);
    tabsRef.current?.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
  };

  return (
    <section
      aria-labelledby="policy-workspace-heading"
      className="rounded-xl border border-slate-300 bg-white p-3"
      data-testid="policy-workspace"
    >
      <h2 id="policy-workspace-heading" className="text-base font-bold">
        {t.t('workspace.heading')}
      </h2>
      <div
        ref={tabsRef}
        role="tablist"
        aria-label={t.t('workspace.heading')}
        className="mt-2 flex flex-wrap gap-1 border-b border-slate-200"
        onKeyDown={onKey}
      >
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`workspace-tab-${k}`}
            data-tab={k}
            data-testid={`workspace-tab-${k}`}
            aria-selected={k === tab}
            aria-controls={`workspace-panel-${k}`}
            tabIndex={k === tab ? 0 : -1}
            className={`kne-focus rounded-t-md border-b-4 px-3 py-1.5 text-sm font-semibold ${
              k === tab
                ? 'border-sky-700 bg-sky-50 text-sky-950'
                : 'border-transparent text-slate-800 hover:bg-slate-100'
            }`}
            onClick={() => setTab(k)}
          >
            {t.t(TITLES[k])}
          </button>
        ))}
      </div>
      {TABS.map((k) => (
        // Inactive panels stay mounted (hidden) so typed YAML and an open editor survive a tab switch.
        <div
          key={k}
          role="tabpanel"
          id={`workspace-panel-${k}`}
          aria-labelledby={`workspace-tab-${k}`}
          hidden={k !== tab}
          className="pt-3"
        >
          {k === 'matrix' && <MatrixView active={tab === 'matrix'} />}
          {k === 'policies' && <PolicyList />}
          {k === 'labels' && <PodLabels />}
          {k === 'yaml' && <YamlPanel />}
        </div>
      ))}
    </section>
  );
}
