import { isDns1123Subdomain } from '../../core/model/validate-names';
import type { Say } from '../../core/trace/types';
import type { ImportIssue } from './types';
import { say, sayText, type ImportMessageKey } from './messages';

/**
 * Typed field readers for decoded YAML, modelled on what the API server's strict decoder and
 * validation say: a wrong type or an invalid value is an error naming the field path and line; a
 * field the schema does not know is a notice (`kubectl apply --validate=warn` prints "unknown
 * field"). YAML `null` counts as an absent field, as in Kubernetes' JSON decoding.
 */

export type Path = readonly (string | number)[];
export type Obj = Record<string, unknown>;

/** Where a reader is working: one document (or one `kind: List` item) of the stream. */
export interface ReadCtx {
  document: number;
  /** Path of the object inside its document (`['items', 3]` inside a List, else `[]`). */
  prefix: Path;
  /** Line of the field at a full document path (nearest existing ancestor when it is missing). */
  lineAt: (path: Path) => number | null;
  errors: ImportIssue[];
  notices: ImportIssue[];
  kind?: string;
  name?: string;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `spec.ports[0].port`, `metadata.labels["app.kubernetes.io/name"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

function issue(c: ReadCtx, path: Path, message: string): ImportIssue {
  const full = [...c.prefix, ...path];
  const out: ImportIssue = { document: c.document, line: c.lineAt(full), path: formatPath(full), message };
  if (c.kind) out.kind = c.kind;
  if (c.name) out.name = c.name;
  return out;
}

/**
 * Records an error at a field, as a key of messages.ts and its arguments (the English sentence is
 * the CLI's, the key the page's); returns undefined so readers can `return fail(…)`.
 */
export function fail(
  c: ReadCtx,
  path: Path,
  key: ImportMessageKey,
  args: Record<string, string | number> = {},
): undefined {
  const s = say(key, args);
  c.errors.push({ ...issue(c, path, sayText(s)), say: s });
  return undefined;
}

export function note(c: ReadCtx, path: Path, message: string, say: Say): void {
  c.notices.push({ ...issue(c, path, message), say });
}

/** How an error message shows the offending value: `"http"`, `3.5`, `a mapping`, `a list`. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

const missing = (c: ReadCtx, path: Path): undefined => fail(c, path, 'import.field.missing');

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A mapping. With `known`, every other key is reported as an unknown field (a notice); pass null
 * for parts of the API this model does not look into (their content is accepted as is).
 */
export function readObj(
  c: ReadCtx,
  v: unknown,
  path: Path,
  known: readonly string[] | null,
  req = false,
): Obj | undefined {
  if (v === null || v === undefined) return req ? missing(c, path) : undefined;
  if (!isObj(v)) return fail(c, path, 'import.field.mapping', { got: describe(v) });
  if (known) {
    for (const key of Object.keys(v)) {
      if (!known.includes(key))
        note(c, [...path, key], 'unknown field, ignored', { key: 'import.notice.unknownField', args: {} });
    }
  }
  return v;
}

export function readList(c: ReadCtx, v: unknown, path: Path, req = false): unknown[] | undefined {
  if (v === null || v === undefined) return req ? missing(c, path) : undefined;
  if (!Array.isArray(v)) return fail(c, path, 'import.error.list', { got: describe(v) });
  return v;
}

export function readStr(c: ReadCtx, v: unknown, path: Path, req = false): string | undefined {
  if (v === null || v === undefined) return req ? missing(c, path) : undefined;
  if (typeof v !== 'string') return fail(c, path, 'import.field.string', { got: describe(v) });
  return v;
}

export function readBool(c: ReadCtx, v: unknown, path: Path): boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'boolean') return fail(c, path, 'import.field.bool', { got: describe(v) });
  return v;
}

/** An integer in [min, max]; YAML strings such as "80" are rejected, as the API server does. */
export function readInt(
  c: ReadCtx,
  v: unknown,
  path: Path,
  min: number,
  max: number,
  req = false,
): number | undefined {
  if (v === null || v === undefined) return req ? missing(c, path) : undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    return fail(c, path, 'import.field.int', { min, max, got: describe(v) });
  }
  return v;
}

export function readEnum<T extends string>(
  c: ReadCtx,
  v: unknown,
  path: Path,
  values: readonly T[],
  req = false,
): T | undefined {
  if (v === null || v === undefined) return req ? missing(c, path) : undefined;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    return fail(c, path, 'import.field.enum', { values: values.join(', '), got: describe(v) });
  }
  return v as T;
}

/** A list of strings (`values`, `addresses`, `except`). */
export function readStrList(c: ReadCtx, v: unknown, path: Path, req = false): string[] | undefined {
  const list = readList(c, v, path, req);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((item, i) => {
    const s = readStr(c, item, [...path, i], true);
    if (s !== undefined) out.push(s);
  });
  return out;
}

// Name and label syntax: k8s.io/apimachinery/pkg/util/validation/validation.go
// (IsDNS1123Label, IsDNS1123Subdomain, IsQualifiedName, IsValidLabelValue, IsValidPortName).
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const isDns1123Label = (s: string): boolean => s.length <= 63 && DNS1123_LABEL.test(s);
export { isDns1123Subdomain };

/** IANA_SVC_NAME: a port name (≤ 15 chars, lower-case alphanumerics and '-', at least one letter). */
export function isPortName(s: string): boolean {
  return (
    s.length >= 1 &&
    s.length <= 15 &&
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(s) &&
    /[a-z]/.test(s) &&
    !s.includes('--')
  );
}

/** A label key (`[prefix/]name`, prefix a DNS subdomain) as IsQualifiedName checks it. */
export function isLabelKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1]!;
  if (parts.length === 2 && (parts[0]!.length === 0 || !isDns1123Subdomain(parts[0]!))) return false;
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

export const isLabelValue = (v: string): boolean => v.length <= 63 && LABEL_VALUE.test(v);

/** `labels`, `matchLabels`, `selector`, `nodeSelector`: string → string, keys and values checked. */
export function readLabels(c: ReadCtx, v: unknown, path: Path): Record<string, string> | undefined {
  const o = readObj(c, v, path, null);
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(o)) {
    if (!isLabelKey(key)) {
      fail(c, [...path, key], 'import.field.labelKey');
      continue;
    }
    if (typeof value !== 'string') {
      fail(c, [...path, key], 'import.field.labelQuote', { got: describe(value), value: String(value) });
      continue;
    }
    if (!isLabelValue(value)) {
      fail(c, [...path, key], 'import.field.labelValue', { got: describe(value) });
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** `annotations`: any string values (no syntax rules beyond key shape). */
export function readAnnotations(c: ReadCtx, v: unknown, path: Path): Record<string, string> | undefined {
  const o = readObj(c, v, path, null);
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(o)) {
    if (typeof value !== 'string') fail(c, [...path, key], 'import.field.string', { got: describe(value) });
    else out[key] = value;
  }
  return out;
}
