import { gatewayHostMatches } from '../hostnames';
import { exactMatches, prefixMatches } from '../paths';
import type { CompiledMatch } from '../state';
import type { HttpRequest } from '../types';

/**
 * Does one HTTPRouteMatch take a request (apis/v1/httproute_types.go `HTTPRouteMatch`: every
 * condition in a match must hold; header names case-insensitive, query names case-sensitive)?
 * `query` is the request's query string parsed once per request (first value of each name).
 */
export function matchTakes(m: CompiledMatch, req: HttpRequest, query: ReadonlyMap<string, string>): boolean {
  if (!hostTaken(m.hostnames, req.host)) return false;
  if (m.pathType === 'Exact') {
    if (!exactMatches(m.pathValue, req.path)) return false;
  } else if (m.pathType === 'PathPrefix') {
    if (!prefixMatches(m.pathValue, req.path)) return false;
  } else if (!m.pathRegex || !m.pathRegex.test(req.path)) return false;
  if (m.method !== null && m.method !== req.method) return false;
  for (const h of m.headers) {
    const v = req.headers[h.name];
    if (v === undefined) return false;
    if (h.type === 'Exact' ? v !== h.value : !h.re || !h.re.test(v)) return false;
  }
  for (const q of m.query) {
    const v = query.get(q.name);
    if (v === undefined) return false;
    if (q.type === 'Exact' ? v !== q.value : !q.re || !q.re.test(v)) return false;
  }
  return true;
}

function hostTaken(hostnames: readonly string[], host: string): boolean {
  for (const h of hostnames) if (h === '*' || gatewayHostMatches(h, host)) return true;
  return false;
}

/** `a=1&b=2` → {a: '1', b: '2'}; percent-decoding as a proxy does; the first value of a name wins. */
export function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  if (query === '') return out;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const i = part.indexOf('=');
    const name = decode(i < 0 ? part : part.slice(0, i));
    const value = i < 0 ? '' : decode(part.slice(i + 1));
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
