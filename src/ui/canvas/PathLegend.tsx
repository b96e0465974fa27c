import { isNatKind } from '../../core/trace/hop-kinds';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';

/**
 * What the drawn path's strokes mean: the packet's path, the VXLAN envelope around tunnelled legs,
 * the badges where NAT rewrites the packet.
 */
export function PathLegend() {
  const t = useT();
  const tunnelled = useApp((s) => s.trace?.hops.some((h) => h.outer) ?? false);
  const traced = useApp((s) => s.trace !== null);
  const translated = useApp((s) => s.trace?.hops.some((h) => isNatKind(h.kind)) ?? false);
  const gateways = useApp((s) => (s.l7?.entries.length ?? 0) > 0);
  if (!traced && !gateways) return null;
  return (
    <div
      className="pointer-events-none absolute right-2 bottom-7 z-[5] rounded-md border border-slate-300 bg-white/95 px-2 py-1 text-xs text-slate-800 shadow-sm"
      data-testid="path-legend"
      role="note"
      aria-label={t.t('legend.heading')}
    >
      {traced && (
        <div className="flex items-center gap-2">
          <svg width="28" height="10" aria-hidden="true">
            <line x1="2" y1="5" x2="26" y2="5" stroke="#f59e0b" strokeWidth="4" strokeLinecap="round" />
          </svg>
          {t.t('legend.path')}
        </div>
      )}
      {tunnelled && (
        <div className="flex items-center gap-2" data-testid="legend-tunnel">
          <svg width="28" height="14" aria-hidden="true">
            <line
              x1="6"
              y1="7"
              x2="22"
              y2="7"
              stroke="#b45309"
              strokeOpacity="0.3"
              strokeWidth="12"
              strokeLinecap="round"
            />
            <line x1="6" y1="7" x2="22" y2="7" stroke="#f59e0b" strokeWidth="4" strokeLinecap="round" />
          </svg>
          {t.t('legend.tunnel')}
        </div>
      )}
      {translated && (
        <div className="flex items-center gap-2" data-testid="legend-nat">
          <BoxSwatch fill="#fff7ed" stroke="#c2410c" strokeWidth={1.5} />
          {t.t('legend.nat')}
        </div>
      )}
      {gateways && (
        <>
          <div className="flex items-center gap-2" data-testid="legend-gateway">
            <BoxSwatch fill="#fff1f2" stroke="#be123c" strokeDasharray="1 2" />
            {t.t('l7.legend.declaration')}
          </div>
          <div className="flex items-center gap-2">
            <svg width="28" height="10" aria-hidden="true">
              <line x1="2" y1="5" x2="26" y2="5" stroke="#be123c" strokeWidth="1.5" strokeDasharray="2 4" />
            </svg>
            {t.t('l7.legend.implementedBy')}
          </div>
        </>
      )}
    </div>
  );
}

/** A legend swatch for something drawn as a small box (a NAT mark, a declaration card). */
function BoxSwatch(props: { fill: string; stroke: string; strokeWidth?: number; strokeDasharray?: string }) {
  return (
    <svg width="28" height="14" aria-hidden="true">
      <rect x="3" y="2" width="22" height="10" rx="2" {...props} />
    </svg>
  );
}
