import { buildEngine, engineHttpTrace } from '../src/core/engine';
import type { K8sPod } from '../src/core/model/k8s';
import { emptyL7, type HTTPRouteRule, type K8sGateway } from '../src/core/model/l7';
import type { Scenario } from '../src/core/model/scenario';
import { envoyGateway, ENVOY_GATEWAY_CONTROLLER } from '../src/core/l7/implementations/envoy-gateway';
import { isHttpTraceError } from '../src/core/trace/http-trace';
import { largeScenario } from '../src/scenario/presets/scale';
import { fmt, percentile, rng, table, time } from './util';

const TRACES = 400;
const ROUTES = 50;
const RULES = 10;

/**
 * Preset L with one Gateway (Envoy Gateway) in front of its Services: ROUTES HTTPRoutes × RULES
 * rules, each rule a path prefix to one of L's Services, and the Envoy proxy Pod the controller
 * would create, on the first node.
 */
function withGateway(s: Scenario): { scenario: Scenario; paths: string[] } {
  const l7 = emptyL7();
  const GW = 'gateway.networking.k8s.io/v1' as const;
  l7.gatewayClasses.push({
    apiVersion: GW,
    kind: 'GatewayClass',
    metadata: { name: 'eg' },
    spec: { controllerName: ENVOY_GATEWAY_CONTROLLER },
  });
  const gw: K8sGateway = {
    apiVersion: GW,
    kind: 'Gateway',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      gatewayClassName: 'eg',
      listeners: [
        { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
      ],
    },
  };
  l7.gateways.push(gw);
  const services = s.services.filter(
    (x) => x.spec.selector && x.spec.clusterIP !== 'None' && (x.spec.ports?.length ?? 0) > 0,
  );
  const paths: string[] = [];
  for (let r = 0; r < ROUTES; r++) {
    const rules: HTTPRouteRule[] = [];
    for (let i = 0; i < RULES; i++) {
      const svc = services[(r * RULES + i) % services.length]!;
      const path = `/r${r}/p${i}`;
      paths.push(path);
      rules.push({
        matches: [{ path: { type: 'PathPrefix', value: path } }],
        backendRefs: [
          { name: svc.metadata.name, namespace: svc.metadata.namespace, port: svc.spec.ports![0]!.port },
        ],
      });
    }
    const ns = services[r % services.length]!.metadata.namespace ?? 'default';
    l7.httpRoutes.push({
      apiVersion: GW,
      kind: 'HTTPRoute',
      metadata: { name: `route-${r}`, namespace: ns },
      spec: { parentRefs: [{ name: 'web', namespace: 'default' }], hostnames: ['shop.example.com'], rules },
    });
  }
  // Backends in other namespaces need a ReferenceGrant only across namespaces of route and Service:
  // each route sits in the namespace of its first Service; others are granted below.
  for (const ns of new Set(services.map((x) => x.metadata.namespace ?? 'default')))
    l7.referenceGrants.push({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'from-routes', namespace: ns },
      spec: {
        from: [...new Set(l7.httpRoutes.map((r) => r.metadata.namespace!))].map((n) => ({
          group: 'gateway.networking.k8s.io',
          kind: 'HTTPRoute',
          namespace: n,
        })),
        to: [{ group: '', kind: 'Service' }],
      },
    });
  const made = envoyGateway.provisionGateway!(gw);
  const pod: K8sPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${made.deployment.name}-0`,
      namespace: made.deployment.namespace,
      labels: { ...made.deployment.labels },
    },
    spec: { nodeName: s.nodes[0]!.metadata.name, containers: made.deployment.containers },
    status: { phase: 'Running' },
  };
  const scenario: Scenario = {
    ...s,
    namespaces: [
      ...s.namespaces,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: made.deployment.namespace } },
    ],
    pods: [...s.pods, pod],
    services: [...s.services, made.service],
    l7,
  };
  return { scenario, paths };
}

/** `npm run bench -- l7-trace`: a whole two-leg HTTP trace (client leg, L7 decision, upstream leg) at L. */
export function benchL7Trace(): void {
  const { scenario, paths } = withGateway(largeScenario(1));
  const built = time(() => buildEngine(scenario).engine!);
  const engine = built.value;
  const warm = time(() => engine.l7);
  const pick = rng(7);
  const pods = engine.cluster.pods.filter((p) => !p.hostNetwork).map((p) => `${p.namespace}/${p.name}`);
  const ms: number[] = [];
  const verdicts = new Map<string, number>();
  for (let i = 0; i < TRACES; i++) {
    const from = i % 2 === 0 ? 'external' : pods[Math.floor(pick() * pods.length)]!;
    const path = i % 10 === 9 ? '/nothing-here' : paths[Math.floor(pick() * paths.length)]!;
    const r = time(() => engineHttpTrace(engine, { from, url: `http://shop.example.com${path}/x` }));
    ms.push(r.ms);
    const v = isHttpTraceError(r.value) ? `error ${r.value.error.key}` : r.value.verdict;
    verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
  }
  console.log(
    `\n## Two-leg HTTP trace at L (${engine.cluster.nodes.length} nodes, ${engine.cluster.pods.length} Pods, ${ROUTES} HTTPRoutes × ${RULES} rules)\n`,
  );
  console.log(
    table([
      ['measure', 'value', 'bar'],
      ['engine build (ms)', fmt(built.ms, 0), '—'],
      ['L7 build on first use (ms)', fmt(warm.ms, 1), '≤ 200'],
      [`trace p50 (ms, ${TRACES} requests)`, fmt(percentile(ms, 50)), '—'],
      ['trace p95 (ms)', fmt(percentile(ms, 95)), 'interactive (≤ 50)'],
      ['trace max (ms)', fmt(Math.max(...ms)), '—'],
      // L's namespaces have default-deny ingress policies that do not admit the proxy's namespace:
      // most requests reach the backend node and are dropped there by NetworkPolicy, as on a cluster.
      ['verdicts', [...verdicts].map(([k, n]) => `${k} ${n}`).join(', '), '—'],
    ]),
  );
}
