import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildL7, decide, parseRequestUrl } from '../../core/l7';
import type { L7Decision } from '../../core/l7';
import { emptyScenario, type Scenario } from '../../core/model/scenario';
import { decode, encode } from '../codec/index';
import { loadScenario } from '../load';
import { defaultViewState } from '../view-state';
import { exportYaml } from './export';
import { importYaml } from './import';
import { formatIssue } from './types';

const DIR = fileURLToPath(new URL('../../../../shared/data/real-manifests/l7/', import.meta.url));
const HAVE = existsSync(DIR);
const SKIP = '(skipped: ../shared/data/real-manifests/l7 is absent)';
const real = (f: string): string => readFileSync(`${DIR}${f}`, 'utf8');

const empty = emptyScenario;

function load(text: string, base = empty()): Scenario {
  const r = importYaml(text, base);
  expect(r.errors.map(formatIssue)).toEqual([]);
  return r.scenario!;
}

/** Backends the guides assume but the upstream files do not define: a Service + Deployment each. */
function backends(list: [ns: string, name: string, port: number][]): string {
  return list
    .map(
      ([ns, name, port]) => `
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns} }
spec: { selector: { app: ${name} }, ports: [{ port: ${port}, targetPort: 8080 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec:
  replicas: 1
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: app, image: nginx, ports: [{ containerPort: 8080 }] }] }
`,
    )
    .join('');
}

const built = new WeakMap<Scenario, ReturnType<typeof buildL7>>();
function at(s: Scenario, url: string, headers: string[] = [], seed = 0): L7Decision {
  const r = parseRequestUrl(url, 'GET', headers);
  if ('error' in r) throw new Error(url);
  let state = built.get(s);
  if (!state) built.set(s, (state = buildL7(s)));
  const d = decide(state, null, r, seed);
  if ('error' in d) throw new Error(`${d.error.key} ${JSON.stringify(d.error.args)}`);
  return d;
}
const where = (d: L7Decision): string =>
  d.backend ? `${d.status} ${d.backend.namespace}/${d.backend.service}:${d.backend.port}` : `${d.status}`;

describe(`real L7 manifests route as their guides say ${HAVE ? '' : SKIP}`, () => {
  it.skipIf(!HAVE)('gateway-api-http-routing (guide http-routing.md)', () => {
    const bare = load(real('gateway-api-http-routing.yaml'));
    const st = buildL7(bare).status;
    expect(st.gateways[0]!.listeners[0]).toMatchObject({ name: 'http', attachedRoutes: 3 });
    // The upstream files define no Services: the routes are accepted but their refs unresolved.
    expect(st.routes.map((r) => r.parents[0]!.conditions.map((c) => c.reason))).toEqual([
      ['Accepted', 'BackendNotFound'],
      ['Accepted', 'BackendNotFound'],
      ['Accepted', 'BackendNotFound'],
    ]);
    expect(where(at(bare, 'http://foo.example.com/login'))).toBe('500 default/foo-svc:8080');
    const s = load(
      real('gateway-api-http-routing.yaml') +
        backends([
          ['default', 'foo-svc', 8080],
          ['default', 'bar-svc', 8080],
          ['default', 'bar-svc-canary', 8080],
          ['default', 'example-svc', 80],
        ]),
    );
    expect(where(at(s, 'http://foo.example.com/login'))).toBe('200 default/foo-svc:8080');
    expect(where(at(s, 'http://foo.example.com/login/x'))).toBe('200 default/foo-svc:8080');
    expect(where(at(s, 'http://foo.example.com/other'))).toBe('404');
    expect(where(at(s, 'http://bar.example.com/', ['env: canary']))).toBe('200 default/bar-svc-canary:8080');
    expect(where(at(s, 'http://bar.example.com/'))).toBe('200 default/bar-svc:8080');
    expect(where(at(s, 'http://example.com/anything'))).toBe('200 default/example-svc:80');
    expect(at(s, 'http://bar.example.com/', ['env: canary']).precedence.key).toBe('l7.why.moreHeaders');
  });

  it.skipIf(!HAVE)('gateway-api-cross-namespace-routing (guide multiple-ns.md)', () => {
    const s = load(
      real('gateway-api-cross-namespace-routing.yaml') +
        backends([
          ['site-ns', 'home', 8080],
          ['site-ns', 'login-v1', 8080],
          ['site-ns', 'login-v2', 8080],
          ['store-ns', 'store', 8080],
        ]),
    );
    const l7 = buildL7(s);
    expect(l7.entries).toEqual([
      expect.objectContaining({
        via: 'gateway/infra-ns/shared-gateway',
        implementation: 'envoy-gateway',
        ports: [443],
      }),
    ]);
    expect(l7.entries[0]!.pods).toHaveLength(1);
    expect(l7.status.gateways[0]!.listeners[0]).toMatchObject({ name: 'https', attachedRoutes: 3 });
    expect(where(at(s, 'https://foo.example.com/store'))).toBe('200 store-ns/store:8080');
    expect(where(at(s, 'https://foo.example.com/'))).toBe('200 site-ns/home:8080');
    expect(where(at(s, 'https://foo.example.com/anything'))).toBe('200 site-ns/home:8080');
    const split: Record<string, number> = {};
    for (let seed = 0; seed < 500; seed++) {
      const b = at(s, 'https://foo.example.com/login', [], seed).backend!.service;
      split[b] = (split[b] ?? 0) + 1;
    }
    expect(split['login-v1']! / 500).toBeGreaterThan(0.84);
    expect(split['login-v2']! / 500).toBeGreaterThan(0.05);
    // A route from the namespace without the label is refused.
    const refused = load(
      real('gateway-api-cross-namespace-routing.yaml') +
        `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: sneaky, namespace: no-external-access }
spec:
  parentRefs: [{ name: shared-gateway, namespace: infra-ns }]
  rules: [{ backendRefs: [{ name: x, port: 80 }] }]
`,
    );
    const r = buildL7(refused).status.routes.find((x) => x.name === 'no-external-access/sneaky')!;
    expect(r.parents[0]!.conditions[0]).toMatchObject({ status: 'False', reason: 'NotAllowedByListeners' });
  });

  it.skipIf(!HAVE)(
    'ingress files in KYAML flow style and block style, with ingress-nginx provisioned',
    () => {
      const fan = load(
        real('ingress-simple-fanout.yaml') +
          backends([
            ['default', 'service1', 4200],
            ['default', 'service2', 8080],
          ]),
      );
      expect(
        fan.pods.some(
          (p) =>
            p.metadata.namespace === 'ingress-nginx' &&
            p.metadata.name.startsWith('ingress-nginx-controller-'),
        ),
      ).toBe(true);
      expect(fan.services.find((x) => x.metadata.name === 'ingress-nginx-controller')?.spec.type).toBe(
        'LoadBalancer',
      );
      expect(where(at(fan, 'http://foo.bar.com/foo'))).toBe('200 default/service1:4200');
      expect(where(at(fan, 'http://foo.bar.com/bar/x'))).toBe('200 default/service2:8080');
      expect(where(at(fan, 'http://foo.bar.com/baz'))).toBe('404');
      const vhost = load(
        real('ingress-name-virtual-host.yaml') +
          backends([
            ['default', 'service1', 80],
            ['default', 'service2', 80],
          ]),
      );
      expect(where(at(vhost, 'http://foo.bar.com/'))).toBe('200 default/service1:80');
      expect(where(at(vhost, 'http://bar.foo.com/x'))).toBe('200 default/service2:80');
      expect(where(at(vhost, 'http://other.example/'))).toBe('404');
      const mk = load(real('ingress-minikube-example.yaml') + backends([['default', 'web', 8080]]));
      expect(where(at(mk, 'http://hello-world.example/'))).toBe('200 default/web:8080');
    },
  );
});

describe('L7 import errors name document, line and field', () => {
  it('reports bad enums, ports and paths at their lines', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata: { name: a }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
spec:
  parentRefs:
  - name: gw
  rules:
  - matches:
    - path:
        type: Prefix
        value: login
    backendRefs:
    - name: svc
      port: 70000
`;
    const r = importYaml(text, empty());
    expect(r.scenario).toBeNull();
    expect(r.errors.map(formatIssue)).toEqual([
      'document 2, line 15: spec.rules[0].matches[0].path.type: expected one of Exact, PathPrefix, RegularExpression, got "Prefix"',
      'document 2, line 16: spec.rules[0].matches[0].path.value: must be an absolute path (start with "/"), got "login"',
      'document 2, line 19: spec.rules[0].backendRefs[0].port: expected an integer 1–65535, got 70000',
    ]);
  });
  it('checks the apiVersion each kind is served at and Ingress pathType', () => {
    const r = importYaml(
      `apiVersion: extensions/v1beta1
kind: Ingress
metadata: { name: old }
---
{ apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" }, spec: { rules: [{ http: { paths: [{ path: "/", pathType: "Regex", backend: { service: { name: "s", port: { number: 80 } } } }] } }] } }
`,
      empty(),
    );
    expect(r.errors.map(formatIssue)).toEqual([
      'document 1, line 1: apiVersion: Ingress is served as networking.k8s.io/v1, got "extensions/v1beta1"',
      'document 2, line 5: spec.rules[0].http.paths[0].pathType: expected one of Exact, Prefix, ImplementationSpecific, got "Regex"',
    ]);
  });
});

describe('L7 objects survive export, load and share links', () => {
  const yaml = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: web }
spec:
  gatewayClassName: eg
  listeners: [{ name: http, port: 80, protocol: HTTP, hostname: "*.example.com" }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: web, creationTimestamp: "2024-01-02T03:04:05Z" }
spec:
  parentRefs: [{ name: gw, sectionName: http }]
  hostnames: [shop.example.com]
  rules:
  - matches: [{ path: { type: Exact, value: /cart }, headers: [{ name: X-Env, value: canary }], method: POST }]
    filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { add: [{ name: x-a, value: b }] } }]
    backendRefs: [{ name: cart, port: 80, weight: 3 }]
`;
  it('export → import gives the same L7 objects and provisions nothing twice', () => {
    const s = load(yaml);
    expect(s.l7!.httpRoutes[0]!.metadata.creationTimestamp).toBe('2024-01-02T03:04:05Z');
    const again = load(exportYaml(s));
    expect(again.l7).toEqual(s.l7);
    expect(again.services.filter((x) => x.metadata.namespace === 'envoy-gateway-system')).toHaveLength(1);
    expect(again.pods.length).toBe(s.pods.length);
  });
  it('loadScenario keeps them; a share link carries them', () => {
    const s = load(yaml);
    const loaded = loadScenario(JSON.parse(JSON.stringify(s)));
    expect(loaded.ok && loaded.scenario.l7).toEqual(s.l7);
    const view = { ...defaultViewState(), scenario: s };
    const e = encode(view, { maxLength: Infinity });
    expect(e.ok).toBe(true);
    const back = decode(e.ok ? e.fragment : '');
    expect(back.ok && back.state.scenario.l7).toEqual(s.l7);
  });
});
