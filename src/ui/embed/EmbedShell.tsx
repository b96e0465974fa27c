import { useEffect } from 'react';
import { useApp } from '../../store';
import { Canvas } from '../canvas/Canvas';
import { PlaybackBar } from '../panels/PlaybackBar';
import { useKeyboardPlayback } from '../hooks/useKeyboardPlayback';
import { usePlaybackClock } from '../hooks/usePlaybackClock';
import { useT } from '../hooks/useT';
import { HopNarration } from '../a11y/HopNarration';
import './embed.css';

/** The chrome-less view for an iframe: the canvas, the playback bar, the hop's sentence, a way out. */
export function EmbedShell() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const trace = useApp((s) => s.trace);
  const hopIndex = useApp((s) => s.hopIndex);
  usePlaybackClock();
  useKeyboardPlayback();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.classList.add('kne-embed');
  }, [lang]);
  const hop = trace?.hops[hopIndex];
  const full =
    typeof location !== 'undefined' ? `${location.origin}${location.pathname}${location.hash}` : '#';
  return (
    <main
      className="flex h-screen flex-col bg-white text-slate-900"
      aria-label={t.t('embed.label')}
      data-testid="embed"
    >
      <h1 className="sr-only">{t.t('app.title')}</h1>
      <div className="flex min-h-0 flex-1 flex-col">
        <Canvas />
        <PlaybackBar />
      </div>
      <div className="flex items-start gap-3 border-t border-slate-300 px-3 py-1.5 text-sm">
        <p className="min-w-0 flex-1" data-testid="embed-caption">
          {hop ? t.hop(hop) : ''}
        </p>
        <a
          className="kne-focus shrink-0 font-semibold text-sky-800 underline"
          href={full}
          target="_blank"
          rel="noopener"
        >
          {t.t('embed.open')} ↗
        </a>
      </div>
      <HopNarration />
    </main>
  );
}
