import { useState } from 'react';
import { downloadText } from '../../platform/download';
import { useAppStoreApi } from '../../store';
import { drilledTopology } from '../canvas/overviewFlow';
import { useT } from '../hooks/useT';
import { rasterise } from './rasterise';
import { renderSvg } from './svg';
import { CompactLabel } from '../components/CompactLabel';

const btn =
  'kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100';

/** Downloads the picture of the current view: SVG from the model, PNG rasterised from that SVG. */
export function ExportMenu() {
  const t = useT();
  const store = useAppStoreApi();
  const [error, setError] = useState<string | null>(null);

  const picture = (): { svg: string; name: string } | null => {
    const s = store.getState();
    if (!s.topology) return null;
    const hop = s.trace?.hops[s.hopIndex];
    const svg = renderSvg({
      topology: drilledTopology(s.topology),
      trace: s.trace,
      hop: s.hopIndex,
      title: s.trace
        ? `${t.t('export.title')} — ${s.trace.probe.from} → ${s.trace.probe.to}:${s.trace.probe.port}`
        : t.t('export.title'),
      caption: hop
        ? t.t('export.caption', { n: s.hopIndex + 1, total: s.trace!.hops.length, sentence: t.hop(hop) })
        : null,
      labels: { podCidr: 'Pod CIDR', underlay: 'underlay', external: 'external' },
    });
    return { svg, name: `kne-${s.base.preset}-hop${s.hopIndex + 1}` };
  };

  const svg = () => {
    const p = picture();
    if (p) downloadText(`${p.name}.svg`, p.svg, 'image/svg+xml');
  };
  const png = async () => {
    const p = picture();
    if (!p) return;
    try {
      const blob = await rasterise(p.svg, 2);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${p.name}.png`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="flex items-center gap-1" role="group" aria-label={t.t('export.heading')}>
      <button
        type="button"
        className={btn}
        data-testid="export-svg"
        aria-label={t.t('export.svg')}
        onClick={svg}
      >
        <CompactLabel full={t.t('export.svg')} short={t.t('layout.short.svg')} />
      </button>
      <button
        type="button"
        className={btn}
        data-testid="export-png"
        aria-label={t.t('export.png')}
        onClick={() => void png()}
      >
        <CompactLabel full={t.t('export.png')} short={t.t('layout.short.png')} />
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {t.t('export.failed', { error })}
        </p>
      )}
    </div>
  );
}
