import type { HTTPRouteFilter, IngressPathType } from '../model/l7';
import type { BackendLookup } from './backends';
import type { Condition, L7Entry, L7StatusDoc } from './types';

/**
 * The compiled L7 control plane: what Envoy Gateway's translator and ingress-nginx's controller
 * would hand their proxies (listeners with their route tables, servers with their locations),
 * plus the status they write back. Built once per scenario by `buildL7`; plain data.
 */

/** A backendRef after resolution: `invalid` carries the ResolvedRefs reason that makes it answer 500. */
export interface ResolvedBackend {
  namespace: string;
  service: string;
  port: number;
  weight: number;
  invalid: string | null;
  filters: HTTPRouteFilter[];
}

/** One HTTPRouteMatch of one rule, on one listener, with the precedence it sorts by. */
export interface CompiledMatch {
  /** Index into `L7State.routes`. */
  route: number;
  rule: number;
  match: number;
  /** Effective hostnames (listener ∩ route); `*` = any. */
  hostnames: string[];
  pathType: 'Exact' | 'PathPrefix' | 'RegularExpression';
  pathValue: string;
  pathRegex: RegExp | null;
  method: string | null;
  headers: { name: string; type: 'Exact' | 'RegularExpression'; value: string; re: RegExp | null }[];
  query: { name: string; type: 'Exact' | 'RegularExpression'; value: string; re: RegExp | null }[];
}

export interface CompiledRule {
  filters: HTTPRouteFilter[];
  backends: ResolvedBackend[];
}

/** An HTTPRoute as the translator sees it. */
export interface RouteInfo {
  key: string;
  namespace: string;
  name: string;
  /** metadata.creationTimestamp ('' when absent: then only names break ties). */
  created: string;
  rules: CompiledRule[];
  upstreamVia: 'endpoints' | 'clusterip';
}

export interface ListenerPlan {
  name: string;
  port: number;
  protocol: string;
  hostname: string | undefined;
  /** Sorted by precedence: the first entry that matches a request wins. */
  table: CompiledMatch[];
  /** Table positions by path, so a request checks only the matches its path can take. */
  index: PathIndex;
}

/**
 * Where in a listener's table the matches of each path live: PathPrefix entries by their prefix
 * without the trailing `/`, Exact entries by their value, RegularExpression entries always. Each
 * list ascends (table order), so merging them keeps precedence order.
 */
export interface PathIndex {
  prefix: Map<string, number[]>;
  exact: Map<string, number[]>;
  always: number[];
}

export interface GatewayPlan {
  via: string;
  key: string;
  implementation: string;
  listeners: ListenerPlan[];
}

/** One Ingress path in an ingress-nginx server (`location`). */
export interface IngressLocation {
  ingress: string;
  rule: number;
  path: number;
  pathType: Exclude<IngressPathType, 'ImplementationSpecific'>;
  value: string;
  backend: ResolvedBackend;
  created: string;
  upstreamVia: 'endpoints' | 'clusterip';
}

/** An nginx `server` block: one host (exact or wildcard) or the catch-all `_`. */
export interface IngressServer {
  host: string;
  /** Sorted: longest path first, Exact before Prefix on ties, then oldest Ingress. */
  locations: IngressLocation[];
  /** The root fallback: the creating Ingress's spec.defaultBackend, else the controller's 404. */
  fallback: { ingress: string; backend: ResolvedBackend; upstreamVia: 'endpoints' | 'clusterip' } | null;
  /** Hosts listed in spec.tls: ingress-nginx redirects plain HTTP to HTTPS (308) for them. */
  tls: boolean;
}

export interface IngressClassPlan {
  via: string;
  name: string;
  implementation: string;
  servers: IngressServer[];
  catchAll: IngressServer;
}

export interface L7State {
  entries: L7Entry[];
  gateways: GatewayPlan[];
  classes: IngressClassPlan[];
  routes: RouteInfo[];
  status: L7StatusDoc;
  backends: BackendLookup;
}

export const cond = (type: string, ok: boolean | 'Unknown', reason: string, message: string): Condition => ({
  type,
  status: ok === 'Unknown' ? 'Unknown' : ok ? 'True' : 'False',
  reason,
  message,
});
