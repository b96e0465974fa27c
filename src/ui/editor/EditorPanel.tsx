import { useId, useState } from 'react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { ClusterForm } from './ClusterForm';
import {
  addNamespace,
  addNode,
  isDnsLabel,
  isDnsSubdomain,
  removeNamespace,
  removeNode,
  renameNamespace,
  renameNode,
} from './edits';
import { NamesEditor } from './NamesEditor';
import { PodEditor } from './PodEditor';

/** The scenario editor: cluster ranges, nodes, namespaces and Pods; collapsed until asked for. */
export function EditorPanel() {
  const t = useT();
  const uid = useId();
  const scenario = useApp((s) => s.scenario);
  const [open, setOpen] = useState(false);
  return (
    <section
      aria-labelledby={`${uid}-h`}
      className="rounded-xl border border-slate-300 bg-white p-3"
      data-testid="editor"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${uid}-h`} className="text-base font-bold">
          {t.t('editor.heading')}
        </h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${uid}-body`}
          className="kne-focus rounded-md border border-slate-500 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-100"
          data-testid="editor-toggle"
          onClick={() => setOpen((o) => !o)}
        >
          {t.t(open ? 'editor.hide' : 'editor.show')}
        </button>
      </div>
      {open && scenario && (
        <div id={`${uid}-body`} className="mt-2 space-y-5">
          <p className="text-sm text-slate-700">{t.t('editor.intro')}</p>
          <ClusterForm cluster={scenario.cluster} />
          <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
            <NamesEditor
              collection="nodes"
              heading={t.t('editor.nodes')}
              hint={t.t('editor.nodeHint')}
              newLabel={t.t('editor.newNode')}
              names={scenario.nodes.map((n) => n.metadata.name)}
              isValidName={isDnsSubdomain}
              add={addNode}
              rename={renameNode}
              remove={removeNode}
            />
            <NamesEditor
              collection="namespaces"
              heading={t.t('editor.namespaces')}
              hint={t.t('editor.namespaceHint')}
              newLabel={t.t('editor.newNamespace')}
              names={scenario.namespaces.map((n) => n.metadata.name)}
              isValidName={isDnsLabel}
              add={addNamespace}
              rename={renameNamespace}
              remove={removeNamespace}
            />
          </div>
          <PodEditor scenario={scenario} />
        </div>
      )}
    </section>
  );
}
