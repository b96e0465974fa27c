import type { HTTPRouteMatch, HTTPRouteRule, K8sHTTPRoute, ParentReference } from '../../core/model/l7';
import { type Obj, type Path, type ReadCtx, fail, readEnum, readList, readObj, readStr } from './reader';
import { readBackendRef, readFilters } from './import-httproute-filters';
import { TOP, gwVersion, meta, port, readHostname } from './l7-read';

/**
 * HTTPRoute (gateway-api apis/v1/httproute_types.go): parent Gateways, hostnames, and rules of
 * matches (path, headers, query parameters, method), filters and weighted backends.
 */

function readMatch(c: ReadCtx, v: unknown, p: Path): HTTPRouteMatch | undefined {
  const x = readObj(c, v, p, ['path', 'headers', 'queryParams', 'method'], true);
  if (!x) return undefined;
  const m: HTTPRouteMatch = {};
  const path = readObj(c, x.path, [...p, 'path'], ['type', 'value']);
  if (path) {
    const type = readEnum(c, path.type, [...p, 'path', 'type'], [
      'Exact',
      'PathPrefix',
      'RegularExpression',
    ] as const);
    const value = readStr(c, path.value, [...p, 'path', 'value']);
    if (value !== undefined && type !== 'RegularExpression' && !value.startsWith('/'))
      fail(c, [...p, 'path', 'value'], 'import.field.absolutePath', { value: JSON.stringify(value) });
    m.path = { ...(type ? { type } : {}), ...(value !== undefined ? { value } : {}) };
  }
  for (const key of ['headers', 'queryParams'] as const) {
    const list = readList(c, x[key], [...p, key]);
    if (!list) continue;
    m[key] = list.flatMap((h, i) => {
      const q: Path = [...p, key, i];
      const y = readObj(c, h, q, ['type', 'name', 'value'], true);
      if (!y) return [];
      const type = readEnum(c, y.type, [...q, 'type'], ['Exact', 'RegularExpression'] as const);
      const name = readStr(c, y.name, [...q, 'name'], true);
      const value = readStr(c, y.value, [...q, 'value'], true);
      if (name === undefined || value === undefined) return [];
      return [{ name, value, ...(type ? { type } : {}) }];
    });
  }
  const method = readEnum(c, x.method, [...p, 'method'], [
    'GET',
    'HEAD',
    'POST',
    'PUT',
    'DELETE',
    'CONNECT',
    'OPTIONS',
    'TRACE',
    'PATCH',
  ] as const);
  if (method) m.method = method;
  return m;
}

export function readHttpRoute(c: ReadCtx, o: Obj): K8sHTTPRoute | undefined {
  readObj(c, o, [], TOP);
  const m = meta(c, o, true);
  const s = readObj(c, o.spec, ['spec'], ['parentRefs', 'hostnames', 'rules'], true);
  if (!m || !s) return undefined;
  const spec: K8sHTTPRoute['spec'] = {};
  const parents = readList(c, s.parentRefs, ['spec', 'parentRefs']);
  if (parents) {
    spec.parentRefs = parents.flatMap((r, i) => {
      const p: Path = ['spec', 'parentRefs', i];
      const x = readObj(c, r, p, ['group', 'kind', 'namespace', 'name', 'sectionName', 'port'], true);
      if (!x) return [];
      const name = readStr(c, x.name, [...p, 'name'], true);
      if (name === undefined) return [];
      const ref: ParentReference = { name };
      for (const k of ['group', 'kind', 'namespace', 'sectionName'] as const) {
        const val = readStr(c, x[k], [...p, k]);
        if (val !== undefined) ref[k] = val;
      }
      const pp = port(c, x.port, [...p, 'port']);
      if (pp !== undefined) ref.port = pp;
      return [ref];
    });
  }
  const hostnames = readList(c, s.hostnames, ['spec', 'hostnames']);
  if (hostnames)
    spec.hostnames = hostnames.flatMap((h, i) => {
      const v = readHostname(c, h, ['spec', 'hostnames', i], true);
      return v === undefined ? [] : [v];
    });
  const rules = readList(c, s.rules, ['spec', 'rules']);
  if (rules) {
    spec.rules = rules.flatMap((r, i) => {
      const p: Path = ['spec', 'rules', i];
      const x = readObj(
        c,
        r,
        p,
        ['name', 'matches', 'filters', 'backendRefs', 'timeouts', 'retry', 'sessionPersistence'],
        true,
      );
      if (!x) return [];
      const rule: HTTPRouteRule = {};
      const name = readStr(c, x.name, [...p, 'name']);
      if (name !== undefined) rule.name = name;
      const matches = readList(c, x.matches, [...p, 'matches']);
      if (matches) rule.matches = matches.flatMap((mm, j) => readMatch(c, mm, [...p, 'matches', j]) ?? []);
      const filters = readFilters(c, x.filters, [...p, 'filters']);
      if (filters) rule.filters = filters;
      const refs = readList(c, x.backendRefs, [...p, 'backendRefs']);
      if (refs)
        rule.backendRefs = refs.flatMap((b, j) => readBackendRef(c, b, [...p, 'backendRefs', j], true) ?? []);
      return [rule];
    });
  }
  return { apiVersion: gwVersion(o), kind: 'HTTPRoute', metadata: m, spec };
}
