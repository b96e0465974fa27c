import type { HttpRequest, L7Error } from './types';

/**
 * Turns what a user types (`http://host[:port]/path?query`, a method, `Name: value` headers) into the
 * request a client puts on the wire: the Host header without its port (RFC 9110 §7.2; Gateway API
 * listener and route hostname matching ignore the port), the default port of the scheme (80, 443),
 * lower-case header names (HTTP field names are case-insensitive, RFC 9110 §5.1).
 */
export function parseRequestUrl(
  url: string,
  method = 'GET',
  headers: Record<string, string> | readonly string[] = {},
): HttpRequest | L7Error {
  const m = /^(https?):\/\/([^/?#\s]+)([^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?$/i.exec(url.trim());
  if (!m) return { error: { key: 'l7.request.badUrl', args: { url } } };
  const scheme = m[1]!.toLowerCase() as 'http' | 'https';
  const authority = m[2]!;
  if (authority.includes('@')) return { error: { key: 'l7.request.badUrl', args: { url } } };
  const hp = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hp) return { error: { key: 'l7.request.badUrl', args: { url } } };
  const host = hp[1]!.toLowerCase();
  const port = hp[2] === undefined ? (scheme === 'https' ? 443 : 80) : Number(hp[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return { error: { key: 'l7.request.badPort', args: { port: hp[2] ?? '' } } };
  const verb = method.trim().toUpperCase();
  if (!/^[A-Z]+$/.test(verb)) return { error: { key: 'l7.request.badMethod', args: { method } } };
  const hdrs: Record<string, string> = {};
  const entries: [string, string][] = Array.isArray(headers)
    ? []
    : Object.entries(headers as Record<string, string>);
  if (Array.isArray(headers)) {
    for (const line of headers as readonly string[]) {
      const i = line.indexOf(':');
      if (i <= 0) return { error: { key: 'l7.request.badHeader', args: { header: line } } };
      entries.push([line.slice(0, i), line.slice(i + 1)]);
    }
  }
  for (const [rawName, rawValue] of entries) {
    const name = rawName.trim().toLowerCase();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))
      return { error: { key: 'l7.request.badHeader', args: { header: rawName } } };
    const value = rawValue.trim();
    // Repeated fields combine with commas (RFC 9110 §5.3).
    hdrs[name] = hdrs[name] === undefined ? value : `${hdrs[name]},${value}`;
  }
  // An explicit Host header wins over the URL's authority for routing (the connection still goes to
  // the URL's port); its own port is ignored, as listener and route hostname matching ignore it.
  let routedHost = host;
  if (hdrs.host !== undefined) {
    routedHost = hdrs.host.replace(/:\d+$/, '').toLowerCase();
    delete hdrs.host;
  }
  const path = m[3] === '' ? '/' : m[3]!;
  return { method: verb, host: routedHost, port, path, query: m[4] ?? '', headers: hdrs, scheme };
}

export const isL7Error = (v: unknown): v is L7Error =>
  typeof v === 'object' && v !== null && 'error' in v && !('status' in v);
