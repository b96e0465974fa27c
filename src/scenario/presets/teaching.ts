import type { K8sNetworkPolicy, K8sNode, K8sService } from '../../core/model/k8s';
import { DEFAULT_CLUSTER, DEFAULT_DESIGNS, type Designs, type Scenario } from '../../core/model/scenario';
import type { Probe } from '../../core/trace/types';
import type { K8sPod } from '../../core/model/k8s';
import { emptyL7, type K8sGateway } from '../../core/model/l7';
import { ENVOY_GATEWAY_CONTROLLER, envoyGateway } from '../../core/l7/implementations/envoy-gateway';
import { makeNamespace, makeNode, makePod } from './small';

/**
 * Teaching presets: each shows one idea with as few objects as possible, plus the probe that
 * demonstrates it. Designs are chosen so the idea is visible (e.g. routing vs overlay).
 */
export type TeachingId =
  | 'same-node'
  | 'cross-node-overlay'
  | 'cross-node-routing'
  | 'service'
  | 'nodeport'
  | 'policy'
  | 'lb-local'
  | 'policy-service'
  | 'gateway';

export interface TeachingPreset {
  id: TeachingId;
  build: () => Scenario;
  probe: Probe;
}

const HTTP = [{ name: 'http', containerPort: 8080 }];

/** A node with its Node IP pinned, as `kubectl get node -o yaml` shows under `status.addresses`. */
function nodeWithIp(name: string, ip: string): K8sNode {
  return { ...makeNode(name), status: { addresses: [{ type: 'InternalIP', address: ip }] } };
}

function base(designs: Partial<Designs>, nodeCount: number): Scenario {
  // Node IPs from .10 up on the default underlay (the allocation rule of ClusterSettings.underlayCidr).
  const nodes = Array.from({ length: nodeCount }, (_, i) =>
    nodeWithIp(`node-${i + 1}`, `192.168.1.${10 + i}`),
  );
  return {
    version: 1,
    cluster: { ...DEFAULT_CLUSTER },
    designs: { ...DEFAULT_DESIGNS, ...designs },
    nodes,
    namespaces: [makeNamespace('default'), makeNamespace('kube-system')],
    pods: [],
    services: [],
    endpointSlices: [],
    networkPolicies: [],
  };
}

/** Two Pods on node-1 (and an idle node-2): the packet never leaves the node. */
function sameNode(): Scenario {
  const s = base({ intra: 'bridge' }, 2);
  s.pods = [
    makePod('default', 'pod-a', 'node-1', { app: 'a' }),
    makePod('default', 'pod-b', 'node-1', { app: 'b' }, HTTP),
  ];
  return s;
}

/** Pods on two nodes; the designs pick how the packet crosses (VXLAN ≈ Flannel, routing ≈ Calico BGP). */
function crossNode(designs: Partial<Designs>): () => Scenario {
  return () => {
    const s = base(designs, 2);
    s.pods = [
      makePod('default', 'pod-a', 'node-1', { app: 'a' }),
      makePod('default', 'pod-b', 'node-2', { app: 'b' }, HTTP),
    ];
    return s;
  };
}

function service(name: string, spec: K8sService['spec']): K8sService {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

/** A ClusterIP Service with two backends on different nodes: DNAT at the client's node. */
function clusterIpService(): Scenario {
  const s = base({}, 2);
  s.pods = [
    makePod('default', 'client', 'node-1', { app: 'client' }),
    makePod('default', 'backend-1', 'node-1', { app: 'backend' }, HTTP),
    makePod('default', 'backend-2', 'node-2', { app: 'backend' }, HTTP),
  ];
  s.services = [
    service('backend', {
      type: 'ClusterIP',
      selector: { app: 'backend' },
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' }],
    }),
  ];
  return s;
}

/** A NodePort Service whose only Pod runs on node-1, reached from outside through node-2. */
function nodePort(): Scenario {
  const s = base({}, 2);
  s.pods = [makePod('default', 'web-1', 'node-1', { app: 'web' }, HTTP)];
  s.services = [
    service('web', {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 }],
      externalTrafficPolicy: 'Cluster',
    }),
  ];
  return s;
}

function policy(name: string, spec: K8sNetworkPolicy['spec']): K8sNetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: 'default' },
    spec,
  };
}

/**
 * Default deny for ingress plus one allow: frontend → backend passes, frontend → db is dropped at
 * db's veth (the docs' `default-deny-ingress` example and a podSelector allow rule).
 */
function networkPolicy(): Scenario {
  const s = base({}, 2);
  s.pods = [
    makePod('default', 'frontend-1', 'node-1', { app: 'frontend', tier: 'web' }, HTTP),
    makePod('default', 'backend-1', 'node-2', { app: 'backend', tier: 'api' }, [
      { name: 'api', containerPort: 9090 },
    ]),
    makePod('default', 'db-0', 'node-2', { app: 'db', tier: 'data' }, [{ name: 'pg', containerPort: 5432 }]),
  ];
  s.networkPolicies = [
    policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }),
    policy('allow-from-frontend', {
      podSelector: { matchLabels: { app: 'backend' } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { app: 'frontend' } } }],
          ports: [{ protocol: 'TCP', port: 9090 }],
        },
      ],
    }),
  ];
  return s;
}

/**
 * A LoadBalancer Service with `externalTrafficPolicy: Local` and its only Pod on node-1: kube-proxy
 * skips the masquerade, so the Pod sees the client's own address, and a node without a local
 * endpoint refuses the traffic (kubernetes pkg/proxy/iptables/proxier.go, the `KUBE-EXT-` chain).
 */
function loadBalancerLocal(): Scenario {
  const s = base({}, 2);
  s.pods = [makePod('default', 'web-1', 'node-1', { app: 'web' }, HTTP)];
  s.services = [
    service('web', {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 }],
      externalTrafficPolicy: 'Local',
    }),
  ];
  return s;
}

/**
 * The policy preset with a ClusterIP Service in front of db: the client's node translates the
 * Service address, and db's ingress isolation still drops the packet at db's veth (policies select
 * Pods, never Services).
 */
function policyBehindService(): Scenario {
  const s = networkPolicy();
  s.services = [
    service('db', {
      type: 'ClusterIP',
      selector: { app: 'db' },
      ports: [{ name: 'pg', protocol: 'TCP', port: 5432, targetPort: 'pg' }],
    }),
  ];
  return s;
}

/**
 * A Gateway (Envoy Gateway) in front of two Services: HTTPRoute `default/shop` sends
 * shop.example.com/api to `api` (its Pod on node-1) and everything else to `web`. The Gateway is
 * only a declaration; the data plane is what Envoy Gateway's infra provisioner creates for it
 * (envoyproxy/gateway internal/infrastructure/kubernetes/proxy/resource_provider.go): an Envoy
 * Deployment, here one Pod on node-2, behind a LoadBalancer Service of its own.
 */
function gatewayEntry(): Scenario {
  const s = base({}, 2);
  s.pods = [
    makePod('default', 'api-1', 'node-1', { app: 'api' }, HTTP),
    makePod('default', 'web-1', 'node-2', { app: 'web' }, HTTP),
  ];
  const port = [{ name: 'http', protocol: 'TCP' as const, port: 80, targetPort: 'http' }];
  s.services = [
    service('api', { type: 'ClusterIP', selector: { app: 'api' }, ports: port }),
    service('web', { type: 'ClusterIP', selector: { app: 'web' }, ports: port }),
  ];
  const api = 'gateway.networking.k8s.io/v1' as const;
  const gw: K8sGateway = {
    apiVersion: api,
    kind: 'Gateway',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { gatewayClassName: 'eg', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
  };
  const l7 = emptyL7();
  l7.gatewayClasses.push({
    apiVersion: api,
    kind: 'GatewayClass',
    metadata: { name: 'eg' },
    spec: { controllerName: ENVOY_GATEWAY_CONTROLLER },
  });
  l7.gateways.push(gw);
  l7.httpRoutes.push({
    apiVersion: api,
    kind: 'HTTPRoute',
    metadata: { name: 'shop', namespace: 'default' },
    spec: {
      parentRefs: [{ name: 'shop' }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [{ name: 'web', port: 80 }],
        },
        {
          matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
          backendRefs: [{ name: 'api', port: 80 }],
        },
      ],
    },
  });
  s.l7 = l7;
  // The controller's data plane: ordinary Pods behind an ordinary LoadBalancer Service.
  const made = envoyGateway.provisionGateway!(gw);
  const d = made.deployment;
  const proxy: K8sPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${d.name}-0`, namespace: d.namespace, labels: { ...d.labels } },
    spec: { nodeName: 'node-2', containers: d.containers },
    status: { phase: 'Running' },
  };
  if (!s.namespaces.some((n) => n.metadata.name === d.namespace))
    s.namespaces.push(makeNamespace(d.namespace));
  s.pods.push(proxy);
  s.services.push(made.service);
  return s;
}

const tcp = (from: string, to: string, port: number): Probe => ({ from, to, port, protocol: 'TCP' });

/** The teaching presets in lesson order. */
export const TEACHING_PRESETS: readonly TeachingPreset[] = [
  { id: 'same-node', build: sameNode, probe: tcp('default/pod-a', 'default/pod-b', 8080) },
  {
    id: 'cross-node-overlay',
    build: crossNode({ intra: 'bridge', inter: 'overlay' }),
    probe: tcp('default/pod-a', 'default/pod-b', 8080),
  },
  {
    id: 'cross-node-routing',
    build: crossNode({ intra: 'routed', inter: 'routing' }),
    probe: tcp('default/pod-a', 'default/pod-b', 8080),
  },
  { id: 'service', build: clusterIpService, probe: tcp('default/client', 'default/backend', 80) },
  { id: 'nodeport', build: nodePort, probe: tcp('external', '192.168.1.11', 30080) },
  { id: 'policy', build: networkPolicy, probe: tcp('default/frontend-1', 'default/db-0', 5432) },
  { id: 'lb-local', build: loadBalancerLocal, probe: tcp('external', 'default/web', 80) },
  { id: 'policy-service', build: policyBehindService, probe: tcp('default/frontend-1', 'default/db', 5432) },
  { id: 'gateway', build: gatewayEntry, probe: tcp('external', 'default/web', 80) },
];
