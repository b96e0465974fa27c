import type {
  BackendObjectReference,
  HTTPBackendRef,
  HTTPHeaderFilter,
  HTTPPathModifier,
  HTTPRouteFilter,
} from '../../core/model/l7';
import { HTTP_ROUTE_FILTER_TYPES } from '../../core/model/l7';
import {
  type Path,
  type ReadCtx,
  fail,
  readEnum,
  readInt,
  readList,
  readObj,
  readStr,
  readStrList,
} from './reader';
import { port, readHostname } from './l7-read';

/**
 * HTTPRoute backend references and filters (gateway-api apis/v1/httproute_types.go): header
 * modifiers, redirects and rewrites (never both on one rule), mirrors. A backend reference may
 * carry filters and a mirror filter names a backend, so both live here.
 */

export function readBackendRef(
  c: ReadCtx,
  v: unknown,
  p: Path,
  weighted: boolean,
): HTTPBackendRef | undefined {
  const known = ['group', 'kind', 'name', 'namespace', 'port', ...(weighted ? ['weight', 'filters'] : [])];
  const x = readObj(c, v, p, known, true);
  if (!x) return undefined;
  const name = readStr(c, x.name, [...p, 'name'], true);
  const ref: BackendObjectReference & { weight?: number; filters?: HTTPRouteFilter[] } = { name: name ?? '' };
  const group = readStr(c, x.group, [...p, 'group']);
  const kind = readStr(c, x.kind, [...p, 'kind']);
  const namespace = readStr(c, x.namespace, [...p, 'namespace']);
  const bport = port(c, x.port, [...p, 'port']);
  if (group !== undefined) ref.group = group;
  if (kind !== undefined) ref.kind = kind;
  if (namespace !== undefined) ref.namespace = namespace;
  if (bport !== undefined) ref.port = bport;
  // A Service backendRef must name its port (CEL rule on BackendObjectReference).
  if ((x.port === undefined || x.port === null) && (group ?? '') === '' && (kind ?? 'Service') === 'Service')
    fail(c, [...p, 'port'], 'import.field.backendPort');
  if (weighted) {
    const w = readInt(c, x.weight, [...p, 'weight'], 0, 1_000_000);
    if (w !== undefined) ref.weight = w;
    const f = readFilters(c, x.filters, [...p, 'filters']);
    if (f) ref.filters = f;
  }
  return name === undefined ? undefined : ref;
}

function readHeaderFilter(c: ReadCtx, v: unknown, p: Path): HTTPHeaderFilter {
  const x = readObj(c, v, p, ['set', 'add', 'remove'], true) ?? {};
  const pairs = (key: 'set' | 'add') =>
    (readList(c, x[key], [...p, key]) ?? []).flatMap((h, i) => {
      const y = readObj(c, h, [...p, key, i], ['name', 'value'], true);
      const name = y ? readStr(c, y.name, [...p, key, i, 'name'], true) : undefined;
      const value = y ? readStr(c, y.value, [...p, key, i, 'value'], true) : undefined;
      return name === undefined || value === undefined ? [] : [{ name, value }];
    });
  const out: HTTPHeaderFilter = {};
  const set = pairs('set');
  const add = pairs('add');
  const remove = readStrList(c, x.remove, [...p, 'remove']);
  if (set.length) out.set = set;
  if (add.length) out.add = add;
  if (remove?.length) out.remove = remove;
  return out;
}

function readPathModifier(c: ReadCtx, v: unknown, p: Path): HTTPPathModifier | undefined {
  const x = readObj(c, v, p, ['type', 'replaceFullPath', 'replacePrefixMatch']);
  if (!x) return undefined;
  const type = readEnum(c, x.type, [...p, 'type'], ['ReplaceFullPath', 'ReplacePrefixMatch'] as const, true);
  if (!type) return undefined;
  const field = type === 'ReplaceFullPath' ? 'replaceFullPath' : 'replacePrefixMatch';
  const value = readStr(c, x[field], [...p, field], true);
  return value === undefined ? undefined : { type, [field]: value };
}

const FILTER_TYPES = HTTP_ROUTE_FILTER_TYPES;

export function readFilters(c: ReadCtx, v: unknown, p: Path): HTTPRouteFilter[] | undefined {
  const list = readList(c, v, p);
  if (!list) return undefined;
  const out: HTTPRouteFilter[] = [];
  list.forEach((f, i) => {
    const q: Path = [...p, i];
    const x = readObj(
      c,
      f,
      q,
      [
        'type',
        'requestHeaderModifier',
        'responseHeaderModifier',
        'requestRedirect',
        'urlRewrite',
        'requestMirror',
        'extensionRef',
        'cors',
        'externalAuth',
      ],
      true,
    );
    if (!x) return;
    const type = readEnum(c, x.type, [...q, 'type'], FILTER_TYPES, true);
    if (!type) return;
    const filter: HTTPRouteFilter = { type };
    if (type === 'RequestHeaderModifier')
      filter.requestHeaderModifier = readHeaderFilter(c, x.requestHeaderModifier, [
        ...q,
        'requestHeaderModifier',
      ]);
    if (type === 'ResponseHeaderModifier')
      filter.responseHeaderModifier = readHeaderFilter(c, x.responseHeaderModifier, [
        ...q,
        'responseHeaderModifier',
      ]);
    if (type === 'RequestRedirect') {
      const r =
        readObj(
          c,
          x.requestRedirect,
          [...q, 'requestRedirect'],
          ['scheme', 'hostname', 'path', 'port', 'statusCode'],
          true,
        ) ?? {};
      const rr: NonNullable<HTTPRouteFilter['requestRedirect']> = {};
      const scheme = readEnum(c, r.scheme, [...q, 'requestRedirect', 'scheme'], ['http', 'https'] as const);
      const hostname = readHostname(c, r.hostname, [...q, 'requestRedirect', 'hostname']);
      const path = readPathModifier(c, r.path, [...q, 'requestRedirect', 'path']);
      const rport = port(c, r.port, [...q, 'requestRedirect', 'port']);
      const code = r.statusCode;
      if (code !== undefined && code !== null && ![301, 302, 303, 307, 308].includes(code as number))
        fail(c, [...q, 'requestRedirect', 'statusCode'], 'import.field.redirectCode', {
          value: String(code),
        });
      else if (typeof code === 'number') rr.statusCode = code as 301;
      if (scheme) rr.scheme = scheme;
      if (hostname) rr.hostname = hostname;
      if (path) rr.path = path;
      if (rport !== undefined) rr.port = rport;
      filter.requestRedirect = rr;
    }
    if (type === 'URLRewrite') {
      const u = readObj(c, x.urlRewrite, [...q, 'urlRewrite'], ['hostname', 'path'], true) ?? {};
      const hostname = readHostname(c, u.hostname, [...q, 'urlRewrite', 'hostname']);
      const path = readPathModifier(c, u.path, [...q, 'urlRewrite', 'path']);
      filter.urlRewrite = { ...(hostname ? { hostname } : {}), ...(path ? { path } : {}) };
    }
    if (type === 'RequestMirror') {
      const m = readObj(
        c,
        x.requestMirror,
        [...q, 'requestMirror'],
        ['backendRef', 'percent', 'fraction'],
        true,
      );
      const b = m ? readBackendRef(c, m.backendRef, [...q, 'requestMirror', 'backendRef'], false) : undefined;
      if (b) filter.requestMirror = { backendRef: b };
    }
    if (type === 'ExtensionRef') {
      const e = readObj(c, x.extensionRef, [...q, 'extensionRef'], ['group', 'kind', 'name'], true);
      const g = e ? readStr(c, e.group, [...q, 'extensionRef', 'group'], true) : undefined;
      const k = e ? readStr(c, e.kind, [...q, 'extensionRef', 'kind'], true) : undefined;
      const n = e ? readStr(c, e.name, [...q, 'extensionRef', 'name'], true) : undefined;
      if (g !== undefined && k !== undefined && n !== undefined)
        filter.extensionRef = { group: g, kind: k, name: n };
    }
    out.push(filter);
  });
  if (out.some((f) => f.type === 'RequestRedirect') && out.some((f) => f.type === 'URLRewrite'))
    fail(c, p, 'import.field.redirectRewrite');
  return out;
}
