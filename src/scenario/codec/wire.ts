import { INTER_DESIGN_IDS, INTRA_DESIGN_IDS, PROXY_MODE_IDS, type Designs } from '../../core/model/scenario';
import type { Probe } from '../../core/trace/types';
import { clusterShape, designsShape } from '../load';
import { DEFAULT_SEED, isPresetId } from '../presets/registry';
import { VIEW_DEFAULTS, type ViewState } from '../view-state';
import type { ScenarioDiff } from './diff';
import {
  INVALID,
  arrayOf,
  check,
  either,
  fail,
  int,
  isPlainObject,
  object,
  oneOf,
  str,
  tuple,
  type Shape,
  type ShapeProblem,
} from './shape';

/**
 * The JSON inside a v1 link, with one-letter keys and every default left out:
 * p preset, s seed, x scenario edits, f flow (probe), h hop index, o open panels, l language,
 * n lesson, c comparison designs, v canvas viewport (centre x, centre y, zoom).
 */
export interface WireV1 {
  p?: string;
  s?: number;
  x?: ScenarioDiff;
  f?: { f: string; t: string; n: number; r?: Probe['protocol']; sp?: number; sd?: number };
  h?: number;
  o?: [string, string][];
  l?: ViewState['lang'];
  n?: [string, number];
  c?: Designs;
  v?: [number, number, number];
}

/** The view fields of a state in wire form (the scenario edits are added by the caller). */
export function toWire(state: Omit<ViewState, 'scenario'>, x: ScenarioDiff): WireV1 {
  const w: WireV1 = {};
  if (state.preset !== VIEW_DEFAULTS.preset) w.p = state.preset;
  if (state.seed !== DEFAULT_SEED) w.s = state.seed;
  if (Object.keys(x).length) w.x = x;
  const p = state.probe;
  if (p) {
    w.f = { f: p.from, t: p.to, n: p.port };
    if (p.protocol !== 'TCP') w.f.r = p.protocol;
    if (p.srcPort !== undefined) w.f.sp = p.srcPort;
    if (p.seed !== undefined) w.f.sd = p.seed;
  }
  if (state.step !== VIEW_DEFAULTS.step) w.h = state.step;
  if (state.panels.length) w.o = state.panels.map((panel) => [panel.netns, panel.table]);
  if (state.lang !== VIEW_DEFAULTS.lang) w.l = state.lang;
  if (state.lesson) w.n = [state.lesson.id, state.lesson.step];
  if (state.compare) w.c = { ...state.compare };
  const v = state.viewport;
  if (v) w.v = [Math.round(v.x), Math.round(v.y), Math.round(v.zoom * 1000) / 1000];
  return w;
}

/** The view fields read back from a checked wire record (everything but the scenario). */
export function fromWire(w: WireV1): Omit<ViewState, 'scenario'> {
  const f = w.f;
  let probe: Probe | null = null;
  if (f) {
    probe = { from: f.f, to: f.t, port: f.n, protocol: f.r ?? 'TCP' };
    if (f.sp !== undefined) probe.srcPort = f.sp;
    if (f.sd !== undefined) probe.seed = f.sd;
  }
  return {
    preset: (w.p ?? VIEW_DEFAULTS.preset) as ViewState['preset'],
    seed: w.s ?? DEFAULT_SEED,
    probe,
    step: w.h ?? VIEW_DEFAULTS.step,
    panels: (w.o ?? []).map(([netns, table]) => ({ netns, table })),
    lang: w.l ?? VIEW_DEFAULTS.lang,
    lesson: w.n ? { id: w.n[0], step: w.n[1] } : null,
    compare: w.c ? { ...w.c } : null,
    ...(w.v ? { viewport: { x: w.v[0], y: w.v[1], zoom: w.v[2] } } : {}),
  };
}

const uint32 = int(0, 0xffffffff);
const probePort = int(1, 65535);
const strs = arrayOf(str);
/** The canvas zoom React Flow allows (minZoom … maxZoom), three decimals. */
const zoom: Shape = (v, ctx) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0.01 && v <= 10 ? v : fail(ctx, 'RANGE', 'shape.zoom');

/** A Kubernetes object on the wire: only its identity is checked here; loadScenario checks the rest. */
const keyed: Shape = (v, ctx) => {
  if (!isPlainObject(v)) return fail(ctx, 'TYPE', 'shape.k8sObject');
  const m = v.metadata;
  ctx.stack.push('metadata');
  const bad = !isPlainObject(m)
    ? fail(ctx, 'REQUIRED', 'shape.metadata')
    : typeof m.name !== 'string'
      ? fail(ctx, 'TYPE', 'shape.metadataName')
      : m.namespace !== undefined && typeof m.namespace !== 'string'
        ? fail(ctx, 'TYPE', 'shape.metadataNamespace')
        : null;
  ctx.stack.pop();
  return bad ?? v;
};
const objects = arrayOf(keyed);
const collection = either(
  (v) => isPlainObject(v) && 'x' in v,
  object({ x: objects }),
  object({}, { a: objects, r: strs, c: objects, o: strs }),
);

/** L7 objects travel whole; loadScenario checks their fields. */
const l7Wire = object(
  {},
  {
    ingressClasses: objects,
    ingresses: objects,
    gatewayClasses: objects,
    gateways: objects,
    httpRoutes: objects,
    referenceGrants: objects,
  },
);

const presetId: Shape = (v, ctx) =>
  isPresetId(v) ? v : fail(ctx, 'ENUM', 'shape.preset', { preset: String(JSON.stringify(v)) });
const protocol = oneOf('TCP', 'UDP', 'SCTP');
const designs = object({
  intra: oneOf(...INTRA_DESIGN_IDS),
  inter: oneOf(...INTER_DESIGN_IDS),
  proxy: oneOf(...PROXY_MODE_IDS),
});

const wireV1Shape = object(
  {},
  {
    p: presetId,
    s: uint32,
    x: object(
      {},
      {
        k: clusterShape,
        d: designsShape,
        no: collection,
        ns: collection,
        po: collection,
        sv: collection,
        es: collection,
        np: collection,
        y: l7Wire,
      },
    ),
    // A probe's ports are 1–65535: port 0 is not a destination a packet can have (RFC 793/768).
    f: object({ f: str, t: str, n: probePort }, { r: protocol, sp: probePort, sd: uint32 }),
    h: int(0, 1_000_000),
    o: arrayOf(tuple(str, str)),
    l: oneOf('en', 'ja'),
    n: tuple(str, int(0, 1_000_000)),
    c: designs,
    v: tuple(int(-10_000_000, 10_000_000), int(-10_000_000, 10_000_000), zoom),
  },
);

/** Checks every field of a decoded v1 record; unknown fields are dropped with a warning. */
export function checkWireV1(
  doc: unknown,
): { ok: true; wire: WireV1; warnings: ShapeProblem[] } | { ok: false; errors: ShapeProblem[] } {
  const r = check(wireV1Shape, doc);
  if (!r.ok || r.value === INVALID) return { ok: false, errors: r.ok ? [] : r.errors };
  return { ok: true, wire: r.value as WireV1, warnings: r.warnings };
}
