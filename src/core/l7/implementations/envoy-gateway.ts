import type { K8sService, ServicePort } from '../../model/k8s';
import type { K8sGateway } from '../../model/l7';
import { sha256Text } from '../../services/sha256';
import { podsOfService } from './select';
import type { L7Implementation, Provisioned } from './types';

/**
 * Envoy Gateway (envoyproxy/gateway): one Envoy Deployment and one LoadBalancer Service per
 * Gateway, in the controller's namespace `envoy-gateway-system`, both named
 * `envoy-<ns>-<name>-<8 hex of sha256("ns/name")>` (internal/infrastructure/kubernetes/proxy/
 * resource.go `ExpectedResourceHashedName`, internal/utils `GetHashedName`) and labelled
 * `app.kubernetes.io/{name: envoy, component: proxy, managed-by: envoy-gateway}` plus the owning
 * Gateway (`EnvoyAppLabel`, resource_provider.go). The Service defaults to
 * `externalTrafficPolicy: Local` (proxy/testdata/services/default.yaml); each listener port maps
 * to a container port, privileged ports shifted by 10000 so Envoy runs as non-root.
 */
export const ENVOY_GATEWAY_NAMESPACE = 'envoy-gateway-system';
export const ENVOY_GATEWAY_CONTROLLER = 'gateway.envoyproxy.io/gatewayclass-controller';
const ENVOY_IMAGE = 'docker.io/envoyproxy/envoy:distroless-v1.35.0';
const OWNING_NAME = 'gateway.envoyproxy.io/owning-gateway-name';
const OWNING_NAMESPACE = 'gateway.envoyproxy.io/owning-gateway-namespace';

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** `GetHashedName(nsName, 48)`: `ns-name` (cut to 48 characters) and 8 hex of its sha256. */
export function envoyResourceName(namespace: string, name: string): string {
  const nsName = `${namespace}/${name}`;
  const hash = hex(sha256Text(nsName)).slice(0, 8);
  let base = nsName.replace(/\//g, '-');
  if (base.length > 48) base = base.slice(0, 48).replace(/-+$/, '');
  return `envoy-${base}-${hash}`;
}

/** Envoy listens on the listener port, shifted by 10000 below 1024 (non-root container). */
export const envoyContainerPort = (port: number): number => (port < 1024 ? port + 10000 : port);

function labelsOf(gw: K8sGateway): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'envoy',
    'app.kubernetes.io/component': 'proxy',
    'app.kubernetes.io/managed-by': 'envoy-gateway',
    [OWNING_NAME]: gw.metadata.name,
    [OWNING_NAMESPACE]: gw.metadata.namespace ?? 'default',
  };
}

function provisionGateway(gw: K8sGateway): Provisioned {
  const ns = gw.metadata.namespace ?? 'default';
  const name = envoyResourceName(ns, gw.metadata.name);
  const labels = labelsOf(gw);
  const ports: ServicePort[] = [];
  for (const l of gw.spec.listeners) {
    if (ports.some((p) => p.port === l.port)) continue;
    ports.push({
      name: `${l.protocol.toLowerCase()}-${l.port}`,
      protocol: l.protocol === 'UDP' ? 'UDP' : 'TCP',
      port: l.port,
      targetPort: envoyContainerPort(l.port),
    });
  }
  const service: K8sService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ENVOY_GATEWAY_NAMESPACE, labels: { ...labels } },
    spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { ...labels }, ports },
  };
  return {
    deployment: {
      namespace: ENVOY_GATEWAY_NAMESPACE,
      name,
      replicas: 1,
      labels,
      containers: [
        {
          name: 'envoy',
          image: ENVOY_IMAGE,
          ports: [
            ...ports.map((p) => ({ containerPort: p.targetPort as number, protocol: p.protocol! })),
            { name: 'metrics', containerPort: 19001, protocol: 'TCP' as const },
            { name: 'readiness', containerPort: 19003, protocol: 'TCP' as const },
          ],
        },
      ],
    },
    service,
  };
}

export const envoyGateway: L7Implementation = {
  id: 'envoy-gateway',
  title: 'Envoy Gateway',
  gatewayControllers: [ENVOY_GATEWAY_CONTROLLER],
  ingressControllers: [],
  upstreamVia: 'endpoints',
  provisionGateway,
  findService: (services, gw) => {
    if (!gw) return undefined;
    const ns = gw.metadata.namespace ?? 'default';
    return services.find(
      (s) =>
        s.metadata.labels?.[OWNING_NAME] === gw.metadata.name &&
        s.metadata.labels?.[OWNING_NAMESPACE] === ns &&
        s.metadata.labels?.['app.kubernetes.io/managed-by'] === 'envoy-gateway',
    );
  },
  findPods: podsOfService,
};
