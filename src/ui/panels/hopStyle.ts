import { HOP_KINDS, type HopColor, type HopKind } from '../../core/trace/hop-kinds';

/** Badge classes per colour token of the hop-kind registry (Tailwind needs the literal names). */
const COLOR_CLASS: Record<HopColor, string> = {
  sky: 'bg-sky-100 text-sky-900 border-sky-700',
  slate: 'bg-slate-100 text-slate-900 border-slate-600',
  indigo: 'bg-indigo-100 text-indigo-900 border-indigo-700',
  violet: 'bg-violet-100 text-violet-900 border-violet-700',
  teal: 'bg-teal-100 text-teal-900 border-teal-700',
  amber: 'bg-amber-100 text-amber-900 border-amber-700',
  emerald: 'bg-emerald-100 text-emerald-900 border-emerald-800',
  orange: 'bg-orange-100 text-orange-900 border-orange-700',
  fuchsia: 'bg-fuchsia-100 text-fuchsia-900 border-fuchsia-700',
  cyan: 'bg-cyan-100 text-cyan-900 border-cyan-700',
  lime: 'bg-lime-100 text-lime-900 border-lime-800',
  rose: 'bg-rose-100 text-rose-900 border-rose-700',
  green: 'bg-green-100 text-green-900 border-green-800',
  red: 'bg-red-100 text-red-900 border-red-800',
};

/** Solid colours of the same tokens, for the packet dot on the canvas (contrast ≥ 4.5 on white). */
export const COLOR_HEX: Record<HopColor, string> = {
  sky: '#0369a1',
  slate: '#475569',
  indigo: '#4338ca',
  violet: '#6d28d9',
  teal: '#0f766e',
  amber: '#b45309',
  emerald: '#047857',
  orange: '#c2410c',
  fuchsia: '#a21caf',
  cyan: '#0e7490',
  lime: '#4d7c0f',
  rose: '#be123c',
  green: '#15803d',
  red: '#b91c1c',
};

/** The badge classes of a hop kind, read from the registry. */
export const kindClass = (kind: HopKind): string => COLOR_CLASS[HOP_KINDS[kind].color];
