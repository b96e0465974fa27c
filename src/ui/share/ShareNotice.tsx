import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import type { ShareNotice as Notice } from '../../store/shareSlice';
import { useT } from '../hooks/useT';

const small =
  'kne-focus rounded border px-2 py-0.5 text-sm font-semibold disabled:opacity-60 border-current bg-white';

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
            {t.t('share.details')}: {notice.code} — {notice.detail}
          </p>
        </>
      );
    case 'saved-broken':
      return (
        <>
          <p className="font-semibold">{t.t('share.savedBroken')}</p>
          {notice.detail && <p className="font-mono text-xs">{notice.detail}</p>}
        </>
      );
    case 'draft-restored':
      return <p>{t.t('share.draftRestored')}</p>;
    case 'draft-failed':
      return (
        <>
          <p className="font-semibold">{t.t('share.draftFailed')}</p>
          <p className="font-mono text-xs">{notice.detail}</p>
        </>
      );
    case 'imported':
      return <p>{t.t('share.imported', { name: notice.name })}</p>;
    case 'import-failed':
      return (
        <>
          <p className="font-semibold">{t.t('share.importFailed')}</p>
          <ul className="list-disc pl-6 font-mono text-xs">
            {notice.detail.slice(0, 8).map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      );
  }
}

const BAD = new Set<Notice['kind']>(['link-broken', 'saved-broken', 'draft-failed', 'import-failed']);

/** Messages about links, saved work and files; "restore your draft" while a draft is kept. */
export function ShareNotice() {
  const t = useT();
  const notice = useApp((s) => s.notice);
  const draft = useApp((s) => s.draftAvailable);
  const busy = useApp((s) => s.status === 'loading');
  const setNotice = useApp((s) => s.setNotice);
  const restore = useApp((s) => s.restoreDraft);
  const discard = useApp((s) => s.discardDraft);
  if (!notice && !draft) return null;
  const bad = notice !== null && BAD.has(notice.kind);
  return (
    <div
      role={bad ? 'alert' : 'status'}
      data-testid="share-notice"
      data-kind={notice?.kind ?? 'draft'}
      className={`fixed bottom-4 left-1/2 z-40 flex w-[min(46rem,calc(100vw-2rem))] -translate-x-1/2 flex-wrap items-start justify-between gap-3 rounded-lg border-2 px-3 py-2 text-sm shadow-xl ${
        bad ? 'border-red-700 bg-red-50 text-red-950' : 'border-sky-700 bg-sky-50 text-sky-950'
      }`}
    >
      <div className="min-w-0 flex-1 space-y-1">
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
