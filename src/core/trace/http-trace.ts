import { formatIpv4, type Ipv4 } from '../net/ipv4';
import type { World } from '../cni/world';
import { decide, isL7Error, parseRequestUrl, type L7State } from '../l7';
import type { HttpRequest, L7Decision, L7Entry } from '../l7/types';
import type { Hop, HttpMessage, HttpResult, L7HopFacts, Probe, Say, Trace } from './types';
import type { TraceEnv } from './env';
import { say, type HopMessageKey } from './messages';
import { l7English } from './l7-messages';
import { forwardedHeaders } from './http-forwarded';
import { hashString } from './state';
import { tracePacket, walk } from './trace';
import { conntrackLines } from './service-hooks';
import { serviceNamed } from '../services/lookup';

/** An HTTP request to trace through a Gateway or Ingress (what `trace --to http://…` takes). */
export interface HttpProbe {
  /** `external` or `NS/POD`. */
  from: string;
  /** `http://HOST[:PORT]/PATH[?QUERY]`. */
  url: string;
  method?: string;
  /** `Name: value` lines. */
  headers?: string[];
  /** `gateway/NS/NAME` or `ingressclass/NAME`; needed only when several could take the request. */
  via?: string | null;
  /** Show the upstream leg through the backend's ClusterIP (kube-proxy DNAT) instead of Pod IPs. */
  upstreamVia?: 'endpoints' | 'clusterip';
  seed?: number;
}

/** Why an HTTP trace could not start (bad URL, no or ambiguous entry): a message key and its args. */
export interface HttpTraceError {
  error: Say;
}

const message = (r: HttpRequest, headers: Record<string, string>): HttpMessage => ({
  method: r.method,
  host: r.host,
  port: r.port,
  path: r.path,
  query: r.query,
  headers,
});

const backendKey = (d: L7Decision): string | null =>
  d.backend ? `${d.backend.namespace}/${d.backend.service}:${d.backend.port}` : null;

/** The deciding entry as the proxy's own configuration would name it. */
function ruleText(d: L7Decision, status: number): string {
  const where = d.route ? `${d.routeKind ?? 'route'} ${d.route} rule ${d.rule ?? '-'}` : 'no route';
  const listener = d.listener === null ? '' : ` (listener ${d.listener})`;
  const filters = d.filters.length ? ` filters [${d.filters.map((f) => f.type).join(', ')}]` : '';
  const to =
    status >= 300 && status < 400 && d.location
      ? `${status} Location: ${d.location}`
      : d.answered || status !== 200
        ? `${status}`
        : `${backendKey(d)}${d.backend && d.backend.weight !== 1 ? ` (weight ${d.backend.weight})` : ''}`;
  return `${where}${listener}${filters} → ${to}`;
}

const tableOf = (implementation: string): string =>
  implementation === 'ingress-nginx' ? 'nginx.conf' : 'envoy route config';

/**
 * An HTTP request through an L7 entry, in legs, the way it happens on a real cluster:
 * 1. `client`: an ordinary TCP connection to the proxy's Service (from outside: the load balancer,
 *    a NodePort, kube-proxy, the proxy Pod; from a Pod: the Service's ClusterIP), traced by the
 *    packet walker;
 * 2. the `l7` hop: the proxy Pod reads the request and decides (core/l7 `decide`): listener,
 *    route, rule, why it won, filters, backend — or answers itself (404, redirect, 500, 503);
 * 3. `upstream`: a NEW connection from the proxy Pod's own address. Envoy (EDS) and ingress-nginx
 *    (its Lua balancer over EndpointSlices) dial a backend Pod IP directly, so kube-proxy is not on
 *    this path; with `upstreamVia: clusterip` (ingress-nginx `service-upstream: "true"`) the proxy
 *    dials the ClusterIP and kube-proxy translates it. The backend sees the proxy as the source and
 *    the client in X-Forwarded-For (the node's address when externalTrafficPolicy Cluster SNATed it).
 */
export function traceHttp(world: World, env: TraceEnv, l7: L7State, hp: HttpProbe): Trace | HttpTraceError {
  const req = parseRequestUrl(hp.url, hp.method ?? 'GET', hp.headers ?? []);
  if (isL7Error(req)) return { error: req.error };
  if (l7.entries.length === 0) return { error: { key: 'l7.error.noL7', args: {} } };
  const seed = hp.seed ?? hashString(`${hp.from}>${hp.url}`);
  const d = decide(l7, hp.via ?? null, req, {
    seed,
    ...(hp.upstreamVia ? { upstreamVia: hp.upstreamVia } : {}),
  });
  if (isL7Error(d)) return { error: d.error };
  const entry: L7Entry | undefined = l7.entries.find((e) => e.via === d.via);
  if (!entry || entry.service === '' || entry.pods.length === 0)
    return { error: { key: 'l7.error.noProxyPods', args: { via: d.via, service: entry?.service ?? '' } } };

  const probe: Probe = {
    from: hp.from,
    to: hp.url,
    port: req.port,
    protocol: 'TCP',
    ...(hp.seed !== undefined ? { seed: hp.seed } : {}),
  };
  // Leg 1: the client connects to the proxy's Service like to any other Service.
  const client = tracePacket(world, env, {
    from: hp.from,
    to: entry.service,
    port: req.port,
    protocol: 'TCP',
    ...(hp.seed !== undefined ? { seed: hp.seed } : {}),
  });
  if (client.verdict !== 'delivered' || client.deliveredTo === null) return { ...client, probe };
  const proxy = client.deliveredTo;
  const arrived = client.hops[client.hops.length - 1]!;
  const remoteAddr = arrived.packet.src;
  // Masquerade on the way in (externalTrafficPolicy Cluster) leaves the node's address as the source.
  const snat = hp.from === 'external' ? client.hops.find((h) => h.kind === 'snat') : undefined;
  const snatNode = snat && snat.packet.src === remoteAddr ? snat.netns.replace(/^node\//, '') : null;

  // Leg 2: the decision inside the proxy Pod.
  let status = d.status;
  let upstreamTarget: { ip: Ipv4; port: number } | null = null;
  let noEndpoints = false;
  if (!d.answered && d.backend) {
    const svc = env.services && serviceNamed(env.services, d.backend.namespace, d.backend.service);
    const sp = svc?.ports.find((p) => p.port === d.backend!.port);
    const ready = sp?.endpoints.filter((e) => e.ready) ?? [];
    if (d.upstreamVia === 'clusterip' && sp?.clusterIP != null) {
      upstreamTarget = { ip: sp.clusterIP, port: sp.port };
    } else if (ready.length > 0) {
      // Envoy's and nginx's balancers pick among ready endpoints; seeded so a trace repeats.
      const ep = ready[Math.floor(env.rng() * ready.length)]!;
      upstreamTarget = { ip: ep.ip, port: ep.port };
    } else {
      noEndpoints = true;
      status = 503;
    }
  }
  const upstreamHeaders =
    upstreamTarget && d.upstreamRequest
      ? forwardedHeaders(entry.implementation, d.upstreamRequest, d.upstreamRequest.headers, remoteAddr)
      : {};
  const facts: L7HopFacts = {
    via: d.via,
    implementation: entry.implementation,
    listener: d.listener,
    route: d.route,
    routeKind: d.routeKind,
    rule: d.rule,
    precedence: d.precedence,
    filters: d.filters,
    backend: backendKey(d),
    status,
    location: d.location,
    request: message(req, req.headers),
    upstream: upstreamTarget && d.upstreamRequest ? message(d.upstreamRequest, upstreamHeaders) : null,
    upstreamVia: d.upstreamVia,
  };
  const key: HopMessageKey = noEndpoints
    ? 'hop.l7.noEndpoints'
    : upstreamTarget
      ? snatNode
        ? 'hop.l7.forwardSnat'
        : 'hop.l7.forward'
      : d.location
        ? 'hop.l7.redirect'
        : 'hop.l7.answer';
  const { say: s, explain } = say(key, {
    proxy,
    implementation: entry.implementation,
    method: req.method,
    host: req.host,
    path: req.path + (req.query ? `?${req.query}` : ''),
    client: remoteAddr,
    why: l7English(d.precedence),
    backend: backendKey(d) ?? '',
    status,
    location: d.location ?? '',
    node: snatNode ?? '',
  });
  const l7Hop: Hop = {
    netns: proxy,
    device: 'eth0',
    kind: 'l7',
    explain,
    say: s,
    rule: ruleText(d, status),
    table: tableOf(entry.implementation),
    packet: arrived.packet,
    outer: null,
    leg: 'client',
    l7: facts,
  };
  const http: HttpResult = {
    status,
    listener: d.listener,
    route: d.route,
    rule: d.rule,
    backend: backendKey(d),
    location: d.location,
    upstreamHeaders,
  };
  const hops = [...client.hops, l7Hop];
  if (!upstreamTarget)
    return {
      probe,
      verdict: 'answered',
      reason: null,
      deliveredTo: proxy,
      hops,
      ...(client.conntrack ? { conntrack: client.conntrack } : {}),
      http,
    };

  // Leg 3: the proxy's own connection to the backend.
  const proxyNs = world.netns(proxy)!;
  const up = walk(
    world,
    env,
    { from: proxy, to: formatIpv4(upstreamTarget.ip), port: upstreamTarget.port, protocol: 'TCP' },
    proxyNs,
    upstreamTarget.ip,
    upstreamTarget.port,
    'upstream',
  );
  const r = up.result ?? { verdict: 'dropped' as const, reason: 'NO_ROUTE' as const, deliveredTo: null };
  const conntrack = [...(client.conntrack ?? []), ...conntrackLines(up)];
  // A failed upstream connection is answered by the proxy: Envoy says 503, nginx 502.
  if (r.verdict !== 'delivered') http.status = entry.implementation === 'ingress-nginx' ? 502 : 503;
  return {
    probe,
    verdict: r.verdict,
    reason: r.reason,
    deliveredTo: r.deliveredTo,
    hops: [...hops, ...up.hops],
    ...(conntrack.length ? { conntrack } : {}),
    http,
  };
}

export const isHttpTraceError = (v: Trace | HttpTraceError): v is HttpTraceError => 'error' in v;
