/**
 * L7 entry objects in their real API shapes (the subset of fields routing depends on):
 * networking.k8s.io/v1 Ingress and IngressClass
 * (kubernetes/api networking/v1/types.go), and Gateway API v1 GatewayClass, Gateway, HTTPRoute and
 * v1beta1 ReferenceGrant (kubernetes-sigs/gateway-api apis/v1/{gatewayclass,gateway,httproute}_types.go,
 * apis/v1beta1/referencegrant_types.go). Field names are the API's own, so `kubectl get -o yaml`
 * maps onto them without renaming.
 */
import type { LabelSelector, ObjectMeta } from './k8s';

/** ObjectMeta plus `creationTimestamp`, which Gateway API precedence reads ("the oldest Route"). */
export interface L7Meta extends ObjectMeta {
  creationTimestamp?: string;
}

// ---------------------------------------------------------------- Ingress (networking.k8s.io/v1)

/** IngressServiceBackend: a Service and its port by number or by name. */
export interface IngressServiceBackend {
  name: string;
  port?: { number?: number; name?: string };
}

export interface IngressBackend {
  service?: IngressServiceBackend;
  resource?: { apiGroup?: string; kind: string; name: string };
}

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface HTTPIngressPath {
  path?: string;
  pathType: IngressPathType;
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

/** networking.k8s.io/v1 Ingress. */
export interface K8sIngress {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'Ingress';
  metadata: L7Meta;
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    tls?: { hosts?: string[]; secretName?: string }[];
    rules?: IngressRule[];
  };
}

/** networking.k8s.io/v1 IngressClass; `ingressclass.kubernetes.io/is-default-class: "true"` marks the default. */
export interface K8sIngressClass {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'IngressClass';
  metadata: L7Meta;
  spec: { controller?: string; parameters?: { apiGroup?: string; kind: string; name: string } };
}

// ------------------------------------------------------------ Gateway API (gateway.networking.k8s.io)

export type GatewayApiVersion = 'gateway.networking.k8s.io/v1' | 'gateway.networking.k8s.io/v1beta1';

/** GatewayClass: `controllerName` names the implementation (e.g. gateway.envoyproxy.io/gatewayclass-controller). */
export interface K8sGatewayClass {
  apiVersion: GatewayApiVersion;
  kind: 'GatewayClass';
  metadata: L7Meta;
  spec: { controllerName: string; description?: string };
}

export type FromNamespaces = 'All' | 'Same' | 'Selector' | 'None';
export type ListenerProtocol = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP';

export interface RouteGroupKind {
  group?: string;
  kind: string;
}

export interface Listener {
  name: string;
  hostname?: string;
  port: number;
  protocol: ListenerProtocol;
  tls?: {
    mode?: 'Terminate' | 'Passthrough';
    certificateRefs?: { group?: string; kind?: string; name: string; namespace?: string }[];
  };
  allowedRoutes?: {
    namespaces?: { from?: FromNamespaces; selector?: LabelSelector };
    kinds?: RouteGroupKind[];
  };
}

/** Gateway: listeners a proxy opens; the implementation provisions the proxy Pods and Service. */
export interface K8sGateway {
  apiVersion: GatewayApiVersion;
  kind: 'Gateway';
  metadata: L7Meta;
  spec: {
    gatewayClassName: string;
    listeners: Listener[];
    addresses?: { type?: string; value: string }[];
  };
}

export interface ParentReference {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export type PathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression';
export type HeaderMatchType = 'Exact' | 'RegularExpression';

export interface HTTPRouteMatch {
  path?: { type?: PathMatchType; value?: string };
  headers?: { type?: HeaderMatchType; name: string; value: string }[];
  queryParams?: { type?: HeaderMatchType; name: string; value: string }[];
  method?: string;
}

export interface HTTPHeaderFilter {
  set?: { name: string; value: string }[];
  add?: { name: string; value: string }[];
  remove?: string[];
}

export interface HTTPPathModifier {
  type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  replaceFullPath?: string;
  replacePrefixMatch?: string;
}

export interface BackendObjectReference {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
}

/** The HTTPRoute filter types of Gateway API v1 (apis/v1/httproute_types.go HTTPRouteFilterType). */
export const HTTP_ROUTE_FILTER_TYPES = [
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestRedirect',
  'URLRewrite',
  'RequestMirror',
  'ExtensionRef',
] as const;

export interface HTTPRouteFilter {
  type: (typeof HTTP_ROUTE_FILTER_TYPES)[number];
  requestHeaderModifier?: HTTPHeaderFilter;
  responseHeaderModifier?: HTTPHeaderFilter;
  requestRedirect?: {
    scheme?: 'http' | 'https';
    hostname?: string;
    path?: HTTPPathModifier;
    port?: number;
    statusCode?: 301 | 302 | 303 | 307 | 308;
  };
  urlRewrite?: { hostname?: string; path?: HTTPPathModifier };
  requestMirror?: { backendRef: BackendObjectReference };
  extensionRef?: { group: string; kind: string; name: string };
}

export interface HTTPBackendRef extends BackendObjectReference {
  weight?: number;
  filters?: HTTPRouteFilter[];
}

export interface HTTPRouteRule {
  name?: string;
  matches?: HTTPRouteMatch[];
  filters?: HTTPRouteFilter[];
  backendRefs?: HTTPBackendRef[];
}

/** HTTPRoute: attaches to Gateway listeners through parentRefs and routes by host, path, headers, query, method. */
export interface K8sHTTPRoute {
  apiVersion: GatewayApiVersion;
  kind: 'HTTPRoute';
  metadata: L7Meta;
  spec: {
    parentRefs?: ParentReference[];
    hostnames?: string[];
    rules?: HTTPRouteRule[];
  };
}

/** ReferenceGrant: lets routes in `from` namespaces refer to objects (Services) in its own namespace. */
export interface K8sReferenceGrant {
  apiVersion: 'gateway.networking.k8s.io/v1beta1' | 'gateway.networking.k8s.io/v1';
  kind: 'ReferenceGrant';
  metadata: L7Meta;
  spec: {
    from: { group: string; kind: string; namespace: string }[];
    to: { group: string; kind: string; name?: string }[];
  };
}

/** The L7 objects a scenario holds (absent when it has none, so older documents stay valid). */
export interface L7Objects {
  ingressClasses: K8sIngressClass[];
  ingresses: K8sIngress[];
  gatewayClasses: K8sGatewayClass[];
  gateways: K8sGateway[];
  httpRoutes: K8sHTTPRoute[];
  referenceGrants: K8sReferenceGrant[];
}

export const emptyL7 = (): L7Objects => ({
  ingressClasses: [],
  ingresses: [],
  gatewayClasses: [],
  gateways: [],
  httpRoutes: [],
  referenceGrants: [],
});
