import type { K8sNamespace, K8sNode, K8sPod, K8sService, Protocol } from '../../core/model/k8s';
import { DEFAULT_CLUSTER, DEFAULT_DESIGNS, type Scenario } from '../../core/model/scenario';

/** A node as `kubectl get node -o yaml` shows it before IPAM (no podCIDR, no address yet). */
export function makeNode(name: string, labels: Record<string, string> = {}): K8sNode {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
  };
}

export function makeNamespace(name: string, labels: Record<string, string> = {}): K8sNamespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
  };
}

/** A single-container Pod scheduled on `nodeName`, listening on the given ports. */
export function makePod(
  namespace: string,
  name: string,
  nodeName: string,
  labels: Record<string, string>,
  ports: { name?: string; containerPort: number; protocol?: Protocol }[] = [],
  image = 'registry.k8s.io/e2e-test-images/agnhost:2.53',
): K8sPod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: {
      nodeName,
      containers: [{ name: 'main', image, ports: ports.map((p) => ({ protocol: 'TCP', ...p })) }],
    },
  };
}

/** A Service in front of the Pods matching `selector`. */
export function makeService(namespace: string, name: string, spec: K8sService['spec']): K8sService {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

/**
 * Preset S, the default view: three nodes, a web frontend, an API backend and a database, plus a
 * client Pod, spread so that same-node and cross-node flows both exist. The frontend is exposed by
 * a LoadBalancer, the backend by a ClusterIP Service (named targetPort), the database by a
 * headless Service, as a StatefulSet would be.
 */
export function smallScenario(): Scenario {
  const nodes = ['node-1', 'node-2', 'node-3'].map((n) => makeNode(n));
  const pods: K8sPod[] = [
    makePod('default', 'client', 'node-1', { app: 'client' }),
    makePod('default', 'frontend-1', 'node-1', { app: 'frontend', tier: 'web' }, [
      { name: 'http', containerPort: 8080 },
    ]),
    makePod('default', 'frontend-2', 'node-2', { app: 'frontend', tier: 'web' }, [
      { name: 'http', containerPort: 8080 },
    ]),
    makePod('default', 'backend-1', 'node-2', { app: 'backend', tier: 'api' }, [
      { name: 'api', containerPort: 9090 },
    ]),
    makePod('default', 'backend-2', 'node-3', { app: 'backend', tier: 'api' }, [
      { name: 'api', containerPort: 9090 },
    ]),
    makePod('default', 'db-0', 'node-3', { app: 'db', tier: 'data' }, [{ name: 'pg', containerPort: 5432 }]),
  ];
  return {
    version: 1,
    cluster: { ...DEFAULT_CLUSTER },
    designs: { ...DEFAULT_DESIGNS },
    nodes,
    namespaces: [makeNamespace('default'), makeNamespace('kube-system')],
    pods,
    services: [
      makeService('default', 'frontend', {
        type: 'LoadBalancer',
        selector: { app: 'frontend' },
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      }),
      makeService('default', 'backend', {
        selector: { app: 'backend' },
        ports: [{ name: 'api', port: 80, targetPort: 'api', protocol: 'TCP' }],
      }),
      makeService('default', 'db', {
        clusterIP: 'None',
        selector: { app: 'db' },
        ports: [{ name: 'pg', port: 5432, targetPort: 5432, protocol: 'TCP' }],
      }),
    ],
    endpointSlices: [],
    networkPolicies: [],
  };
}
