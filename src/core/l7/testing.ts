import type { K8sNamespace, K8sPod, K8sService } from '../model/k8s';
import {
  type HTTPRouteRule,
  type K8sGateway,
  type K8sHTTPRoute,
  type L7Objects,
  type Listener,
  type ParentReference,
  emptyL7,
} from '../model/l7';
import { DEFAULT_CLUSTER, DEFAULT_DESIGNS, type Scenario } from '../model/scenario';
import { ENVOY_GATEWAY_CONTROLLER } from './implementations/envoy-gateway';
import { parseRequestUrl } from './request';
import type { HttpRequest } from './types';

/** Test fixtures: small Gateway API / Ingress scenarios written the way the conformance manifests are. */

export const GW_API = 'gateway.networking.k8s.io/v1' as const;

export function gateway(
  name: string,
  namespace: string,
  listeners: Listener[],
  className = 'eg',
): K8sGateway {
  return {
    apiVersion: GW_API,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: { gatewayClassName: className, listeners },
  };
}

export const http = (name: string, extra: Partial<Listener> = {}): Listener => ({
  name,
  port: 80,
  protocol: 'HTTP',
  ...extra,
});

export function route(
  name: string,
  namespace: string,
  parentRefs: ParentReference[],
  rules: HTTPRouteRule[],
  hostnames?: string[],
  created?: string,
): K8sHTTPRoute {
  return {
    apiVersion: GW_API,
    kind: 'HTTPRoute',
    metadata: { name, namespace, ...(created ? { creationTimestamp: created } : {}) },
    spec: { parentRefs, rules, ...(hostnames ? { hostnames } : {}) },
  };
}

/** A Service `name` in `namespace` with `ready` Running Pods behind it. */
export function backend(
  namespace: string,
  name: string,
  port = 8080,
  ready = 1,
): { svc: K8sService; pods: K8sPod[] } {
  const labels = { app: name };
  return {
    svc: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace },
      spec: { selector: labels, ports: [{ port, targetPort: 3000 }] },
    },
    pods: Array.from({ length: ready }, (_, i) => ({
      apiVersion: 'v1' as const,
      kind: 'Pod' as const,
      metadata: { name: `${name}-${i}`, namespace, labels },
      spec: { containers: [{ name: 'app' }] },
      status: { phase: 'Running' },
    })),
  };
}

export interface Fixture {
  l7?: Partial<L7Objects>;
  backends?: { svc: K8sService; pods: K8sPod[] }[];
  namespaces?: K8sNamespace[];
}

/** A scenario holding the objects, with the `eg` GatewayClass of Envoy Gateway. */
export function scenarioOf(f: Fixture): Scenario {
  const l7 = { ...emptyL7(), ...f.l7 };
  if (!l7.gatewayClasses.some((c) => c.metadata.name === 'eg'))
    l7.gatewayClasses = [
      ...l7.gatewayClasses,
      {
        apiVersion: GW_API,
        kind: 'GatewayClass',
        metadata: { name: 'eg' },
        spec: { controllerName: ENVOY_GATEWAY_CONTROLLER },
      },
    ];
  return {
    version: 1,
    cluster: { ...DEFAULT_CLUSTER },
    designs: { ...DEFAULT_DESIGNS },
    nodes: [],
    namespaces: f.namespaces ?? [],
    pods: (f.backends ?? []).flatMap((b) => b.pods),
    services: (f.backends ?? []).map((b) => b.svc),
    endpointSlices: [],
    networkPolicies: [],
    l7,
  };
}

export const ns = (name: string, labels?: Record<string, string>): K8sNamespace => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...(labels ? { labels } : {}) },
});

/** `GET http://host/path` with optional headers, as a request object. */
export function req(url: string, headers: string[] = [], method = 'GET'): HttpRequest {
  const r = parseRequestUrl(url, method, headers);
  if ('error' in r) throw new Error(`bad test URL ${url}`);
  return r;
}
