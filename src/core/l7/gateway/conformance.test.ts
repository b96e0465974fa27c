import { describe, expect, it } from 'vitest';
import { buildL7, decide } from '../index';
import { backend, gateway, http, ns, req, route, scenarioOf } from '../testing';
import type { L7Decision } from '../types';

/**
 * Cases mirroring kubernetes-sigs/gateway-api conformance/tests/httproute-*.go and their YAML
 * (same objects, same requests, same expected backend or status). Our own code and wording.
 */

const INFRA = 'gateway-conformance-infra';
const V1 = backend(INFRA, 'infra-backend-v1');
const V2 = backend(INFRA, 'infra-backend-v2');
const V3 = backend(INFRA, 'infra-backend-v3');
const ALL = [V1, V2, V3];
const to = (name: string, port = 8080) => ({ name, port });
const sameNs = gateway('same-namespace', INFRA, [
  http('http', { allowedRoutes: { namespaces: { from: 'Same' } } }),
]);

function ok(d: ReturnType<typeof decide>): L7Decision {
  if ('error' in d) throw new Error(`unexpected error ${d.error.key}`);
  return d;
}
const svcOf = (d: L7Decision): string | number => (d.status === 200 ? d.backend!.service : d.status);

describe('HTTPRouteMatchingAcrossRoutes (httproute-matching-across-routes.go)', () => {
  const s = buildL7(
    scenarioOf({
      l7: {
        gateways: [sameNs],
        httpRoutes: [
          route(
            'matching-part1',
            INFRA,
            [{ name: 'same-namespace' }],
            [
              {
                matches: [
                  { path: { type: 'PathPrefix', value: '/' } },
                  { headers: [{ name: 'version', value: 'one' }] },
                ],
                backendRefs: [to('infra-backend-v1')],
              },
            ],
            ['example.com', 'example.net'],
          ),
          route(
            'matching-part2',
            INFRA,
            [{ name: 'same-namespace' }],
            [
              {
                matches: [
                  { path: { type: 'PathPrefix', value: '/v2' } },
                  { headers: [{ name: 'version', value: 'two' }] },
                ],
                backendRefs: [to('infra-backend-v2')],
              },
            ],
            ['*.com'],
          ),
        ],
      },
      backends: ALL,
    }),
  );
  it.each([
    ['http://example.com/', [], 'infra-backend-v1'],
    ['http://example.com/example', [], 'infra-backend-v1'],
    ['http://example.net/example', [], 'infra-backend-v1'],
    ['http://example.com/example', ['Version: one'], 'infra-backend-v1'],
    ['http://example.com/v2', [], 'infra-backend-v2'],
    ['http://example.net/v2', [], 'infra-backend-v1'],
    ['http://example.com/v2/example', [], 'infra-backend-v2'],
    ['http://example.com/', ['Version: two'], 'infra-backend-v2'],
  ])('%s %j → %s', (url, headers, want) => {
    expect(svcOf(ok(decide(s, null, req(url, headers))))).toBe(want);
  });
  it('says why: the longer prefix beat the other route', () => {
    const d = ok(decide(s, null, req('http://example.com/v2/x')));
    expect(d.precedence).toMatchObject({
      key: 'l7.why.longerPrefix',
      args: { path: '/v2', other: `${INFRA}/matching-part1` },
    });
  });
});

describe('HTTPRouteHostnameIntersection (httproute-hostname-intersection.go)', () => {
  const gw = gateway('httproute-hostname-intersection', INFRA, [
    http('listener-1', { hostname: 'very.specific.com' }),
    http('listener-2', { hostname: '*.wildcard.io' }),
    http('listener-3', { hostname: '*.anotherwildcard.io' }),
  ]);
  const p = [{ name: gw.metadata.name, namespace: INFRA }];
  const rule = (prefix: string, b: string) => [
    { matches: [{ path: { type: 'PathPrefix' as const, value: prefix } }], backendRefs: [to(b)] },
  ];
  const s = buildL7(
    scenarioOf({
      l7: {
        gateways: [gw],
        httpRoutes: [
          route('specific-host-matches-listener-specific-host', INFRA, p, rule('/s1', 'infra-backend-v1'), [
            'non.matching.com',
            '*.nonmatchingwildcard.io',
            'very.specific.com',
          ]),
          route('specific-host-matches-listener-wildcard-host', INFRA, p, rule('/s2', 'infra-backend-v2'), [
            'non.matching.com',
            'wildcard.io',
            'foo.wildcard.io',
            'bar.wildcard.io',
            'foo.bar.wildcard.io',
          ]),
          route('wildcard-host-matches-listener-specific-host', INFRA, p, rule('/s3', 'infra-backend-v3'), [
            'non.matching.com',
            '*.specific.com',
          ]),
          route('wildcard-host-matches-listener-wildcard-host', INFRA, p, rule('/s4', 'infra-backend-v1'), [
            '*.anotherwildcard.io',
          ]),
          route('no-intersecting-hosts', INFRA, p, rule('/s5', 'infra-backend-v2'), [
            'specific.but.wrong.com',
            'wildcard.io',
          ]),
        ],
      },
      backends: ALL,
    }),
  );
  it.each([
    ['very.specific.com', '/s1', 'infra-backend-v1'],
    ['non.matching.com', '/s1', 404],
    ['foo.nonmatchingwildcard.io', '/s1', 404],
    ['foo.wildcard.io', '/s1', 404],
    ['very.specific.com', '/non-matching-prefix', 404],
    ['foo.wildcard.io', '/s2', 'infra-backend-v2'],
    ['bar.wildcard.io', '/s2', 'infra-backend-v2'],
    ['foo.bar.wildcard.io', '/s2', 'infra-backend-v2'],
    ['non.matching.com', '/s2', 404],
    ['wildcard.io', '/s2', 404],
    ['very.specific.com', '/s2', 404],
    ['very.specific.com', '/s3', 'infra-backend-v3'],
    ['foo.specific.com', '/s3', 404],
    ['foo.anotherwildcard.io', '/s4', 'infra-backend-v1'],
    ['foo.bar.anotherwildcard.io', '/s4', 'infra-backend-v1'],
    ['anotherwildcard.io', '/s4', 404],
    ['specific.but.wrong.com', '/s5', 404],
    ['wildcard.io', '/s5', 404],
  ])('Host %s %s → %s', (host, path, want) => {
    expect(svcOf(ok(decide(s, null, req(`http://${host}${path}`))))).toBe(want);
  });
  it('ignores the port inside the Host header', () => {
    const d = ok(decide(s, null, req('http://very.specific.com/s1', ['Host: very.specific.com:1234'])));
    expect(svcOf(d)).toBe('infra-backend-v1');
  });
  it('writes NoMatchingListenerHostname and counts only accepted routes in attachedRoutes', () => {
    const r = s.status.routes.find((x) => x.name === `${INFRA}/no-intersecting-hosts`)!;
    expect(r.parents[0]!.conditions[0]).toMatchObject({
      type: 'Accepted',
      status: 'False',
      reason: 'NoMatchingListenerHostname',
    });
    const ls = s.status.gateways[0]!.listeners.map((l) => [l.name, l.attachedRoutes]);
    expect(ls).toEqual([
      ['listener-1', 2],
      ['listener-2', 1],
      ['listener-3', 1],
    ]);
  });
});

describe('listener selection (httproute-listener-hostname-matching.go)', () => {
  const gw = gateway('httproute-listener-hostname-matching', INFRA, [
    http('listener-1', { hostname: 'bar.com' }),
    http('listener-2', { hostname: 'foo.bar.com' }),
    http('listener-3', { hostname: '*.bar.com' }),
    http('listener-4', { hostname: '*.foo.com' }),
  ]);
  const ref = (section: string) => ({ name: gw.metadata.name, namespace: INFRA, sectionName: section });
  const all = [{ backendRefs: [to('infra-backend-v1')] }];
  const s = buildL7(
    scenarioOf({
      l7: {
        gateways: [gw],
        httpRoutes: [
          route('backend-v1', INFRA, [ref('listener-1')], [{ backendRefs: [to('infra-backend-v1')] }]),
          route('backend-v2', INFRA, [ref('listener-2')], [{ backendRefs: [to('infra-backend-v2')] }]),
          route(
            'backend-v3',
            INFRA,
            [ref('listener-3'), ref('listener-4')],
            [{ backendRefs: [to('infra-backend-v3')] }],
          ),
        ],
      },
      backends: ALL,
    }),
  );
  void all;
  it.each([
    ['bar.com', 'infra-backend-v1'],
    ['foo.bar.com', 'infra-backend-v2'],
    ['baz.bar.com', 'infra-backend-v3'],
    ['boo.bar.com', 'infra-backend-v3'],
    ['multiple.prefixes.bar.com', 'infra-backend-v3'],
    ['multiple.prefixes.foo.com', 'infra-backend-v3'],
    ['foo.com', 404],
    ['no.matching.host', 404],
  ])('%s → %s', (host, want) => {
    expect(svcOf(ok(decide(s, `gateway/${INFRA}/${gw.metadata.name}`, req(`http://${host}/`))))).toBe(want);
  });
  it('names the listener that took the request', () => {
    expect(ok(decide(s, null, req('http://x.bar.com/'))).listener).toBe('listener-3');
  });
});

describe('header, query, method and exact-path matching (httproute-header-matching, -query-param-matching, -method-matching, -exact-path-matching)', () => {
  const p = [{ name: 'same-namespace' }];
  const s = buildL7(
    scenarioOf({
      l7: {
        gateways: [sameNs],
        httpRoutes: [
          route(
            'header-matching',
            INFRA,
            p,
            [
              {
                matches: [{ headers: [{ name: 'version', value: 'one' }] }],
                backendRefs: [to('infra-backend-v1')],
              },
              {
                matches: [{ headers: [{ name: 'version', value: 'two' }] }],
                backendRefs: [to('infra-backend-v2')],
              },
              {
                matches: [
                  {
                    headers: [
                      { name: 'version', value: 'two' },
                      { name: 'color', value: 'orange' },
                    ],
                  },
                ],
                backendRefs: [to('infra-backend-v1')],
              },
              {
                matches: [
                  { headers: [{ name: 'color', value: 'blue' }] },
                  { headers: [{ name: 'color', value: 'green' }] },
                ],
                backendRefs: [to('infra-backend-v1')],
              },
              {
                matches: [
                  { headers: [{ name: 'color', value: 'red' }] },
                  { headers: [{ name: 'color', value: 'yellow' }] },
                ],
                backendRefs: [to('infra-backend-v2')],
              },
            ],
            ['headers.example'],
          ),
          route(
            'query-param-matching',
            INFRA,
            p,
            [
              {
                matches: [{ queryParams: [{ name: 'animal', value: 'whale' }] }],
                backendRefs: [to('infra-backend-v1')],
              },
              {
                matches: [{ queryParams: [{ name: 'animal', value: 'dolphin' }] }],
                backendRefs: [to('infra-backend-v2')],
              },
              {
                matches: [
                  {
                    queryParams: [
                      { name: 'animal', value: 'dolphin' },
                      { name: 'color', value: 'blue' },
                    ],
                  },
                ],
                backendRefs: [to('infra-backend-v3')],
              },
            ],
            ['query.example'],
          ),
          route(
            'method-matching',
            INFRA,
            p,
            [
              { matches: [{ method: 'POST' }], backendRefs: [to('infra-backend-v1')] },
              { matches: [{ method: 'GET' }], backendRefs: [to('infra-backend-v2')] },
            ],
            ['method.example'],
          ),
          route(
            'exact-path-matching',
            INFRA,
            p,
            [
              {
                matches: [{ path: { type: 'Exact', value: '/one' } }],
                backendRefs: [to('infra-backend-v1')],
              },
              {
                matches: [{ path: { type: 'Exact', value: '/two' } }],
                backendRefs: [to('infra-backend-v2')],
              },
            ],
            ['exact.example'],
          ),
        ],
      },
      backends: ALL,
    }),
  );
  const go = (url: string, headers: string[] = [], method = 'GET') =>
    svcOf(ok(decide(s, null, req(url, headers, method))));
  it('matches header names case-insensitively and prefers more header matches', () => {
    expect(go('http://headers.example/', ['Version: one'])).toBe('infra-backend-v1');
    expect(go('http://headers.example/', ['VERSION: two'])).toBe('infra-backend-v2');
    expect(go('http://headers.example/', ['version: two', 'Color: orange'])).toBe('infra-backend-v1');
    expect(go('http://headers.example/', ['color: green'])).toBe('infra-backend-v1');
    expect(go('http://headers.example/', ['color: yellow'])).toBe('infra-backend-v2');
    expect(go('http://headers.example/', ['Version: ONE'])).toBe(404); // values are case-sensitive
    expect(go('http://headers.example/', ['color: purple'])).toBe(404);
  });
  it('matches query params and prefers more of them', () => {
    expect(go('http://query.example/?animal=whale')).toBe('infra-backend-v1');
    expect(go('http://query.example/?animal=dolphin')).toBe('infra-backend-v2');
    expect(go('http://query.example/?animal=dolphin&color=blue')).toBe('infra-backend-v3');
    expect(go('http://query.example/?ANIMAL=whale')).toBe(404); // names are case-sensitive
    expect(ok(decide(s, null, req('http://query.example/?animal=dolphin&color=blue'))).precedence.key).toBe(
      'l7.why.moreQuery',
    );
  });
  it('matches the method', () => {
    expect(go('http://method.example/', [], 'POST')).toBe('infra-backend-v1');
    expect(go('http://method.example/', [], 'GET')).toBe('infra-backend-v2');
    expect(go('http://method.example/', [], 'HEAD')).toBe(404);
  });
  it('matches exact paths only exactly', () => {
    expect(go('http://exact.example/one')).toBe('infra-backend-v1');
    expect(go('http://exact.example/two')).toBe('infra-backend-v2');
    expect(go('http://exact.example/one/')).toBe(404);
    expect(go('http://exact.example/on')).toBe(404);
  });
});

describe('precedence ties across routes: oldest, then namespace/name, then rule order', () => {
  const p = [{ name: 'same-namespace' }];
  const rule = (b: string) => ({
    matches: [{ path: { type: 'PathPrefix' as const, value: '/' } }],
    backendRefs: [to(b)],
  });
  it('the oldest route wins, whatever its name', () => {
    const s = buildL7(
      scenarioOf({
        l7: {
          gateways: [sameNs],
          httpRoutes: [
            route('a', INFRA, p, [rule('infra-backend-v1')], undefined, '2024-02-01T00:00:00Z'),
            route('b', INFRA, p, [rule('infra-backend-v2')], undefined, '2024-01-01T00:00:00Z'),
          ],
        },
        backends: ALL,
      }),
    );
    const d = ok(decide(s, null, req('http://any/')));
    expect([d.route, d.precedence.key]).toEqual([`${INFRA}/b`, 'l7.why.olderRoute']);
  });
  it('then namespace/name alphabetically, then the first rule', () => {
    const s = buildL7(
      scenarioOf({
        l7: {
          gateways: [sameNs],
          httpRoutes: [
            route('b', INFRA, p, [rule('infra-backend-v2')]),
            route('a', INFRA, p, [rule('infra-backend-v1'), rule('infra-backend-v3')]),
          ],
        },
        backends: ALL,
      }),
    );
    const d = ok(decide(s, null, req('http://any/')));
    expect([d.route, d.rule, d.precedence.key]).toEqual([`${INFRA}/a`, 0, 'l7.why.ruleOrder']);
  });
});

describe('backends: weights, invalid references, endpoints (httproute-weight, -all-backends-weight-zero, -invalid-backendref-*, -invalid-cross-namespace-backend-ref, -invalid-reference-grant)', () => {
  const p = [{ name: 'same-namespace' }];
  const mk = (rules: Parameters<typeof route>[3], extra: Parameters<typeof scenarioOf>[0] = {}) =>
    buildL7(
      scenarioOf({
        ...extra,
        l7: { gateways: [sameNs], httpRoutes: [route('r', INFRA, p, rules)], ...extra.l7 },
        backends: extra.backends ?? ALL,
      }),
    );
  it('splits by weight, never picks weight 0', () => {
    const s = mk([
      {
        backendRefs: [
          { ...to('infra-backend-v1'), weight: 70 },
          { ...to('infra-backend-v2'), weight: 30 },
          { ...to('infra-backend-v3'), weight: 0 },
        ],
      },
    ]);
    const counts: Record<string, number> = {};
    for (let seed = 0; seed < 1000; seed++) {
      const d = ok(decide(s, null, req('http://x/'), seed));
      counts[d.backend!.service] = (counts[d.backend!.service] ?? 0) + 1;
    }
    expect(counts['infra-backend-v3']).toBeUndefined();
    expect(counts['infra-backend-v1']! / 1000).toBeGreaterThan(0.63);
    expect(counts['infra-backend-v1']! / 1000).toBeLessThan(0.77);
  });
  it('answers 500 when every weight is 0', () => {
    const s = mk([{ backendRefs: [{ ...to('infra-backend-v1'), weight: 0 }] }]);
    expect(ok(decide(s, null, req('http://x/'))).status).toBe(500);
  });
  it('answers 500 for a missing Service and reports BackendNotFound', () => {
    const s = mk([{ backendRefs: [to('nonexistent')] }]);
    expect(ok(decide(s, null, req('http://x/'))).status).toBe(500);
    expect(s.status.routes[0]!.parents[0]!.conditions).toEqual([
      expect.objectContaining({ type: 'Accepted', status: 'True' }),
      expect.objectContaining({ type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound' }),
    ]);
  });
  it('InvalidKind for a backendRef that is not a Service', () => {
    const s = mk([{ backendRefs: [{ group: 'unknown.io', kind: 'Thing', name: 'x', port: 1 }] }]);
    expect(s.status.routes[0]!.parents[0]!.conditions[1]).toMatchObject({ reason: 'InvalidKind' });
    expect(ok(decide(s, null, req('http://x/'))).status).toBe(500);
  });
  it('RefNotPermitted across namespaces until a ReferenceGrant allows it', () => {
    const web = backend('gateway-conformance-web-backend', 'web-backend');
    const rules = [
      { backendRefs: [{ name: 'web-backend', namespace: 'gateway-conformance-web-backend', port: 8080 }] },
    ];
    const denied = mk(rules, { backends: [web] });
    expect(denied.status.routes[0]!.parents[0]!.conditions[1]).toMatchObject({ reason: 'RefNotPermitted' });
    expect(ok(decide(denied, null, req('http://x/'))).status).toBe(500);
    const grant = {
      apiVersion: 'gateway.networking.k8s.io/v1beta1' as const,
      kind: 'ReferenceGrant' as const,
      metadata: { name: 'g', namespace: 'gateway-conformance-web-backend' },
      spec: {
        from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: INFRA }],
        to: [{ group: '', kind: 'Service' }],
      },
    };
    const allowed = mk(rules, { backends: [web], l7: { referenceGrants: [grant] } });
    expect(ok(decide(allowed, null, req('http://x/'))).status).toBe(200);
  });
  it('answers 503 when the Service has no ready endpoints', () => {
    const s = mk([{ backendRefs: [to('empty')] }], { backends: [...ALL, backend(INFRA, 'empty', 8080, 0)] });
    const d = ok(decide(s, null, req('http://x/')));
    expect([d.status, d.answered, d.backend?.service]).toEqual([503, true, 'empty']);
  });
});

describe('attachment status (httproute-invalid-cross-namespace-parent-ref, -invalid-parentref-not-matching-section-name, -invalid-parentref-not-matching-listener-port, -disallowed-kind)', () => {
  it('NotAllowedByListeners from a namespace the listener does not admit', () => {
    const s = buildL7(
      scenarioOf({
        l7: {
          gateways: [sameNs],
          httpRoutes: [
            route(
              'invalid-cross-namespace-parent-ref',
              'gateway-conformance-web-backend',
              [{ name: 'same-namespace', namespace: INFRA }],
              [{ backendRefs: [to('web-backend')] }],
            ),
          ],
        },
      }),
    );
    expect(s.status.routes[0]!.parents[0]!.conditions[0]).toMatchObject({
      status: 'False',
      reason: 'NotAllowedByListeners',
    });
    expect(s.status.gateways[0]!.listeners[0]!.attachedRoutes).toBe(0);
  });
  it('NoMatchingParent for a sectionName or port no listener has, or a missing Gateway', () => {
    const s = buildL7(
      scenarioOf({
        l7: {
          gateways: [sameNs],
          httpRoutes: [
            route('section', INFRA, [{ name: 'same-namespace', sectionName: 'nope' }], []),
            route('port', INFRA, [{ name: 'same-namespace', port: 81 }], []),
            route('missing', INFRA, [{ name: 'no-such-gateway' }], []),
          ],
        },
      }),
    );
    expect(s.status.routes.map((r) => r.parents[0]!.conditions[0]!.reason)).toEqual([
      'NoMatchingParent',
      'NoMatchingParent',
      'NoMatchingParent',
    ]);
  });
  it('listeners that allow only another kind refuse HTTPRoutes', () => {
    const gw = gateway('tcp-only', INFRA, [
      http('http', { allowedRoutes: { kinds: [{ kind: 'TCPRoute' }] } }),
    ]);
    const s = buildL7(
      scenarioOf({ l7: { gateways: [gw], httpRoutes: [route('r', INFRA, [{ name: 'tcp-only' }], [])] } }),
    );
    expect(s.status.routes[0]!.parents[0]!.conditions[0]).toMatchObject({ reason: 'NotAllowedByListeners' });
    expect(
      s.status.gateways[0]!.listeners[0]!.conditions.find((c) => c.type === 'ResolvedRefs'),
    ).toMatchObject({ status: 'False', reason: 'InvalidRouteKinds' });
  });
  it('namespaces From Selector admits labelled namespaces only (kubernetes.io/metadata.name included)', () => {
    const gw = gateway('sel', INFRA, [
      http('http', {
        allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'a' } } } },
      }),
    ]);
    const byName = gateway('byname', INFRA, [
      http('http', {
        allowedRoutes: {
          namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'b' } } },
        },
      }),
    ]);
    const s = buildL7(
      scenarioOf({
        namespaces: [ns('a', { team: 'a' }), ns('b')],
        l7: {
          gateways: [gw, byName],
          httpRoutes: [
            route('ra', 'a', [{ name: 'sel', namespace: INFRA }], []),
            route(
              'rb',
              'b',
              [
                { name: 'sel', namespace: INFRA },
                { name: 'byname', namespace: INFRA },
              ],
              [],
            ),
          ],
        },
      }),
    );
    expect(s.status.routes.map((r) => r.parents.map((p) => p.conditions[0]!.reason))).toEqual([
      ['Accepted'],
      ['NotAllowedByListeners', 'Accepted'],
    ]);
  });
  it('a Gateway of a class no modelled controller claims stays Pending and writes no route status', () => {
    const gw = gateway('other', INFRA, [http('http')], 'istio');
    const s = buildL7(
      scenarioOf({ l7: { gateways: [gw], httpRoutes: [route('r', INFRA, [{ name: 'other' }], [])] } }),
    );
    expect(s.status.gateways[0]!.listeners[0]!.conditions[0]).toMatchObject({
      status: 'Unknown',
      reason: 'Pending',
    });
    expect(s.status.routes[0]!.parents).toEqual([]);
    expect(s.entries).toEqual([]);
  });
});
