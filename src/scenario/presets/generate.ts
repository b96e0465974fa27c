import type {
  K8sNamespace,
  K8sNetworkPolicy,
  K8sNode,
  K8sPod,
  K8sService,
  NetworkPolicyPeer,
} from '../../core/model/k8s';
import { DEFAULT_DESIGNS, type ClusterSettings, type Scenario } from '../../core/model/scenario';
import { mulberry32, nameSuffix, pick, podTemplateHash, randInt, shuffled, type Rng } from './rng';
import { makeNamespace, makeNode, makePod } from './small';

/**
 * A generator for cluster-scale presets: namespaces of three-tier apps (frontend Deployment, backend
 * Deployment, database StatefulSet), one Service per workload, and the NetworkPolicies teams
 * usually write (default deny, allow from the frontend, DNS egress). Deterministic per seed.
 */
export interface ScaleParams {
  nodes: number;
  pods: number;
  /** One Service per workload; workloads come three to a namespace. */
  services: number;
  policies: number;
  cluster: ClusterSettings;
}

type Tier = 'frontend' | 'backend' | 'db';

interface WorkloadKind {
  name: string;
  image: string;
  portName: string;
  containerPort: number;
  servicePort: number;
}

const FRONTENDS: WorkloadKind[] = [
  { name: 'web', image: 'nginx:1.27', portName: 'http', containerPort: 8080, servicePort: 80 },
  { name: 'frontend', image: 'node:22-alpine', portName: 'http', containerPort: 3000, servicePort: 80 },
  { name: 'ui', image: 'nginx:1.27', portName: 'http', containerPort: 8080, servicePort: 80 },
];
const BACKENDS: WorkloadKind[] = [
  { name: 'api', image: 'golang:1.24', portName: 'api', containerPort: 9090, servicePort: 8080 },
  { name: 'backend', image: 'eclipse-temurin:21', portName: 'http', containerPort: 8080, servicePort: 8080 },
  { name: 'grpc-server', image: 'golang:1.24', portName: 'grpc', containerPort: 50051, servicePort: 50051 },
];
const DATABASES: WorkloadKind[] = [
  { name: 'postgres', image: 'postgres:16', portName: 'postgres', containerPort: 5432, servicePort: 5432 },
  { name: 'mysql', image: 'mysql:8.4', portName: 'mysql', containerPort: 3306, servicePort: 3306 },
  { name: 'redis', image: 'redis:7.4', portName: 'redis', containerPort: 6379, servicePort: 6379 },
];

const APP_NAMES = [
  'shop', 'cart', 'checkout', 'payments', 'catalog', 'search', 'auth', 'billing', 'inventory',
  'orders', 'reviews', 'shipping', 'notifications', 'profile', 'recommend', 'analytics', 'ledger',
  'media', 'chat', 'booking', 'pricing', 'loyalty', 'support', 'reporting', 'accounts', 'fraud',
  'warehouse', 'delivery', 'coupons', 'wishlist', 'feeds', 'maps', 'quotes', 'invoices', 'identity',
  'audit', 'tickets', 'events', 'gallery', 'forum',
]; // prettier-ignore

/** Replicas weigh more on stateless tiers than on the database. */
const TIER_WEIGHT: Record<Tier, number> = { frontend: 3, backend: 3, db: 1 };
const TIERS: Tier[] = ['frontend', 'backend', 'db'];

/** NodePorts come from `--service-node-port-range`, default 30000–32767 (kubernetes pkg/kubeapiserver/options/options.go). */
const NODE_PORT_BASE = 30000;
const NODE_PORT_COUNT = 2768;

interface Workload {
  namespace: string;
  tier: Tier;
  kind: WorkloadKind;
  replicas: number;
}

/** Largest-remainder split of `total` over `weights`, so the sum is exact. */
function apportion(total: number, weights: number[], rng: Rng): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = shuffled(
    rng,
    weights.map((_, i) => i),
  );
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k] as number;
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

function namespaceNames(count: number, rng: Rng): string[] {
  const words = shuffled(rng, APP_NAMES);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / words.length);
    const word = words[i % words.length] as string;
    out.push(round === 0 ? word : `${word}-${round + 1}`);
  }
  return out;
}

function makeNodes(count: number): K8sNode[] {
  const zones = ['zone-a', 'zone-b', 'zone-c'];
  const nodes: K8sNode[] = [];
  for (let i = 0; i < count; i++) {
    // Well-known label topology.kubernetes.io/zone (kubernetes.io/docs/reference/labels-annotations-taints).
    nodes.push(
      makeNode(`node-${i + 1}`, { 'topology.kubernetes.io/zone': zones[i % zones.length] as string }),
    );
  }
  return nodes;
}

function planWorkloads(params: ScaleParams, rng: Rng): { namespaces: string[]; workloads: Workload[] } {
  const namespaces = namespaceNames(Math.ceil(params.services / 3), rng);
  const workloads: Workload[] = [];
  for (let i = 0; i < params.services; i++) {
    const namespace = namespaces[Math.floor(i / 3)] as string;
    const tier = TIERS[i % 3] as Tier;
    const catalog = tier === 'frontend' ? FRONTENDS : tier === 'backend' ? BACKENDS : DATABASES;
    workloads.push({ namespace, tier, kind: pick(rng, catalog), replicas: 0 });
  }
  const replicas = apportion(
    params.pods,
    workloads.map((w) => TIER_WEIGHT[w.tier]),
    rng,
  );
  workloads.forEach((w, i) => (w.replicas = replicas[i] as number));
  return { namespaces, workloads };
}

/**
 * Pods of one workload. Deployments name Pods `<deployment>-<pod-template-hash>-<5 chars>` and label
 * them with `pod-template-hash`; StatefulSets name them `<set>-<ordinal>` and set `hostname` and
 * `subdomain` so the headless Service gives each a DNS name (kubernetes pkg/controller/statefulset).
 */
function workloadPods(w: Workload, nodes: K8sNode[], cursor: { next: number }, rng: Rng): K8sPod[] {
  const pods: K8sPod[] = [];
  const ports = [{ name: w.kind.portName, containerPort: w.kind.containerPort }];
  const hash = podTemplateHash(rng);
  const used = new Set<string>();
  // Every replica comes from one Pod template: its labels and containers are the same objects for
  // all of them (a scenario is never mutated in place), which keeps 150,000 Pods light to build.
  const labels: Record<string, string> =
    w.tier === 'db'
      ? { app: w.kind.name, tier: w.tier }
      : { app: w.kind.name, tier: w.tier, 'pod-template-hash': hash };
  let containers: K8sPod['spec']['containers'] | null = null;
  for (let r = 0; r < w.replicas; r++) {
    const node = nodes[cursor.next++ % nodes.length] as K8sNode;
    let name: string;
    if (w.tier === 'db') {
      name = `${w.kind.name}-${r}`;
    } else {
      do name = `${w.kind.name}-${hash}-${nameSuffix(rng)}`;
      while (used.has(name));
      used.add(name);
    }
    const pod: K8sPod = containers
      ? podOf(w.namespace, name, node.metadata.name, labels, containers)
      : makePod(w.namespace, name, node.metadata.name, labels, ports, w.kind.image);
    containers = pod.spec.containers;
    if (w.tier === 'db') {
      pod.spec.hostname = name;
      pod.spec.subdomain = w.kind.name;
    }
    pods.push(pod);
  }
  return pods;
}

/** A Pod shaped as `makePod` shapes it, with a template's labels and containers shared. */
const podOf = (
  namespace: string,
  name: string,
  nodeName: string,
  labels: Record<string, string>,
  containers: K8sPod['spec']['containers'],
): K8sPod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { nodeName, containers },
});

function workloadService(w: Workload, index: number, nodePorts: { next: number }): K8sService {
  const svc: K8sService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: w.kind.name, namespace: w.namespace, labels: { app: w.kind.name } },
    spec: {
      type: 'ClusterIP',
      selector: { app: w.kind.name },
      ports: [
        { name: w.kind.portName, protocol: 'TCP', port: w.kind.servicePort, targetPort: w.kind.portName },
      ],
    },
  };
  // A StatefulSet's governing Service is headless (clusterIP: None): DNS returns the Pod IPs.
  if (w.tier === 'db') svc.spec.clusterIP = 'None';
  // Some apps expose their frontend outside the cluster: every 10th as NodePort, every 25th as
  // LoadBalancer (which also allocates a NodePort), while the NodePort range lasts.
  const ns = Math.floor(index / 3);
  if (w.tier === 'frontend' && nodePorts.next < NODE_PORT_COUNT && (ns % 10 === 3 || ns % 25 === 7)) {
    svc.spec.type = ns % 25 === 7 ? 'LoadBalancer' : 'NodePort';
    const port = svc.spec.ports?.[0];
    if (port) port.nodePort = NODE_PORT_BASE + nodePorts.next++;
    svc.spec.externalTrafficPolicy = 'Cluster';
  }
  return svc;
}

const matchTier = (tier: Tier) => ({ matchLabels: { tier } });
/** CoreDNS Pods carry `k8s-app: kube-dns` in kube-system (kubeadm's CoreDNS manifest: kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go). */
const kubeDnsPeer = (): NetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
});

/**
 * The policy shapes of one app namespace, in the order teams usually add them. Examples follow
 * kubernetes.io/docs/concepts/services-networking/network-policies (default deny, allow DNS egress).
 */
function namespacePolicies(namespace: string, kinds: Map<Tier, WorkloadKind>): K8sNetworkPolicy[] {
  const policy = (name: string, spec: K8sNetworkPolicy['spec']): K8sNetworkPolicy => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec,
  });
  const backend = kinds.get('backend');
  const db = kinds.get('db');
  const frontend = kinds.get('frontend');
  const out = [policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] })];
  if (backend)
    out.push(
      policy('allow-from-frontend', {
        podSelector: matchTier('backend'),
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ podSelector: matchTier('frontend') }],
            ports: [{ protocol: 'TCP', port: backend.portName }],
          },
        ],
      }),
    );
  out.push(
    policy('allow-dns-egress', {
      podSelector: matchTier('db'),
      policyTypes: ['Egress'],
      egress: [
        {
          to: [kubeDnsPeer()],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
  );
  if (db)
    out.push(
      policy('allow-backend-to-db', {
        podSelector: matchTier('db'),
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ podSelector: matchTier('backend') }],
            ports: [{ protocol: 'TCP', port: db.containerPort }],
          },
        ],
      }),
    );
  if (frontend)
    out.push(
      policy('allow-web-from-ingress', {
        podSelector: matchTier('frontend'),
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
            ],
            ports: [{ protocol: 'TCP', port: frontend.portName }],
          },
        ],
      }),
    );
  return out;
}

/**
 * Round-robin over namespaces: every namespace gets its first policy, then its second, … until the
 * count is reached, so small counts still give each namespace a default deny. Past the last shape,
 * copies are numbered (`default-deny-ingress-2`).
 */
function makePolicies(count: number, namespaces: string[], workloads: Workload[]): K8sNetworkPolicy[] {
  const kindsByNs = new Map<string, Map<Tier, WorkloadKind>>();
  for (const w of workloads) {
    let kinds = kindsByNs.get(w.namespace);
    if (!kinds) kindsByNs.set(w.namespace, (kinds = new Map()));
    kinds.set(w.tier, w.kind);
  }
  const perNs = namespaces.map((ns) => namespacePolicies(ns, kindsByNs.get(ns) ?? new Map()));
  const out: K8sNetworkPolicy[] = [];
  for (let pass = 0; out.length < count && namespaces.length > 0; pass++) {
    for (let n = 0; n < perNs.length && out.length < count; n++) {
      const shapes = perNs[n] as K8sNetworkPolicy[];
      const base = shapes[pass % shapes.length] as K8sNetworkPolicy;
      const round = Math.floor(pass / shapes.length);
      out.push(
        round === 0
          ? base
          : { ...base, metadata: { ...base.metadata, name: `${base.metadata.name}-${round + 1}` } },
      );
    }
  }
  return out;
}

/** Builds a scale scenario with exactly `params.nodes` nodes, `pods` Pods, `services` Services and `policies` policies. */
export function generateScenario(params: ScaleParams, seed: number): Scenario {
  const rng = mulberry32(seed);
  const nodes = makeNodes(params.nodes);
  const { namespaces, workloads } = planWorkloads(params, rng);
  // Spread replicas over nodes like the default scheduler's balancing: consecutive Pods of a
  // workload land on different nodes, starting at a seeded node.
  const cursor = { next: randInt(rng, Math.max(1, nodes.length)) };
  const pods: K8sPod[] = [];
  for (const w of workloads) for (const p of workloadPods(w, nodes, cursor, rng)) pods.push(p);
  const nodePorts = { next: 0 };
  const services = workloads.map((w, i) => workloadService(w, i, nodePorts));
  const nsObjects: K8sNamespace[] = [
    makeNamespace('default'),
    makeNamespace('kube-system'),
    ...namespaces.map((n) => makeNamespace(n)),
  ];
  return {
    version: 1,
    cluster: { ...params.cluster },
    designs: { ...DEFAULT_DESIGNS },
    nodes,
    namespaces: nsObjects,
    pods,
    services,
    endpointSlices: [],
    networkPolicies: makePolicies(params.policies, namespaces, workloads),
  };
}
