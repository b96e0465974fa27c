import { useEffect, useRef, useState } from 'react';
import { copyText } from '../../platform/clipboard';
import { embedLinkTo } from '../../platform/embed';
import { encode } from '../../scenario/codec';
import { useAppStoreApi } from '../../store';
import { selectViewState } from '../../store/shareSlice';
import { useT } from '../hooks/useT';

/** The embed snippet of the current view: an <iframe> of the read-only view, to copy into a page. */
export function EmbedSnippet() {
  const t = useT();
  const store = useAppStoreApi();
  const [snippet, setSnippet] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (snippet) area.current?.select();
  }, [snippet]);

  const open = () => {
    if (snippet) return setSnippet(null);
    const view = selectViewState(store.getState());
    if (!view) return;
    const r = encode({ ...view, lesson: null });
    if (!r.ok) return;
    const src = embedLinkTo(r.fragment);
    setCopied(false);
    setSnippet(
      `<iframe src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="960" height="600" style="border:0" loading="lazy" title="${t.t('embed.label')}"></iframe>`,
    );
  };

  return (
    <div className="relative">
      <button
        ref={toggle}
        type="button"
        aria-expanded={snippet !== null}
        aria-controls="embed-snippet"
        className="kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100"
        data-testid="embed-toggle"
        onClick={open}
      >
        {t.t('embed.heading')}
      </button>
      {snippet && (
        <div
          id="embed-snippet"
          className="absolute right-0 z-50 mt-1 w-[min(32rem,92vw)] rounded-xl border border-slate-300 bg-white p-3 shadow-xl"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setSnippet(null);
              toggle.current?.focus();
            }
          }}
        >
          <label className="text-sm text-slate-900" htmlFor="embed-snippet-text">
            {t.t('embed.help')}
          </label>
          <textarea
            id="embed-snippet-text"
            ref={area}
            readOnly
            rows={5}
            value={snippet}
            className="kne-focus mt-1 w-full rounded-md border border-slate-400 p-2 font-mono text-xs"
            data-testid="embed-snippet"
          />
          <div className="mt-1 flex items-center gap-2">
            <button
              type="button"
              className="kne-focus rounded-md border border-sky-800 bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white"
              data-testid="embed-copy"
              onClick={() => void copyText(snippet).then(setCopied)}
            >
              {t.t('embed.copy')}
            </button>
            <span role="status" className="text-sm text-slate-800">
              {copied ? t.t('embed.copied') : ''}
            </span>
          </div>
        </div>
      )}
    </div>
  );
}
