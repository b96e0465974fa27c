import { describe, expect, it } from 'vitest';
import type { HTTPIngressPath, IngressPathType, K8sIngress, K8sIngressClass } from '../../model/l7';
import { INGRESS_NGINX_CONTROLLER } from '../implementations/ingress-nginx';
import { buildL7, decide } from '../index';
import { backend, req, scenarioOf } from '../testing';
import type { L7Decision } from '../types';

/**
 * Ingress semantics as kubernetes/website content/en/docs/concepts/services-networking/ingress.md
 * states them ("Examples" path table, "Hostname wildcards", "Default IngressClass",
 * "Default backend"), served by ingress-nginx.
 */
const nginx: K8sIngressClass = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
  spec: { controller: INGRESS_NGINX_CONTROLLER },
};
const svcs = ['a', 'b', 'c', 'd', 'default-svc', 'foo', 'bar'].map((n) => backend('default', n, 80));

function ingress(
  name: string,
  paths: [IngressPathType, string, string][],
  host?: string,
  extra: Partial<K8sIngress['spec']> = {},
): K8sIngress {
  const p: HTTPIngressPath[] = paths.map(([pathType, path, svc]) => ({
    pathType,
    path,
    backend: { service: { name: svc, port: { number: 80 } } },
  }));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default' },
    spec: { rules: [{ ...(host ? { host } : {}), http: { paths: p } }], ...extra },
  };
}

function at(ings: K8sIngress[], url: string): L7Decision {
  const s = buildL7(scenarioOf({ l7: { ingressClasses: [nginx], ingresses: ings }, backends: svcs }));
  const d = decide(s, 'ingressclass/nginx', req(url));
  if ('error' in d) throw new Error(d.error.key);
  return d;
}
const svcAt = (ings: K8sIngress[], path: string): string | number => {
  const d = at(ings, `http://any.example${path}`);
  return d.status === 200 ? d.backend!.service : d.status;
};

describe('the Ingress docs path table (ingress.md "Examples")', () => {
  const one = (type: IngressPathType, path: string) => [ingress('i', [[type, path, 'a']])];
  it.each([
    ['Prefix', '/', '/anything/at/all', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', false],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo/', '/foo', false],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/foo/', '/foo/', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
    ['ImplementationSpecific', '/aaa/bbb', '/aaa/bbb/ccc', true],
  ] as const)('%s %s, request %s → matches %s', (type, path, request, matches) => {
    expect(svcAt(one(type, path), request)).toBe(matches ? 'a' : 404);
  });
  it('several paths: the longest prefix wins', () => {
    const two = [
      ingress('i', [
        ['Prefix', '/', 'a'],
        ['Prefix', '/aaa', 'b'],
      ]),
    ];
    expect(svcAt(two, '/aaa/ccc')).toBe('b');
    const three = [
      ingress('i', [
        ['Prefix', '/', 'a'],
        ['Prefix', '/aaa', 'b'],
        ['Prefix', '/aaa/bbb', 'c'],
      ]),
    ];
    expect(svcAt(three, '/aaa/bbb')).toBe('c');
    expect(svcAt(three, '/ccc')).toBe('a');
  });
  it('/aaa does not match /ccc: no rule, so the default backend (or the controller 404)', () => {
    expect(svcAt([ingress('i', [['Prefix', '/aaa', 'a']])], '/ccc')).toBe(404);
    const withDefault = ingress('i', [['Prefix', '/aaa', 'a']], undefined, {
      defaultBackend: { service: { name: 'default-svc', port: { number: 80 } } },
    });
    const d = at([withDefault], 'http://any/ccc');
    expect([d.backend?.service, d.precedence.key]).toEqual(['default-svc', 'l7.why.ingressDefaultBackend']);
  });
  it('mixed /foo Prefix and /foo Exact: a request for /foo prefers Exact', () => {
    const d = at(
      [
        ingress('i', [
          ['Prefix', '/foo', 'a'],
          ['Exact', '/foo', 'b'],
        ]),
      ],
      'http://x/foo',
    );
    expect([d.backend?.service, d.precedence.key]).toEqual(['b', 'l7.why.ingressExactOverPrefix']);
    expect(
      svcAt(
        [
          ingress('i', [
            ['Prefix', '/foo', 'a'],
            ['Exact', '/foo', 'b'],
          ]),
        ],
        '/foo/x',
      ),
    ).toBe('a');
  });
});

describe('hosts (ingress.md "Hostname wildcards", "Name based virtual hosting")', () => {
  const ings = [
    ingress('exact', [['Prefix', '/', 'foo']], 'foo.bar.com'),
    ingress('wild', [['Prefix', '/', 'bar']], '*.foo.com'),
    ingress('any', [['Prefix', '/', 'c']]),
  ];
  it.each([
    ['foo.bar.com', 'foo'],
    ['bar.foo.com', 'bar'],
    ['baz.bar.foo.com', 'c'], // a wildcard covers exactly one label
    ['foo.com', 'c'],
    ['other.example', 'c'],
  ])('%s → %s', (host, want) => {
    const d = at(ings, `http://${host}/`);
    expect(d.backend?.service).toBe(want);
  });
  it('the oldest Ingress wins a path two Ingresses define for the same host', () => {
    const older = {
      ...ingress('z-old', [['Prefix', '/', 'a']], 'h.example'),
      metadata: { name: 'z-old', namespace: 'default', creationTimestamp: '2024-01-01T00:00:00Z' },
    };
    const newer = {
      ...ingress('a-new', [['Prefix', '/', 'b']], 'h.example'),
      metadata: { name: 'a-new', namespace: 'default', creationTimestamp: '2024-06-01T00:00:00Z' },
    };
    expect(at([newer, older], 'http://h.example/').backend?.service).toBe('a');
  });
  it('plain HTTP to a TLS host is redirected to HTTPS with 308', () => {
    const tls = ingress('t', [['Prefix', '/', 'a']], 'secure.example', {
      tls: [{ hosts: ['secure.example'], secretName: 's' }],
    });
    const d = at([tls], 'http://secure.example/x?y=1');
    expect([d.status, d.location]).toEqual([308, 'https://secure.example/x?y=1']);
    expect(at([tls], 'https://secure.example/x').status).toBe(200);
  });
});

describe('classes and backends', () => {
  it('a missing backend Service answers 503 and is reported as BackendNotFound', () => {
    const s = buildL7(
      scenarioOf({
        l7: { ingressClasses: [nginx], ingresses: [ingress('i', [['Prefix', '/', 'nope']])] },
        backends: svcs,
      }),
    );
    const d = decide(s, null, req('http://x/')) as L7Decision;
    expect([d.status, d.answered]).toEqual([503, true]);
    expect(s.status.routes[0]!.parents[0]!.conditions[1]).toMatchObject({
      status: 'False',
      reason: 'BackendNotFound',
    });
  });
  it('an Ingress without class goes to the default class; a named class that does not exist gets NoMatchingParent', () => {
    const named = {
      ...ingress('n', [['Prefix', '/', 'a']]),
      spec: { ...ingress('n', [['Prefix', '/', 'a']]).spec, ingressClassName: 'traefik' },
    };
    const s = buildL7(
      scenarioOf({
        l7: { ingressClasses: [nginx], ingresses: [ingress('i', [['Prefix', '/', 'a']]), named] },
        backends: svcs,
      }),
    );
    expect(
      s.status.routes.map((r) => [r.name, r.parents[0]!.gateway, r.parents[0]!.conditions[0]!.reason]),
    ).toEqual([
      ['default/i', 'nginx', 'Accepted'],
      ['default/n', 'traefik', 'NoMatchingParent'],
    ]);
  });
  it('service-upstream: "true" makes the proxy dial the ClusterIP', () => {
    const i = ingress('i', [['Prefix', '/', 'a']]);
    i.metadata.annotations = { 'nginx.ingress.kubernetes.io/service-upstream': 'true' };
    expect(at([i], 'http://x/').upstreamVia).toBe('clusterip');
    expect(at([ingress('j', [['Prefix', '/', 'a']])], 'http://x/').upstreamVia).toBe('endpoints');
  });
});
