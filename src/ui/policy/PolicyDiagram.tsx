import { useEffect, useId, useState } from 'react';
import type { DirectionPicture, PolicyPicture, RulePicture } from '../../core/policy';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import type { Translator } from '../../i18n';

/**
 * One policy as a picture (SVG): the Pods it selects in the middle, the peers and ports its ingress
 * rules admit on the left (arrows in), its egress rules on the right (arrows out), and for each
 * direction whether it isolates the Pods (all denied when it lists the direction with no rules;
 * open when it does not list it). The same facts follow as a text list for screen readers.
 */
export function PolicyDiagram({ policyKey, onClose }: { policyKey: string; onClose: () => void }) {
  const t = useT();
  const uid = useId();
  const policyPicture = useApp((s) => s.policyPicture);
  const scenario = useApp((s) => s.scenario);
  const [pic, setPic] = useState<PolicyPicture | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void policyPicture(policyKey).then((p) => live && setPic(p));
    return () => {
      live = false;
    };
  }, [policyKey, policyPicture, scenario]);
  if (pic === undefined) return <p className="text-sm">{t.t('diagram.loading')}</p>;
  if (pic === null) return null;
  const rows = Math.max(1, pic.ingress.rules.length, pic.egress.rules.length);
  const W = 760;
  const rowH = 64;
  const H = Math.max(160, rows * rowH + 60);
  const mid = { x: 290, y: H / 2 - 45, w: 180, h: 90 };
  const side = (dir: 'ingress' | 'egress', d: DirectionPicture) => {
    const x = dir === 'ingress' ? 10 : W - 250;
    if (!d.isolates || d.rules.length === 0) {
      const text = d.isolates ? t.t('diagram.denyAll') : t.t('diagram.open');
      return (
        <g data-testid={`diagram-${dir}-state`} data-isolates={d.isolates}>
          <rect
            x={x}
            y={H / 2 - 22}
            width={240}
            height={44}
            rx={6}
            className={d.isolates ? 'fill-red-50 stroke-red-800' : 'fill-green-50 stroke-green-800'}
            strokeDasharray={d.isolates ? undefined : '4 3'}
          />
          <text x={x + 120} y={H / 2 + 5} textAnchor="middle" className="fill-slate-900 text-[13px]">
            {text}
          </text>
        </g>
      );
    }
    return d.rules.map((r, i) => {
      const y = 30 + i * rowH + (H - 60 - d.rules.length * rowH) / 2;
      const [x1, x2] = dir === 'ingress' ? [x + 240, mid.x] : [mid.x + mid.w, x];
      return (
        <g key={i} data-testid={`diagram-${dir}-rule`}>
          <rect x={x} y={y} width={240} height={rowH - 12} rx={6} className="fill-sky-50 stroke-sky-800" />
          <text x={x + 8} y={y + 20} className="fill-slate-900 font-mono text-[12px]">
            {clip(peersText(t, r), 34)}
          </text>
          <text x={x + 8} y={y + 40} className="fill-slate-700 text-[12px]">
            {clip(portsText(t, r), 36)}
          </text>
          <line
            x1={x1}
            y1={y + (rowH - 12) / 2}
            x2={x2}
            y2={mid.y + mid.h / 2}
            className="stroke-slate-700"
            strokeWidth={1.5}
            markerEnd={`url(#${uid}-arrow)`}
          />
        </g>
      );
    });
  };
  const summary = (d: DirectionPicture): string =>
    !d.isolates
      ? t.t('diagram.open')
      : d.rules.length === 0
        ? t.t('diagram.denyAll')
        : d.rules.map((r, i) => ruleText(t, r, i)).join('; ');
  const desc = t.t('diagram.desc', {
    key: pic.key,
    n: pic.selected,
    ns: pic.namespace,
    selector: pic.podSelector,
    ingress: summary(pic.ingress),
    egress: summary(pic.egress),
  });
  return (
    <figure
      className="flex flex-col gap-2 rounded-md border border-slate-500 p-2"
      data-testid="policy-diagram"
      data-policy={pic.key}
      tabIndex={0}
      aria-labelledby={`${uid}-cap`}
    >
      <figcaption id={`${uid}-cap`} className="flex items-center gap-2 font-semibold">
        {t.t('diagram.title', { key: pic.key })}
        <button
          type="button"
          className="kne-focus ml-auto rounded border border-slate-600 px-2 text-sm"
          data-testid="diagram-close"
          onClick={onClose}
        >
          {t.t('diagram.close')}
        </button>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${uid}-t ${uid}-d`}
        className="h-auto w-full max-w-3xl"
      >
        <title id={`${uid}-t`}>{t.t('diagram.title', { key: pic.key })}</title>
        <desc id={`${uid}-d`}>{desc}</desc>
        <defs>
          <marker
            id={`${uid}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="fill-slate-700" />
          </marker>
        </defs>
        <text x={130} y={16} textAnchor="middle" className="fill-slate-700 text-[12px] font-semibold">
          {t.t('diagram.ingress')}
        </text>
        <text x={W - 130} y={16} textAnchor="middle" className="fill-slate-700 text-[12px] font-semibold">
          {t.t('diagram.egress')}
        </text>
        {side('ingress', pic.ingress)}
        {side('egress', pic.egress)}
        <g data-testid="diagram-selected">
          <rect
            {...{ x: mid.x, y: mid.y, width: mid.w, height: mid.h }}
            rx={10}
            className="fill-amber-50 stroke-amber-800"
            strokeWidth={2}
          />
          <text
            x={mid.x + mid.w / 2}
            y={mid.y + 24}
            textAnchor="middle"
            className="fill-slate-900 font-mono text-[12px]"
          >
            {clip(`${pic.namespace}: ${pic.podSelector}`, 26)}
          </text>
          <text
            x={mid.x + mid.w / 2}
            y={mid.y + 48}
            textAnchor="middle"
            className="fill-slate-900 text-[14px] font-bold"
          >
            {t.t('diagram.selected', { n: pic.selected })}
          </text>
          <text
            x={mid.x + mid.w / 2}
            y={mid.y + 70}
            textAnchor="middle"
            className="fill-slate-700 font-mono text-[11px]"
          >
            {clip(pic.sample.slice(0, 2).join(', '), 28)}
          </text>
        </g>
      </svg>
      <details className="text-sm">
        <summary className="kne-focus cursor-pointer">{t.t('diagram.textHeading')}</summary>
        <p data-testid="diagram-text">{desc}</p>
      </details>
    </figure>
  );
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function peersText(t: Translator, r: RulePicture): string {
  if (r.peers.length === 0) return t.t('diagram.anyPeer');
  return r.peers.map((p) => `${p.text} (${t.t('diagram.peerPods', { n: p.pods })})`).join(' | ');
}

function portsText(t: Translator, r: RulePicture): string {
  return r.ports.length === 0 ? t.t('diagram.anyPort') : r.ports.join(', ');
}

function ruleText(t: Translator, r: RulePicture, i: number): string {
  return t.t('diagram.rule', { n: i + 1, peers: peersText(t, r), ports: portsText(t, r) });
}
