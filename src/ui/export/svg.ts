import type { Trace } from '../../core/trace/types';
import type { Topology, TopologyDevice } from '../../core/topology/types';
import { L, anchorPoints, computeLayout, hopPoints, type Point, type Rect } from '../canvas/layout';

/**
 * A picture of the model: topology + layout + trace step → SVG text. Pure (no DOM, no clock), so the
 * page's export, the PNG made from it and the CLI's `export-image` draw the same thing. The layout
 * is the canvas's own (`computeLayout`), so boxes sit where they sit on screen.
 */
export interface PictureInput {
  topology: Topology;
  trace?: Trace | null;
  /** The hop in focus (0-based); the path is drawn up to it. Default: the last hop. */
  hop?: number;
  /** The title line at the top. */
  title?: string;
  /** The caption under the drawing (e.g. the hop's sentence); default: none. */
  caption?: string | null;
  /** Labels per language for what the picture writes itself. */
  labels?: { podCidr?: string; underlay?: string; external?: string };
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FONT = "font-family=\"'DejaVu Sans', 'Noto Sans CJK JP', 'Noto Sans JP', Arial, sans-serif\"";
const MONO = "font-family=\"'DejaVu Sans Mono', 'Noto Sans Mono CJK JP', monospace\"";

const KIND_FILL: Record<TopologyDevice['kind'], string> = {
  bridge: '#e0f2fe',
  veth: '#f1f5f9',
  dummy: '#f5f3ff',
  vxlan: '#ffedd5',
  loopback: '#f8fafc',
  physical: '#dcfce7',
};

function rect(r: Rect, fill: string, stroke: string, strokeWidth = 2): string {
  return `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
}

function text(x: number, y: number, s: string, size: number, opts = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}" ${FONT} fill="#0f172a"${opts ? ` ${opts}` : ''}>${esc(s)}</text>`;
}

function mono(x: number, y: number, s: string, size: number, fill = '#334155'): string {
  return `<text x="${x}" y="${y}" font-size="${size}" ${MONO} fill="${fill}">${esc(s)}</text>`;
}

/** Wraps a caption into lines of at most `max` characters (CJK characters count double). */
export function wrapCaption(s: string, max: number): string[] {
  const width = (c: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1);
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const token of s.split(/(\s+)/)) {
    const parts = /[\u3000-\u9fff]/.test(token) ? [...token] : [token];
    for (const p of parts) {
      const pw = [...p].reduce((a, c) => a + width(c), 0);
      if (w + pw > max && line.trim()) {
        lines.push(line.trim());
        line = '';
        w = 0;
      }
      line += p;
      w += pw;
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** The SVG document for one view: nodes, Pods and devices, the underlay, the traced path and the packet. */
export function renderSvg(input: PictureInput): string {
  const { topology: t } = input;
  const layout = computeLayout(t);
  const anchors = anchorPoints(t, layout);
  const margin = 24;
  const titleLines = input.title
    ? wrapCaption(
        input.title,
        Math.max(30, Math.floor((layout.width + (input.trace?.probe.from === 'external' ? 140 : 0)) / 11.5)),
      )
    : [];
  const titleH = titleLines.length ? titleLines.length * 26 + 14 : 0;
  const trace = input.trace ?? null;
  const hop = trace ? Math.min(Math.max(0, input.hop ?? trace.hops.length - 1), trace.hops.length - 1) : -1;
  const external = trace?.probe.from === 'external';
  const extraW = external ? 140 : 0;
  const captionLines = input.caption
    ? wrapCaption(input.caption, Math.max(40, Math.floor((layout.width + extraW) / 8.6)))
    : [];
  const captionH = captionLines.length ? captionLines.length * 22 + 20 : 0;
  const width = Math.ceil(layout.width + extraW + 2 * margin);
  const height = Math.ceil(layout.height + titleH + captionH + 2 * margin);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  titleLines.forEach((line, i) =>
    out.push(text(margin, margin + 22 + i * 26, line, 20, 'font-weight="bold"')),
  );
  out.push(`<g transform="translate(${margin},${margin + titleH})">`);

  const focus = trace && hop >= 0 ? trace.hops[hop] : undefined;
  const focusId = focus?.device ? `${focus.netns}|${focus.device}` : (focus?.netns ?? null);

  t.nodes.forEach((n, i) => {
    const box = layout.nodes[i];
    if (!box) return;
    out.push(rect(box.rect, '#f8fafc', focusId === n.netns ? '#d97706' : '#94a3b8'));
    out.push(text(box.rect.x + 16, box.rect.y + 26, n.name, 18, 'font-weight="bold"'));
    const cidr = input.labels?.podCidr ?? 'Pod CIDR';
    out.push(mono(box.rect.x + 16, box.rect.y + 48, `${n.ip} · ${cidr} ${n.podCidr}`, 11));
    n.pods.forEach((p, j) => {
      const r = box.pods[j]?.rect;
      if (!r) return;
      const lit = focusId === p.key || focusId === p.eth0.id;
      out.push(rect(r, '#ffffff', lit ? '#d97706' : '#64748b'));
      out.push(text(r.x + 10, r.y + L.podPad + 20, p.name, 15, 'font-weight="bold"'));
      out.push(mono(r.x + 10, r.y + L.podPad + L.podNameH + 12, p.ip, 13));
      out.push(mono(r.x + 10, r.y + L.podPad + L.podNameH + L.podIpH + L.podRowGap + 20, `eth0 ${p.ip}`, 12));
      const vethLit = focusId === p.hostVeth.id;
      out.push(
        mono(
          r.x + 10,
          r.y + L.podPad + L.podNameH + L.podIpH + 2 * L.podRowGap + L.podRowH + 20,
          `↕ ${p.hostVeth.name}`,
          12,
          vethLit ? '#b45309' : '#334155',
        ),
      );
    });
    for (const d of box.devices) {
      const dev = n.devices.find((x) => x.id === d.id);
      if (!dev) continue;
      const lit = focusId === d.id;
      out.push(rect(d.rect, KIND_FILL[dev.kind], lit ? '#d97706' : '#64748b', lit ? 4 : 2));
      out.push(text(d.rect.x + 10, d.rect.y + 24, dev.name, 15, 'font-weight="bold"'));
      out.push(mono(d.rect.x + 10, d.rect.y + 44, dev.addresses[0] ?? dev.kind, 12));
    }
  });

  const u = layout.underlay;
  out.push(rect(u, '#e2e8f0', '#64748b'));
  out.push(
    text(
      u.x + 16,
      u.y + u.h / 2 + 6,
      `${input.labels?.underlay ?? 'underlay'} ${t.underlay.cidr}`,
      15,
      'font-weight="bold"',
    ),
  );
  const ext = anchors.get('external');
  if (external && ext) {
    out.push(rect({ x: ext.x - 10, y: ext.y - 30, w: 120, h: 60 }, '#fef9c3', '#a16207'));
    out.push(text(ext.x, ext.y + 5, input.labels?.external ?? 'external', 14, 'font-weight="bold"'));
  }

  if (trace && hop >= 0) {
    const pts = hopPoints(trace, anchors);
    const drawn = pts.slice(0, hop + 1).filter((p): p is Point => p !== null);
    if (drawn.length > 1) {
      out.push(
        `<polyline points="${drawn.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="#f59e0b" stroke-opacity="0.7" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>`,
      );
    }
    const at = pts[hop] ?? drawn[drawn.length - 1];
    if (at) {
      const h = trace.hops[hop]!;
      const color =
        h.kind === 'drop' ? '#b91c1c' : h.kind === 'deliver' ? '#15803d' : h.outer ? '#b45309' : '#0369a1';
      if (h.outer)
        out.push(`<circle cx="${at.x}" cy="${at.y}" r="17" fill="none" stroke="#b45309" stroke-width="4"/>`);
      out.push(
        `<circle cx="${at.x}" cy="${at.y}" r="11" fill="${color}" stroke="#ffffff" stroke-width="3" data-hop="${hop}"/>`,
      );
    }
  }
  out.push('</g>');
  captionLines.forEach((line, i) => {
    out.push(text(margin, margin + titleH + layout.height + 34 + i * 22, line, 16));
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
