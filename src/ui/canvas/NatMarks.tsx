import { useMemo } from 'react';
import { useStore as useFlowStore } from '@xyflow/react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { hopPoints, type Point } from './layout';
import { natMarks } from './natMarks';

const FONT = 14;
const H = 24;
/** A rough text width (canvas units): Latin and digits about 0.62 em, CJK a full em. */
const textWidth = (s: string) =>
  [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? FONT : FONT * 0.62), 0);

/**
 * A badge where the drawn path's packet gets its addresses rewritten (DNAT to an endpoint, SNAT /
 * masquerade, the external load balancer): the kind and the address it wrote, beside the hop's
 * point, stacked when several happen at one place. The hop list says the same in words, so the
 * layer is hidden from assistive technology like the path itself.
 */
export function NatMarks({ anchors }: { anchors: Map<string, Point> }) {
  const t = useT();
  const trace = useApp((s) => s.trace);
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const marks = useMemo(() => (trace ? natMarks(trace, hopPoints(trace, anchors)) : []), [trace, anchors]);
  if (marks.length === 0) return null;
  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      style={{ zIndex: 4 }}
      aria-hidden="true"
      data-testid="nat-marks"
    >
      <g transform={`translate(${tx},${ty}) scale(${zoom})`}>
        {marks.map((m) => {
          const text = t.t('layout.nat.mark', { kind: t.kind(m.kind), addr: m.addr });
          const w = textWidth(text) + 14;
          const x = m.at.x + 14;
          const y = m.at.y - 14 - H - m.stack * (H + 4);
          return (
            <g key={m.hop} data-testid="path-nat" data-kind={m.kind} data-hop={m.hop}>
              <line x1={m.at.x} y1={m.at.y} x2={x} y2={y + H} stroke="#c2410c" strokeWidth={1.5} />
              <rect
                x={x}
                y={y}
                width={w}
                height={H}
                rx={4}
                fill="#fff7ed"
                stroke="#c2410c"
                strokeWidth={1.5}
              />
              <text
                x={x + 7}
                y={y + H / 2}
                dominantBaseline="central"
                fontSize={FONT}
                fontWeight={700}
                fill="#7c2d12"
              >
                {text}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
