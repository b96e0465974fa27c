import type { K8sPod } from '../model/k8s';
import type { HTTPRouteRule, K8sIngress, L7Objects } from '../model/l7';
import type { Scenario } from '../model/scenario';
import { emptyL7 } from '../model/l7';
import { envoyGateway, ENVOY_GATEWAY_CONTROLLER } from '../l7/implementations/envoy-gateway';
import { ingressNginx, INGRESS_NGINX_CONTROLLER } from '../l7/implementations/ingress-nginx';
import type { Provisioned } from '../l7/implementations/types';
import { GW_API, gateway, http, route } from '../l7/testing';
import { makeNamespace, smallScenario } from '../../scenario/presets/small';

/**
 * Test fixtures for HTTP traces: preset S (client, frontend, backend on three nodes) plus a
 * Gateway `default/web` (Envoy Gateway) or an Ingress (ingress-nginx), with the proxy data plane
 * the controller would create (its LoadBalancer Service and one Pod on node-2), built by hand the
 * way the import does, so these tests do not depend on the YAML importer.
 */

function addProxy(s: Scenario, made: Provisioned, etp?: 'Cluster' | 'Local'): void {
  const d = made.deployment;
  const pod: K8sPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${d.name}-0`, namespace: d.namespace, labels: { ...d.labels } },
    spec: { nodeName: 'node-2', containers: d.containers },
    status: { phase: 'Running' },
  };
  const svc = JSON.parse(JSON.stringify(made.service)) as typeof made.service;
  if (etp) svc.spec.externalTrafficPolicy = etp;
  if (!s.namespaces.some((n) => n.metadata.name === d.namespace))
    s.namespaces.push(makeNamespace(d.namespace));
  s.pods.push(pod);
  s.services.push(svc);
}

export const toBackend = { backendRefs: [{ name: 'backend', port: 80 }] };

/** Preset S with Gateway default/web (listener `http`, port 80) and HTTPRoutes with these rules. */
export function gatewayScenario(
  rules: HTTPRouteRule[] = [{ matches: [{ path: { type: 'PathPrefix', value: '/api' } }], ...toBackend }],
  opts: { etp?: 'Cluster' | 'Local'; hostnames?: string[]; gateways?: number } = {},
): Scenario {
  const s = smallScenario();
  const l7: L7Objects = emptyL7();
  l7.gatewayClasses.push({
    apiVersion: GW_API,
    kind: 'GatewayClass',
    metadata: { name: 'eg' },
    spec: { controllerName: ENVOY_GATEWAY_CONTROLLER },
  });
  for (let i = 0; i < (opts.gateways ?? 1); i++) {
    const name = i === 0 ? 'web' : `web-${i}`;
    const gw = gateway(name, 'default', [http('http')]);
    l7.gateways.push(gw);
    l7.httpRoutes.push(
      route(`shop-${i}`, 'default', [{ name }], rules, opts.hostnames ?? ['www.example.com']),
    );
    addProxy(s, envoyGateway.provisionGateway!(gw), opts.etp);
  }
  s.l7 = l7;
  return s;
}

/** Preset S with IngressClass `nginx` (ingress-nginx) and one Ingress routing www.example.com/api. */
export function ingressScenario(annotations: Record<string, string> = {}): Scenario {
  const s = smallScenario();
  const l7: L7Objects = emptyL7();
  l7.ingressClasses.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: INGRESS_NGINX_CONTROLLER },
  });
  const ing: K8sIngress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'shop', namespace: 'default', annotations },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'www.example.com',
          http: {
            paths: [
              {
                path: '/api',
                pathType: 'Prefix',
                backend: { service: { name: 'backend', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  };
  l7.ingresses.push(ing);
  addProxy(s, ingressNginx.provisionIngress!());
  s.l7 = l7;
  return s;
}
