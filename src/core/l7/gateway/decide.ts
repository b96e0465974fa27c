import { applyFilters } from '../filters';
import { listenerHostRank } from '../hostnames';
import type { GatewayPlan, L7State, ListenerPlan, ResolvedBackend } from '../state';
import type { HttpRequest, L7Backend, L7Decision, L7Error, L7Message } from '../types';
import { pickWeighted } from '../weights';
import { matchTakes, parseQuery } from './match';
import { candidates, comparePrecedenceStep } from './table';

/**
 * The decision an Envoy proxy of a Gateway makes for one request: the listener (port, then the
 * most specific hostname: exact, longest wildcard, none — apis/v1/gateway_types.go
 * `Listener.Hostname`; the port in Host is ignored), the first rule in precedence order whose
 * match takes the request, its filters in order, a weighted backend, then the answer: forwarded
 * (200 from upstream), a redirect, 404 when no rule matches, 500 for an invalid backend or none to
 * pick, 503 when the Service has no ready endpoints.
 */

export interface DecideOptions {
  seed?: number;
  upstreamVia?: 'endpoints' | 'clusterip';
}

/** The listener that takes a request on a port: the best hostname rank, -1 ranks excluded. */
export function selectListener(gw: GatewayPlan, req: HttpRequest): ListenerPlan | null | undefined {
  let best: ListenerPlan | null = null;
  let bestRank = -1;
  let onPort = false;
  for (const l of gw.listeners) {
    if (l.port !== req.port) continue;
    onPort = true;
    const rank = listenerHostRank(l.hostname, req.host);
    if (rank > bestRank) {
      best = l;
      bestRank = rank;
    }
  }
  return onPort ? best : undefined;
}

const toBackend = (b: ResolvedBackend): L7Backend => ({
  namespace: b.namespace,
  service: b.service,
  port: b.port,
  weight: b.weight,
});

export function decideGateway(
  state: L7State,
  gw: GatewayPlan,
  req: HttpRequest,
  opts: DecideOptions,
): L7Decision | L7Error {
  const listener = selectListener(gw, req);
  if (listener === undefined)
    return { error: { key: 'l7.error.noListenerPort', args: { via: gw.via, port: req.port } } };
  const base: L7Decision = {
    via: gw.via,
    listener: listener?.name ?? null,
    route: null,
    routeKind: null,
    rule: null,
    precedence: { key: 'l7.why.noRoute', args: { host: req.host, path: req.path } },
    filters: [],
    backend: null,
    status: 404,
    location: null,
    answered: true,
    upstreamRequest: null,
    upstreamVia: opts.upstreamVia ?? 'endpoints',
  };
  if (!listener) {
    base.precedence = { key: 'l7.why.noListenerHost', args: { host: req.host, port: req.port } };
    return base;
  }
  const query = parseQuery(req.query);
  const table = listener.table;
  // Only the entries the path can match, in table (precedence) order.
  const cands = candidates(listener.index, req.path);
  let win = -1;
  for (let c = 0; c < cands.length; c++) {
    if (matchTakes(table[cands[c]!]!, req, query)) {
      win = c;
      break;
    }
  }
  if (win < 0) return base;
  const m = table[cands[win]!]!;
  const route = state.routes[m.route]!;
  // Why this rule: compare with the next rule (of any route) that also takes the request.
  let why: L7Message = { key: 'l7.why.only', args: { route: route.key, rule: m.rule } };
  for (let c = win + 1; c < cands.length; c++) {
    const o = table[cands[c]!]!;
    if (o.route === m.route && o.rule === m.rule) continue;
    if (!matchTakes(o, req, query)) continue;
    const step = comparePrecedenceStep(m, o, state.routes).step;
    why = {
      key: `l7.why.${step}`,
      args: {
        route: route.key,
        rule: m.rule,
        other: state.routes[o.route]!.key,
        otherRule: o.rule,
        path: m.pathValue,
        otherPath: o.pathValue,
        n: step === 'moreQuery' ? m.query.length : m.headers.length,
        otherN: step === 'moreQuery' ? o.query.length : o.headers.length,
        method: m.method ?? '',
      },
    };
    break;
  }
  const rule = route.rules[m.rule]!;
  const prefix = m.pathType === 'PathPrefix' ? m.pathValue : null;
  const out: L7Decision = {
    ...base,
    route: route.key,
    routeKind: 'HTTPRoute',
    rule: m.rule,
    precedence: why,
    upstreamVia: opts.upstreamVia ?? route.upstreamVia,
  };
  const start = { request: req, responseHeaders: {}, applied: [], redirect: null, mirrors: [] };
  let run = applyFilters(rule.filters, start, listener, prefix);
  const finish = (): L7Decision => {
    out.filters = run.applied;
    out.responseHeaders = run.responseHeaders;
    if (run.mirrors.length > 0)
      out.mirrors = run.mirrors.map((b) => ({
        namespace: b.namespace ?? route.namespace,
        service: b.name,
        port: b.port ?? 0,
        weight: 1,
      }));
    return out;
  };
  if (run.redirect) {
    out.status = run.redirect.status;
    out.location = run.redirect.location;
    return finish();
  }
  const picked = pickWeighted(rule.backends, (opts.seed ?? 0) ^ (m.route * 31 + m.rule));
  if (!picked) {
    out.status = 500;
    out.precedence = why;
    return finish();
  }
  out.backend = toBackend(picked);
  if (picked.invalid !== null) {
    out.status = 500;
    return finish();
  }
  run = applyFilters(picked.filters, run, listener, prefix);
  if (run.redirect) {
    out.status = run.redirect.status;
    out.location = run.redirect.location;
    return finish();
  }
  const svc = state.backends(picked.namespace, picked.service);
  const ready = svc?.ports.find((p) => p.port === picked.port)?.ready ?? 0;
  if (ready === 0) {
    out.status = 503;
    return finish();
  }
  out.status = 200;
  out.answered = false;
  out.upstreamRequest = run.request;
  return finish();
}
