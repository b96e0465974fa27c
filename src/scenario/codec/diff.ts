import type { L7Objects } from '../../core/model/l7';
import type { ClusterSettings, Designs, Scenario } from '../../core/model/scenario';
import { COLLECTIONS, type CollectionName } from '../load';

/**
 * A scenario as the edits that turn its base preset into it: per collection the objects added,
 * removed and changed (by `namespace/name`), plus changed cluster settings and designs. Objects lose
 * their `apiVersion`/`kind` on the wire (the collection implies them). This is what keeps a link to
 * an edited preset short.
 */

type Obj = { apiVersion?: string; kind?: string; metadata: { name: string; namespace?: string } };

/** Edits of one collection. `o` (full key order) appears only when edits moved objects around. */
export interface CollectionDiff {
  a?: object[];
  r?: string[];
  c?: object[];
  o?: string[];
}
/** A collection replaced wholesale (used when its keys are not unique, so edits cannot be keyed). */
export interface CollectionReplace {
  x: object[];
}

export interface ScenarioDiff {
  k?: Partial<ClusterSettings>;
  d?: Partial<Designs>;
  no?: CollectionDiff | CollectionReplace;
  ns?: CollectionDiff | CollectionReplace;
  po?: CollectionDiff | CollectionReplace;
  sv?: CollectionDiff | CollectionReplace;
  es?: CollectionDiff | CollectionReplace;
  np?: CollectionDiff | CollectionReplace;
  /** The L7 objects, whole, when they differ from the base's (`{}`: none). Presets hold none. */
  y?: Partial<L7Objects>;
}

/** Wire name, apiVersion and kind of each collection. */
export const WIRE: Record<CollectionName, { key: keyof ScenarioDiff; apiVersion: string; kind: string }> = {
  nodes: { key: 'no', apiVersion: 'v1', kind: 'Node' },
  namespaces: { key: 'ns', apiVersion: 'v1', kind: 'Namespace' },
  pods: { key: 'po', apiVersion: 'v1', kind: 'Pod' },
  services: { key: 'sv', apiVersion: 'v1', kind: 'Service' },
  endpointSlices: { key: 'es', apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' },
  networkPolicies: { key: 'np', apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
};

/** An object's identity in its collection: `namespace/name`, or `name` when cluster-scoped. */
export function objectKey(o: Obj): string {
  return o.metadata.namespace === undefined ? o.metadata.name : `${o.metadata.namespace}/${o.metadata.name}`;
}

function strip(o: Obj, c: CollectionName): object {
  const { apiVersion, kind, ...rest } = o;
  if (apiVersion === WIRE[c].apiVersion && kind === WIRE[c].kind) return rest;
  return o;
}

/** Puts back the `apiVersion`/`kind` the wire left out. */
export function restore(o: object, c: CollectionName): object {
  const r = o as Partial<Obj>;
  if (r.apiVersion === undefined && r.kind === undefined)
    return { apiVersion: WIRE[c].apiVersion, kind: WIRE[c].kind, ...o };
  return o;
}

/** Deep equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    n++;
    if (!sameJson(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (rb[k] !== undefined) n--;
  return n === 0;
}

/** Keys of a collection, or null when they are not unique; memoized per array (bases are reused). */
const keyCache = new WeakMap<readonly Obj[], string[] | null>();
function keysOf(items: readonly Obj[]): string[] | null {
  const hit = keyCache.get(items);
  if (hit !== undefined) return hit;
  const keys = items.map(objectKey);
  const out = new Set(keys).size === keys.length ? keys : null;
  keyCache.set(items, out);
  return out;
}

function diffCollection(
  c: CollectionName,
  base: readonly Obj[],
  next: readonly Obj[],
): CollectionDiff | CollectionReplace | null {
  if (base === next) return null;
  const baseKeys = keysOf(base);
  // Fast path: same objects in the same order (the usual case: a few fields edited).
  if (baseKeys && next.length === base.length && next.every((o, i) => objectKey(o) === baseKeys[i])) {
    const changed: object[] = [];
    for (let i = 0; i < next.length; i++)
      if (!sameJson(base[i], next[i])) changed.push(strip(next[i] as Obj, c));
    return changed.length ? { c: changed } : null;
  }
  const nextKeys = keysOf(next);
  if (!nextKeys || !baseKeys) return { x: next.map((o) => strip(o, c)) };
  const nextByKey = new Map(nextKeys.map((k, i) => [k, next[i] as Obj]));
  const baseSet = new Set(baseKeys);
  const out: CollectionDiff = {};
  const removed = baseKeys.filter((k) => !nextByKey.has(k));
  const changed: object[] = [];
  base.forEach((b, i) => {
    const n = nextByKey.get(baseKeys[i] as string);
    if (n && !sameJson(b, n)) changed.push(strip(n, c));
  });
  const added = next.filter((_, i) => !baseSet.has(nextKeys[i] as string)).map((o) => strip(o, c));
  if (removed.length) out.r = removed;
  if (changed.length) out.c = changed;
  if (added.length) out.a = added;
  // Applying keeps base order and appends additions; record the order only if that is not it.
  const natural = [...baseKeys.filter((k) => nextByKey.has(k)), ...nextKeys.filter((k) => !baseSet.has(k))];
  if (natural.some((k, i) => k !== nextKeys[i])) out.o = nextKeys;
  return Object.keys(out).length ? out : null;
}

function diffFields<T extends object>(base: T, next: T): Partial<T> | null {
  const out: Partial<T> = {};
  let any = false;
  for (const k of Object.keys(next) as (keyof T)[]) {
    if (next[k] !== base[k]) {
      out[k] = next[k];
      any = true;
    }
  }
  return any ? out : null;
}

/** The edits that turn `base` into `next`; `{}` when they are equal. */
export function diffScenario(base: Scenario, next: Scenario): ScenarioDiff {
  const out: ScenarioDiff = {};
  const k = diffFields(base.cluster, next.cluster);
  if (k) out.k = k;
  const d = diffFields(base.designs, next.designs);
  if (d) out.d = d;
  for (const c of COLLECTIONS) {
    const cd = diffCollection(c, base[c] as Obj[], next[c] as Obj[]);
    if (cd) out[WIRE[c].key] = cd as never;
  }
  if (!sameJson(base.l7 ?? {}, next.l7 ?? {})) out.y = next.l7 ?? {};
  return out;
}

function applyCollection(
  c: CollectionName,
  base: readonly Obj[],
  d: CollectionDiff | CollectionReplace | undefined,
): object[] {
  if (!d) return base.slice();
  if ('x' in d) return d.x.map((o) => restore(o, c));
  const removed = new Set(d.r ?? []);
  const changed = new Map((d.c ?? []).map((o) => [objectKey(o as Obj), restore(o, c)]));
  const out: object[] = [];
  for (const b of base) {
    const key = objectKey(b);
    if (!removed.has(key)) out.push(changed.get(key) ?? b);
  }
  for (const a of d.a ?? []) out.push(restore(a, c));
  if (!d.o) return out;
  const byKey = new Map(out.map((o) => [objectKey(o as Obj), o]));
  return d.o.flatMap((k) => {
    const o = byKey.get(k);
    return o ? [o] : [];
  });
}

/**
 * Applies edits to a base scenario. The result is unvalidated JSON: callers pass it through
 * `loadScenario`. Unchanged objects are shared with the base, not copied.
 */
export function applyDiff(base: Scenario, diff: ScenarioDiff): unknown {
  const out: Record<string, unknown> = {
    version: base.version,
    cluster: { ...base.cluster, ...diff.k },
    designs: { ...base.designs, ...diff.d },
  };
  for (const c of COLLECTIONS)
    out[c] = applyCollection(c, base[c] as Obj[], diff[WIRE[c].key] as CollectionDiff | undefined);
  const l7 = diff.y ?? base.l7;
  if (l7 && Object.values(l7).some((list) => Array.isArray(list) && list.length > 0)) out.l7 = l7;
  return out;
}
