import type { MessageKey } from '../../i18n';
import { useApp, useAppStoreApi } from '../../store';
import type { NoticeLine, ShareNotice as Notice } from '../../store/shareSlice';
import type { Translator } from '../../i18n';
import { useT } from '../hooks/useT';
import { changeText } from '../yaml/changeText';
import { exportWork } from './exportWork';
import { moreProblems } from '../components/moreProblems';

const small =
  'kne-focus rounded border px-2 py-0.5 text-sm font-semibold disabled:opacity-60 border-current bg-white';

/** Details are shown up to this many characters (a hostile input can make them huge). */
const DETAIL_LIMIT = 1500;
const clip = (text: string) => (text.length > DETAIL_LIMIT ? `${text.slice(0, DETAIL_LIMIT)}…` : text);

/** `path: message` in the chosen language (the core's English when it gave no key). */
const lineText = (t: Translator, l: NoticeLine): string => `${l.path ? `${l.path}: ` : ''}${t.said(l)}`;
const linesText = (t: Translator, lines: readonly NoticeLine[]): string =>
  lines.map((l) => lineText(t, l)).join('; ');

function Body({ notice }: { notice: Notice }) {
  const t = useT();
  switch (notice.kind) {
    case 'link-opened':
      return <p>{t.t('share.linkOpened')}</p>;
    case 'link-broken':
      return (
        <>
          <p className="font-semibold">{t.t(`share.linkBroken.${notice.code}` as MessageKey)}</p>
          <p>{t.t('share.linkBroken.after')}</p>
          <p className="font-mono text-xs">
            {t.t('share.details')}: {notice.code} — {clip(linesText(t, notice.detail))}
          </p>
        </>
      );
    case 'saved-broken':
      return (
        <>
          <p className="font-semibold">{t.t('share.savedBroken')}</p>
          {notice.detail.length > 0 && (
            <p className="font-mono text-xs">{clip(linesText(t, notice.detail))}</p>
          )}
        </>
      );
    case 'draft-restored':
      return <p>{t.t('share.draftRestored')}</p>;
    case 'draft-failed':
      return (
        <>
          <p className="font-semibold">{t.t('share.draftFailed')}</p>
          <p className="font-mono text-xs">{clip(linesText(t, notice.detail))}</p>
        </>
      );
    case 'link-held':
      return <HeldLink fragment={notice.fragment} />;
    case 'draft-held':
      return <p className="font-semibold">{t.t('share.draftHeld')}</p>;
    case 'imported':
      return (
        <p>
          {t.t('share.imported', { name: notice.name })}
          {notice.change && <span data-testid="import-change"> {changeText(t, notice.change, [])}</span>}
        </p>
      );
    case 'import-failed':
      return (
        <>
          <p className="font-semibold">{t.t('share.importFailed')}</p>
          <ul className="list-disc pl-6 font-mono text-xs">
            {notice.detail.slice(0, 8).map((d, i) => (
              <li key={i}>{clip(lineText(t, d))}</li>
            ))}
            {notice.detail.length > 8 && <li>{t.problem(moreProblems(notice.detail.length - 8))}</li>}
          </ul>
        </>
      );
  }
}

/** A link held back because the work it would replace could not be set aside. */
function HeldLink({ fragment }: { fragment: string }) {
  const t = useT();
  const open = useApp((s) => s.openHeldLink);
  return (
    <>
      <p className="font-semibold">{t.t('share.linkHeld')}</p>
      <button
        type="button"
        className={small}
        data-testid="open-held-link"
        onClick={() => void open(fragment)}
      >
        {t.t('share.openHeldLink')}
      </button>
    </>
  );
}

/** Saving failed (storage full or blocked): say so, and keep the work as a file instead. */
function SaveFailed() {
  const t = useT();
  const store = useAppStoreApi();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="save-failed">
      <p className="font-semibold">{t.t('share.saveFailed')}</p>
      <button
        type="button"
        className={small}
        data-testid="export-work"
        onClick={() => exportWork(store.getState())}
      >
        {t.t('share.exportWork')}
      </button>
    </div>
  );
}

const BAD = new Set<Notice['kind']>([
  'link-broken',
  'saved-broken',
  'draft-failed',
  'import-failed',
  'link-held',
  'draft-held',
]);

/** Messages about links, saved work and files; "restore your draft" while a draft is kept. */
export function ShareNotice() {
  const t = useT();
  const notice = useApp((s) => s.notice);
  const draft = useApp((s) => s.draftAvailable);
  const busy = useApp((s) => s.status === 'loading');
  const setNotice = useApp((s) => s.setNotice);
  const restore = useApp((s) => s.restoreDraft);
  const discard = useApp((s) => s.discardDraft);
  const saveFailed = useApp((s) => s.saveFailed);
  if (!notice && !draft && !saveFailed) return null;
  const bad = saveFailed || (notice !== null && BAD.has(notice.kind));
  return (
    <div
      // Floats over the page without taking its clicks: only its own buttons and links catch the pointer.
      role={bad ? 'alert' : 'status'}
      data-testid="share-notice"
      data-kind={notice?.kind ?? (saveFailed ? 'save-failed' : 'draft')}
      className={`pointer-events-none fixed bottom-4 left-1/2 z-40 flex [&_a]:pointer-events-auto [&_button]:pointer-events-auto [&_input]:pointer-events-auto w-[min(46rem,calc(100vw-2rem))] -translate-x-1/2 flex-wrap items-start justify-between gap-3 rounded-lg border-2 px-3 py-2 text-sm shadow-xl ${
        bad ? 'border-red-700 bg-red-50 text-red-950' : 'border-sky-700 bg-sky-50 text-sky-950'
      }`}
    >
      <div className="min-w-0 flex-1 space-y-1">
        {saveFailed && <SaveFailed />}
        {notice && <Body notice={notice} />}
        {draft && <p data-testid="draft-note">{t.t('share.draft')}</p>}
      </div>
      <div className="flex flex-wrap gap-2">
        {draft && (
          <>
            <button
              type="button"
              className={small}
              disabled={busy}
              data-testid="restore-draft"
              onClick={() => void restore()}
            >
              {t.t('share.restoreDraft')}
            </button>
            <button type="button" className={small} data-testid="discard-draft" onClick={discard}>
              {t.t('share.discardDraft')}
            </button>
          </>
        )}
        {notice && (
          <button
            type="button"
            className={small}
            data-testid="notice-dismiss"
            onClick={() => setNotice(null)}
          >
            {t.t('share.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}
