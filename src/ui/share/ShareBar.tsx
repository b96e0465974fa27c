import { useId, useRef, useState, type ChangeEvent } from 'react';
import { copyText } from '../../platform/clipboard';
import { downloadText, readFileText } from '../../platform/download';
import { linkTo } from '../../platform/url';
import { encode } from '../../scenario/codec';
import { SCENARIO_TEXT_LIMIT } from '../../scenario/load';
import { said } from '../../scenario/messages';
import { useApp, useAppStoreApi } from '../../store';
import { selectViewState } from '../../store/shareSlice';
import { useT } from '../hooks/useT';
import { importScenarioFile } from './importFile';
import { ShareNotice } from './ShareNotice';
import { useUndoKeys } from './useUndoKeys';
import { CompactLabel } from '../components/CompactLabel';

type LinkState =
  { kind: 'copied' | 'shown'; url: string } | { kind: 'too-long'; length: number; limit: number } | null;

const btn =
  'kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:border-slate-300 disabled:text-slate-500 disabled:hover:bg-white';

/** Undo/redo, share link, file export/import, and what happened to links and saved work. */
export function ShareBar() {
  const t = useT();
  const uid = useId();
  const store = useAppStoreApi();
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const ready = useApp((s) => s.scenario !== null);
  // L/XL hold no scenario on the page; their link is preset + seed + designs + view.
  const shareable = useApp((s) => s.scenario !== null || s.topology !== null);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const [link, setLink] = useState<LinkState>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useUndoKeys();

  const exportFile = () => {
    const s = store.getState();
    if (!s.scenario) return;
    downloadText(`kne-scenario-${s.base.preset}.json`, `${JSON.stringify(s.scenario, null, 2)}\n`);
  };

  const copyLink = async () => {
    const view = selectViewState(store.getState());
    if (!view) return;
    const r = encode(view);
    if (!r.ok) {
      setLink({ kind: 'too-long', length: r.error.length, limit: r.error.limit });
      return;
    }
    const url = linkTo(r.fragment);
    setLink({ kind: (await copyText(url)) ? 'copied' : 'shown', url });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // Refused before reading: a scenario file has the YAML import's size bound.
    if (file.size > SCENARIO_TEXT_LIMIT) {
      const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
      store.getState().setNotice({
        kind: 'import-failed',
        detail: [
          {
            path: '$',
            ...said('load.fileTooLarge', {
              file: file.name,
              size: mib(file.size),
              limit: mib(SCENARIO_TEXT_LIMIT),
            }),
          },
        ],
      });
      return;
    }
    await importScenarioFile(store, file.name, await readFileText(file));
  };

  return (
    <section
      aria-labelledby={`${uid}-h`}
      className="mx-4 mt-3 rounded-xl border border-slate-300 bg-white px-3 py-2"
      data-testid="share-bar"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${uid}-h`} className="mr-2 text-base font-bold">
          {t.t('share.heading')}
        </h2>
        <button
          type="button"
          className={btn}
          disabled={!canUndo}
          title={t.t('share.undoHint')}
          aria-keyshortcuts="Control+Z Meta+Z"
          data-testid="undo"
          onClick={() => void undo()}
        >
          <span aria-hidden="true">↶</span> <span className="xl:sr-only">{t.t('share.undo')}</span>
        </button>
        <button
          type="button"
          className={btn}
          disabled={!canRedo}
          title={t.t('share.redoHint')}
          aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z"
          data-testid="redo"
          onClick={() => void redo()}
        >
          <span aria-hidden="true">↷</span> <span className="xl:sr-only">{t.t('share.redo')}</span>
        </button>
        <span className="mx-1 h-6 w-px bg-slate-300" aria-hidden="true" />
        <button
          type="button"
          className="kne-focus rounded-md bg-sky-700 px-3 py-1.5 text-sm font-bold text-white hover:bg-sky-800 disabled:bg-slate-400"
          disabled={!shareable}
          data-testid="copy-link"
          onClick={() => void copyLink()}
        >
          {t.t('share.copy')}
        </button>
        <button
          type="button"
          className={btn}
          disabled={!ready}
          data-testid="export-json"
          aria-label={t.t('share.export')}
          onClick={exportFile}
        >
          <CompactLabel full={t.t('share.export')} short={t.t('layout.short.export')} />
        </button>
        <button
          type="button"
          className={btn}
          disabled={!ready}
          data-testid="import-json"
          aria-label={t.t('share.import')}
          onClick={() => fileRef.current?.click()}
        >
          <CompactLabel full={t.t('share.import')} short={t.t('layout.short.import')} />
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="hidden"
          data-testid="import-file"
          onChange={(e) => void onFile(e)}
        />
      </div>
      <div aria-live="polite">
        {link && link.kind !== 'too-long' && (
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="share-status">
            <p className={link.kind === 'copied' ? 'text-green-800' : 'text-slate-800'}>
              {t.t(link.kind === 'copied' ? 'share.copied' : 'share.copyFailed')}
            </p>
            <label className="sr-only" htmlFor={`${uid}-link`}>
              {t.t('share.linkLabel')}
            </label>
            <input
              id={`${uid}-link`}
              readOnly
              value={link.url}
              data-testid="share-link"
              className="kne-focus min-w-0 flex-1 rounded border border-slate-400 bg-slate-50 px-2 py-1 font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
        )}
        {link?.kind === 'too-long' && (
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="share-too-long">
            <p className="text-amber-900">
              {t.t('share.tooLong', { length: link.length, limit: link.limit })}
            </p>
            <button type="button" className={btn} onClick={exportFile}>
              {t.t('share.download')}
            </button>
          </div>
        )}
      </div>
      <ShareNotice />
    </section>
  );
}
