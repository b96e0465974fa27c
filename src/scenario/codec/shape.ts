/**
 * Structural checks for untrusted JSON (links, files, storage): every field's type is checked before
 * use, unknown fields are dropped with a warning, and every problem carries its JSON path
 * (`$.pods[3].spec.containers[0].ports[0].containerPort`). A shape returns a cleaned copy.
 */

import type { Say } from '../../core/trace/types';
import { said, type ScenarioMessageKey } from '../messages';

export type ShapeCode = 'TYPE' | 'REQUIRED' | 'ENUM' | 'RANGE' | 'UNKNOWN_FIELD';

export interface ShapeProblem {
  path: string;
  code: ShapeCode;
  /** English (what the CLI prints); `say` is the same as a key and arguments, for the page. */
  message: string;
  say?: Say;
}

/** Collected problems; the path is a stack of keys so no string is built unless something is wrong. */
export interface ShapeContext {
  errors: ShapeProblem[];
  warnings: ShapeProblem[];
  /** Problems beyond this many are counted, not listed. */
  limit: number;
  dropped: number;
  stack: (string | number)[];
}

export const INVALID: unique symbol = Symbol('invalid');
export type Checked = unknown | typeof INVALID;
export type Shape = (value: unknown, ctx: ShapeContext) => Checked;

export function newContext(limit = 50, root: (string | number)[] = []): ShapeContext {
  return { errors: [], warnings: [], limit, dropped: 0, stack: [...root] };
}

const SIMPLE_KEY = /^[A-Za-z_$][\w$]*$/;

/** Formats a path the way JSONPath does: `$.a.b[0]["app.kubernetes.io/name"]`. */
export function formatPath(stack: readonly (string | number)[]): string {
  let out = '$';
  for (const k of stack) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += SIMPLE_KEY.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  }
  return out;
}

type Args = Record<string, string | number>;

function report(
  ctx: ShapeContext,
  list: ShapeProblem[],
  code: ShapeCode,
  key: ScenarioMessageKey,
  args: Args,
): void {
  if (list.length >= ctx.limit) {
    ctx.dropped++;
    return;
  }
  list.push({ path: formatPath(ctx.stack), code, ...said(key, args) });
}

/** Records an error at the current path (a message key of scenario/messages.ts) and returns INVALID. */
export function fail(
  ctx: ShapeContext,
  code: ShapeCode,
  key: ScenarioMessageKey,
  args: Args = {},
): typeof INVALID {
  report(ctx, ctx.errors, code, key, args);
  return INVALID;
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;

export const str: Shape = (v, ctx) =>
  typeof v === 'string' ? v : fail(ctx, 'TYPE', 'shape.string', { got: describe(v) });

export const bool: Shape = (v, ctx) =>
  typeof v === 'boolean' ? v : fail(ctx, 'TYPE', 'shape.bool', { got: describe(v) });

/** An integer in [min, max]. */
export function int(min: number, max: number): Shape {
  return (v, ctx) => {
    if (typeof v !== 'number' || !Number.isInteger(v))
      return fail(ctx, 'TYPE', 'shape.int', { got: describe(v) });
    if (v < min || v > max)
      return fail(ctx, 'RANGE', 'shape.range', { value: String(v), min: String(min), max: String(max) });
    return v;
  };
}

/** One of a fixed set of strings (an enum in the Kubernetes API). */
export function oneOf(...values: string[]): Shape {
  const set = new Set(values);
  return (v, ctx) =>
    typeof v === 'string' && set.has(v)
      ? v
      : fail(ctx, 'ENUM', 'shape.enum', { values: values.join(', '), got: String(JSON.stringify(v)) });
}

/** The first alternative whose type test passes decides (e.g. an IntOrString port). */
export function either(test: (v: unknown) => boolean, a: Shape, b: Shape): Shape {
  return (v, ctx) => (test(v) ? a(v, ctx) : b(v, ctx));
}

export function nullable(shape: Shape): Shape {
  return (v, ctx) => (v === null ? null : shape(v, ctx));
}

export function arrayOf(item: Shape): Shape {
  return (v, ctx) => {
    if (!Array.isArray(v)) return fail(ctx, 'TYPE', 'shape.array', { got: describe(v) });
    const out: unknown[] = new Array(v.length);
    let ok = true;
    for (let i = 0; i < v.length; i++) {
      ctx.stack.push(i);
      const r = item(v[i], ctx);
      ctx.stack.pop();
      if (r === INVALID) ok = false;
      else out[i] = r;
    }
    return ok ? out : INVALID;
  };
}

/** A fixed-length array whose items have their own shapes (compact wire records). */
export function tuple(...items: Shape[]): Shape {
  return (v, ctx) => {
    if (!Array.isArray(v) || v.length !== items.length)
      return fail(ctx, 'TYPE', 'shape.tuple', { count: String(items.length), got: describe(v) });
    const out: unknown[] = [];
    let ok = true;
    items.forEach((item, i) => {
      ctx.stack.push(i);
      const r = item(v[i], ctx);
      ctx.stack.pop();
      if (r === INVALID) ok = false;
      else out.push(r);
    });
    return ok ? out : INVALID;
  };
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A map with string keys, e.g. `metadata.labels`. */
export function recordOf(value: Shape): Shape {
  return (v, ctx) => {
    if (!isPlainObject(v)) return fail(ctx, 'TYPE', 'shape.object', { got: describe(v) });
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const k of Object.keys(v)) {
      ctx.stack.push(k);
      if (k === '__proto__') {
        report(ctx, ctx.warnings, 'UNKNOWN_FIELD', 'shape.proto', {});
        ctx.stack.pop();
        continue;
      }
      const r = value(v[k], ctx);
      ctx.stack.pop();
      if (r === INVALID) ok = false;
      else out[k] = r;
    }
    return ok ? out : INVALID;
  };
}

/**
 * An object with required and optional fields. Absent optional fields stay absent (no defaults are
 * invented, so a document survives a load unchanged); unknown fields are dropped with a warning.
 */
export function object(required: Record<string, Shape>, optional: Record<string, Shape> = {}): Shape {
  const reqKeys = Object.keys(required);
  const optKeys = Object.keys(optional);
  const known = new Set([...reqKeys, ...optKeys]);
  return (v, ctx) => {
    if (!isPlainObject(v)) return fail(ctx, 'TYPE', 'shape.object', { got: describe(v) });
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const k of reqKeys) {
      ctx.stack.push(k);
      const r =
        v[k] !== undefined
          ? (required[k] as Shape)(v[k], ctx)
          : fail(ctx, 'REQUIRED', 'shape.required', { field: k });
      ctx.stack.pop();
      if (r === INVALID) ok = false;
      else out[k] = r;
    }
    for (const k of optKeys) {
      const field = v[k];
      if (field === undefined) continue;
      ctx.stack.push(k);
      const r = (optional[k] as Shape)(field, ctx);
      ctx.stack.pop();
      if (r === INVALID) ok = false;
      else out[k] = r;
    }
    for (const k in v) {
      if (!known.has(k) && Object.prototype.hasOwnProperty.call(v, k)) {
        ctx.stack.push(k);
        report(ctx, ctx.warnings, 'UNKNOWN_FIELD', 'shape.unknownField', { field: k });
        ctx.stack.pop();
      }
    }
    return ok ? out : INVALID;
  };
}

/** Runs a shape at the root and returns the cleaned value or the problems. */
export function check(
  shape: Shape,
  value: unknown,
  root: (string | number)[] = [],
  limit = 50,
):
  | { ok: true; value: unknown; warnings: ShapeProblem[] }
  | { ok: false; errors: ShapeProblem[]; warnings: ShapeProblem[] } {
  const ctx = newContext(limit, root);
  const r = shape(value, ctx);
  if (ctx.dropped > 0)
    (ctx.errors.length >= limit ? ctx.errors : ctx.warnings).push({
      path: '$',
      code: 'TYPE',
      ...said('shape.more', { count: String(ctx.dropped) }),
    });
  return r === INVALID
    ? { ok: false, errors: ctx.errors, warnings: ctx.warnings }
    : { ok: true, value: r, warnings: ctx.warnings };
}
