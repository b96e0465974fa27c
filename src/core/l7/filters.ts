import type { HTTPHeaderFilter, HTTPPathModifier, HTTPRouteFilter } from '../model/l7';
import { replacePrefix } from './paths';
import type { HttpRequest } from './types';

/**
 * HTTPRoute filters applied in the order listed (kubernetes-sigs/gateway-api
 * apis/v1/httproute_types.go `HTTPRouteFilter`): header modifiers (set replaces, add appends,
 * remove deletes; names case-insensitive), URLRewrite of host and path, RequestRedirect (the
 * proxy answers with a 3xx and a Location), RequestMirror (a copy to another backend whose answer
 * is ignored), ResponseHeaderModifier on the answer.
 */

export interface FilterRun {
  request: HttpRequest;
  responseHeaders: Record<string, string>;
  applied: { type: string; detail: string }[];
  redirect: { status: number; location: string } | null;
  mirrors: { namespace?: string; name: string; port?: number }[];
}

function modifyHeaders(h: Record<string, string>, f: HTTPHeaderFilter): string[] {
  const said: string[] = [];
  for (const s of f.set ?? []) {
    h[s.name.toLowerCase()] = s.value;
    said.push(`set ${s.name}: ${s.value}`);
  }
  for (const a of f.add ?? []) {
    const k = a.name.toLowerCase();
    h[k] = h[k] === undefined ? a.value : `${h[k]},${a.value}`;
    said.push(`add ${a.name}: ${a.value}`);
  }
  for (const r of f.remove ?? []) {
    delete h[r.toLowerCase()];
    said.push(`remove ${r}`);
  }
  return said;
}

function modifiedPath(path: string, mod: HTTPPathModifier | undefined, matchedPrefix: string | null): string {
  if (!mod) return path;
  if (mod.type === 'ReplaceFullPath') return mod.replaceFullPath ?? path;
  return replacePrefix(path, matchedPrefix ?? '/', mod.replacePrefixMatch ?? '/');
}

const WELL_KNOWN: Record<string, number> = { http: 80, https: 443 };

/**
 * The Location of a RequestRedirect (apis/v1/httproute_types.go `HTTPRequestRedirectFilter`):
 * the scheme defaults to the listener's (HTTPS → https), the hostname to the request's; without a port, a new scheme's well-known port,
 * else the listener's port; the port is left out when it is the scheme's well-known one; the
 * path is replaced as asked, the query kept.
 */
export function redirectLocation(
  req: HttpRequest,
  listener: ListenerRef,
  f: NonNullable<HTTPRouteFilter['requestRedirect']>,
  matchedPrefix: string | null,
): string {
  const listenerPort = listener.port;
  const scheme = f.scheme ?? (listener.protocol === 'HTTPS' ? 'https' : 'http');
  const host = f.hostname ?? req.host;
  const port = f.port ?? (f.scheme ? (WELL_KNOWN[f.scheme] ?? listenerPort) : listenerPort);
  const showPort = WELL_KNOWN[scheme] !== port;
  const path = modifiedPath(req.path, f.path, matchedPrefix);
  return `${scheme}://${host}${showPort ? `:${port}` : ''}${path}${req.query ? `?${req.query}` : ''}`;
}

/** The listener a request arrived on (redirects default to its port and scheme). */
export interface ListenerRef {
  port: number;
  protocol: string;
}

export function applyFilters(
  filters: readonly HTTPRouteFilter[],
  start: FilterRun,
  listener: ListenerRef,
  matchedPrefix: string | null,
): FilterRun {
  const run: FilterRun = {
    request: { ...start.request, headers: { ...start.request.headers } },
    responseHeaders: { ...start.responseHeaders },
    applied: [...start.applied],
    redirect: start.redirect,
    mirrors: [...start.mirrors],
  };
  for (const f of filters) {
    if (run.redirect) break;
    switch (f.type) {
      case 'RequestHeaderModifier':
        run.applied.push({
          type: f.type,
          detail: modifyHeaders(run.request.headers, f.requestHeaderModifier ?? {}).join('; '),
        });
        break;
      case 'ResponseHeaderModifier':
        run.applied.push({
          type: f.type,
          detail: modifyHeaders(run.responseHeaders, f.responseHeaderModifier ?? {}).join('; '),
        });
        break;
      case 'URLRewrite': {
        const u = f.urlRewrite ?? {};
        const said: string[] = [];
        if (u.hostname) {
          run.request.host = u.hostname;
          said.push(`host ${u.hostname}`);
        }
        if (u.path) {
          run.request.path = modifiedPath(run.request.path, u.path, matchedPrefix);
          said.push(`path ${run.request.path}`);
        }
        run.applied.push({ type: f.type, detail: said.join('; ') });
        break;
      }
      case 'RequestRedirect': {
        const r = f.requestRedirect ?? {};
        const location = redirectLocation(start.request, listener, r, matchedPrefix);
        run.redirect = { status: r.statusCode ?? 302, location };
        run.applied.push({ type: f.type, detail: `${r.statusCode ?? 302} ${location}` });
        break;
      }
      case 'RequestMirror': {
        const b = f.requestMirror?.backendRef;
        if (b) {
          run.mirrors.push(b);
          run.applied.push({
            type: f.type,
            detail: `${b.namespace ? `${b.namespace}/` : ''}${b.name}:${b.port ?? ''}`,
          });
        }
        break;
      }
      default:
        run.applied.push({ type: f.type, detail: 'not modelled' });
    }
  }
  return run;
}
