import { ingressHostMatches } from '../hostnames';
import { exactMatches, prefixMatches } from '../paths';
import type { IngressClassPlan, IngressLocation, IngressServer, L7State } from '../state';
import type { HttpRequest, L7Decision, L7Error, L7Message } from '../types';

/**
 * The decision ingress-nginx makes for one request: the `server` for the Host (an exact host,
 * else a one-label wildcard, the longest first, else the catch-all), the longest matching path
 * (Exact before Prefix on a tie), else the server's default backend, else the controller's own
 * 404. Plain HTTP to a host with TLS is redirected to HTTPS with 308 (ingress-nginx
 * docs/user-guide/nginx-configuration/annotations.md "Server-side HTTPS enforcement through
 * redirect"). A backend Service that is missing or has no ready endpoints gets 503: its nginx
 * upstream has no servers.
 */

export function selectServer(plan: IngressClassPlan, host: string): IngressServer {
  let wildcard: IngressServer | null = null;
  for (const s of plan.servers) {
    if (s.host === host) return s;
    if (s.host.startsWith('*.') && ingressHostMatches(s.host, host)) {
      if (!wildcard || s.host.length > wildcard.host.length) wildcard = s;
    }
  }
  return wildcard ?? plan.catchAll;
}

const takes = (l: IngressLocation, path: string): boolean =>
  l.pathType === 'Exact' ? exactMatches(l.value, path) : prefixMatches(l.value, path);

export function decideIngress(
  state: L7State,
  plan: IngressClassPlan,
  req: HttpRequest,
  opts: { upstreamVia?: 'endpoints' | 'clusterip' },
): L7Decision | L7Error {
  if (req.port !== 80 && req.port !== 443)
    return { error: { key: 'l7.error.noListenerPort', args: { via: plan.via, port: req.port } } };
  const server = selectServer(plan, req.host);
  const out: L7Decision = {
    via: plan.via,
    listener: server.host === '' ? null : server.host,
    route: null,
    routeKind: null,
    rule: null,
    precedence: { key: 'l7.why.ingressNoMatch', args: { host: req.host, path: req.path } },
    filters: [],
    backend: null,
    status: 404,
    location: null,
    answered: true,
    upstreamRequest: null,
    upstreamVia: opts.upstreamVia ?? 'endpoints',
    ingressPath: null,
  };
  if (server.tls && (req.scheme ?? 'http') === 'http') {
    out.status = 308;
    out.location = `https://${req.host}${req.path}${req.query ? `?${req.query}` : ''}`;
    out.precedence = { key: 'l7.why.sslRedirect', args: { host: req.host } };
    out.filters = [{ type: 'ssl-redirect', detail: `308 ${out.location}` }];
    return out;
  }
  const locs = server.locations;
  let win = -1;
  for (let i = 0; i < locs.length; i++) {
    if (takes(locs[i]!, req.path)) {
      win = i;
      break;
    }
  }
  let backend = null;
  if (win >= 0) {
    const l = locs[win]!;
    let why: L7Message = { key: 'l7.why.ingressOnly', args: { path: l.value, type: l.pathType } };
    for (let i = win + 1; i < locs.length; i++) {
      const o = locs[i]!;
      if (!takes(o, req.path)) continue;
      why =
        o.value.replace(/\/$/, '') === l.value.replace(/\/$/, '')
          ? { key: 'l7.why.ingressExactOverPrefix', args: { path: l.value } }
          : { key: 'l7.why.ingressLongest', args: { path: l.value, other: o.value } };
      break;
    }
    out.route = l.ingress;
    out.routeKind = 'Ingress';
    out.rule = l.rule;
    out.ingressPath = { rule: l.rule, path: l.path };
    out.precedence = why;
    out.upstreamVia = opts.upstreamVia ?? l.upstreamVia;
    backend = l.backend;
  } else if (server.fallback) {
    out.route = server.fallback.ingress;
    out.routeKind = 'Ingress';
    out.ingressPath = { rule: -1, path: -1 };
    out.precedence = { key: 'l7.why.ingressDefaultBackend', args: { ingress: server.fallback.ingress } };
    out.upstreamVia = opts.upstreamVia ?? server.fallback.upstreamVia;
    backend = server.fallback.backend;
  } else return out;
  out.backend = { namespace: backend.namespace, service: backend.service, port: backend.port, weight: 1 };
  const svc = backend.invalid === null ? state.backends(backend.namespace, backend.service) : undefined;
  const ready = svc?.ports.find((p) => p.port === backend.port)?.ready ?? 0;
  if (ready === 0) {
    out.status = 503;
    return out;
  }
  out.status = 200;
  out.answered = false;
  out.upstreamRequest = { ...req, headers: { ...req.headers } };
  return out;
}
