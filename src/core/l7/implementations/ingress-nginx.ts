import type { K8sService } from '../../model/k8s';
import { podsOfService } from './select';
import type { L7Implementation, Provisioned } from './types';

/**
 * ingress-nginx (kubernetes/ingress-nginx deploy/static/provider/cloud/deploy.yaml): the
 * `ingress-nginx-controller` Deployment and LoadBalancer Service in namespace `ingress-nginx`,
 * labelled `app.kubernetes.io/{name: ingress-nginx, instance: ingress-nginx, component: controller}`,
 * the Service with `externalTrafficPolicy: Local` and ports http 80 / https 443 to the container
 * ports of the same names; the IngressClass `nginx` has `spec.controller: k8s.io/ingress-nginx`.
 * One controller serves every Ingress of its class (nginx `server` blocks per host).
 */
export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
export const INGRESS_NGINX_NAME = 'ingress-nginx-controller';
const IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.13.0';

const SELECTOR = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
};

function provisionIngress(): Provisioned {
  const labels = { ...SELECTOR, 'app.kubernetes.io/part-of': 'ingress-nginx' };
  const service: K8sService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: INGRESS_NGINX_NAME, namespace: INGRESS_NGINX_NAMESPACE, labels: { ...labels } },
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      selector: { ...SELECTOR },
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' },
        { name: 'https', protocol: 'TCP', port: 443, targetPort: 'https' },
      ],
    },
  };
  return {
    deployment: {
      namespace: INGRESS_NGINX_NAMESPACE,
      name: INGRESS_NGINX_NAME,
      replicas: 1,
      labels,
      containers: [
        {
          name: 'controller',
          image: IMAGE,
          ports: [
            { name: 'http', containerPort: 80, protocol: 'TCP' },
            { name: 'https', containerPort: 443, protocol: 'TCP' },
            { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
          ],
        },
      ],
    },
    service,
  };
}

export const ingressNginx: L7Implementation = {
  id: 'ingress-nginx',
  title: 'ingress-nginx',
  gatewayControllers: [],
  ingressControllers: [INGRESS_NGINX_CONTROLLER],
  upstreamVia: 'endpoints',
  provisionIngress,
  findService: (services) =>
    services.find(
      (s) =>
        s.metadata.name === INGRESS_NGINX_NAME &&
        (s.metadata.namespace ?? 'default') === INGRESS_NGINX_NAMESPACE,
    ),
  findPods: podsOfService,
};
