import { useApp, SPEEDS, selectHopCount } from '../../store';
import { useT } from '../hooks/useT';

/** Small inline icons: the Unicode media symbols are missing from many fonts. */
function Icon({ d }: { d: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      className="inline-block fill-current align-[-2px]"
    >
      <path d={d} />
    </svg>
  );
}
const FIRST = 'M2 2h2v12H2zM14 2v12L5 8z';
const LAST = 'M12 2h2v12h-2zM2 2v12l9-6z';
const BACK = 'M13 2v12L3 8z';
const FORWARD = 'M3 2v12l10-6z';
const PAUSE = 'M3 2h4v12H3zM9 2h4v12H9z';

const btn =
  'kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-50';

/** Play / pause / step / speed for the packet animation. */
export function PlaybackBar() {
  const t = useT();
  const n = useApp(selectHopCount);
  const i = useApp((s) => s.hopIndex);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  // Actions are stable functions: selecting them never causes a re-render.
  const a = {
    firstHop: useApp((s) => s.firstHop),
    stepBack: useApp((s) => s.stepBack),
    togglePlay: useApp((s) => s.togglePlay),
    stepForward: useApp((s) => s.stepForward),
    lastHop: useApp((s) => s.lastHop),
    setSpeed: useApp((s) => s.setSpeed),
  };
  const none = n === 0;
  return (
    <div
      role="toolbar"
      id="kne-playback"
      aria-label={t.t('playback.label')}
      aria-keyshortcuts="ArrowLeft ArrowRight Space Home End"
      className="flex shrink-0 flex-wrap items-center gap-2 rounded-t-xl border border-b-0 border-slate-300 bg-white px-3 py-1.5"
    >
      <button
        type="button"
        className={btn}
        disabled={none || i === 0}
        onClick={a.firstHop}
        aria-label={t.t('playback.first')}
        data-testid="play-first"
      >
        <Icon d={FIRST} />
      </button>
      <button
        type="button"
        className={btn}
        disabled={none || i === 0}
        onClick={a.stepBack}
        data-testid="play-back"
      >
        <Icon d={BACK} /> {t.t('playback.back')}
      </button>
      <button
        type="button"
        className={`${btn} min-w-24 !bg-slate-900 !text-white`}
        disabled={none}
        onClick={a.togglePlay}
        data-testid="play-toggle"
        aria-pressed={playing}
      >
        {playing ? (
          <>
            <Icon d={PAUSE} /> {t.t('playback.pause')}
          </>
        ) : (
          <>
            <Icon d={FORWARD} /> {t.t('playback.play')}
          </>
        )}
      </button>
      <button
        type="button"
        className={btn}
        disabled={none || i >= n - 1}
        onClick={a.stepForward}
        data-testid="play-forward"
      >
        {t.t('playback.forward')} <Icon d={FORWARD} />
      </button>
      <button
        type="button"
        className={btn}
        disabled={none || i >= n - 1}
        onClick={a.lastHop}
        aria-label={t.t('playback.last')}
        data-testid="play-last"
      >
        <Icon d={LAST} />
      </button>
      <label className="ml-2 flex items-center gap-1 text-sm font-semibold">
        {t.t('playback.speed')}
        <select
          className="kne-focus rounded-md border border-slate-500 bg-white px-1 py-1"
          value={speed}
          onChange={(e) => a.setSpeed(Number(e.target.value))}
          data-testid="play-speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span
        className="ml-auto text-sm font-semibold text-slate-800"
        aria-live="polite"
        data-testid="play-position"
      >
        {none ? '' : t.t('playback.position', { i: i + 1, n })}
      </span>
      <span className="text-xs text-slate-600">{t.t('playback.keys')}</span>
    </div>
  );
}
