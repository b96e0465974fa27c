/**
 * The L7 entry as the page, the CLI and the trace see it: HTTP requests, the proxies that implement
 * Gateways and IngressClasses, the decision a proxy makes for one request, and the status a
 * controller writes. Plain JSON. Shapes agreed in L7-CONTRACT (issue 11); fields may be added.
 */

/** An HTTP request as a client sends it (header names lower-case). */
export interface HttpRequest {
  /** 'GET' */
  method: string;
  /** Host header without port. */
  host: string;
  /** 80 default for http, 443 for https. */
  port: number;
  /** '/shop/cart' */
  path: string;
  /** 'a=1&b=2' ('' when none). */
  query: string;
  headers: Record<string, string>;
  /** 'http' unless the URL said https. */
  scheme?: 'http' | 'https';
}

/** Which implementation serves a Gateway or IngressClass, and the ordinary Pods/Service that do it. */
export interface L7Entry {
  /** 'gateway/NS/NAME' | 'ingressclass/NAME' */
  via: string;
  /** Registry id: 'envoy-gateway' | 'ingress-nginx'. */
  implementation: string;
  /** 'NS/NAME' of the proxy's LoadBalancer Service. */
  service: string;
  /** 'NS/POD' proxy Pods. */
  pods: string[];
  /** Listener / service ports. */
  ports: number[];
}

/** An i18n message key and its arguments (errors and reasons are data, never sentences). */
export interface L7Message {
  key: string;
  args: Record<string, string | number>;
}

/** A backend a rule forwards to: a Service port and the weight it was picked with. */
export interface L7Backend {
  namespace: string;
  service: string;
  port: number;
  weight: number;
}

/** The L7 decision inside the proxy Pod. */
export interface L7Decision {
  via: string;
  /** Gateway listener name; for Ingress the matched host rule (the host, '*' for any) or null. */
  listener: string | null;
  /** 'NS/NAME' */
  route: string | null;
  routeKind: 'HTTPRoute' | 'Ingress' | null;
  /** Rule index within the route (for Ingress: the index of the path in `rules[].http.paths` flattened as `rule`; see `path`). */
  rule: number | null;
  /** Why this rule won (i18n key + args). */
  precedence: L7Message;
  /** Applied, in order. */
  filters: { type: string; detail: string }[];
  backend: L7Backend | null;
  /** 200 when forwarded upstream; 301/302/404/500/503 when answered. */
  status: number;
  /** Redirect Location. */
  location: string | null;
  /** true: the proxy answered itself (no upstream leg). */
  answered: boolean;
  /** Request after filters, as sent upstream (x-forwarded-for added by the trace). */
  upstreamRequest: HttpRequest | null;
  /** Proxies dial Pod IPs from EndpointSlices unless configured to use the ClusterIP. */
  upstreamVia: 'endpoints' | 'clusterip';
  /** Ingress only: index of the rule in `spec.rules` and of the path in its `http.paths` (-1 = defaultBackend). */
  ingressPath?: { rule: number; path: number } | null;
  /** Response headers after ResponseHeaderModifier filters (lower-case names). */
  responseHeaders?: Record<string, string>;
  /** RequestMirror targets (fire-and-forget copies; their answers are ignored). */
  mirrors?: L7Backend[];
}

export interface L7Error {
  error: L7Message;
}

/** A status condition as Kubernetes writes it (metav1.Condition without times). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

export interface ListenerStatusOut {
  name: string;
  attachedRoutes: number;
  conditions: Condition[];
}

export interface GatewayStatusOut {
  /** 'NS/NAME' */
  name: string;
  listeners: ListenerStatusOut[];
}

export interface RouteParentStatusOut {
  /** 'NS/NAME' of the Gateway; for an Ingress the IngressClass name (cluster-scoped, no namespace). */
  gateway: string;
  sectionName: string | null;
  conditions: Condition[];
}

export interface RouteStatusOut {
  /** 'NS/NAME' */
  name: string;
  kind: 'HTTPRoute' | 'Ingress';
  parents: RouteParentStatusOut[];
}

/** The CLI `status --json` document (issue 11): what the controllers would write. */
export interface L7StatusDoc {
  gateways: GatewayStatusOut[];
  routes: RouteStatusOut[];
}
