import { describe, expect, it } from 'vitest';
import type { L7StatusDoc } from '../core/l7';
import { EXIT } from './run';
import { itShared } from '../testing/shared-data';
import { cli, realPath } from './testing';

const MANIFESTS = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: web }
spec:
  gatewayClassName: eg
  listeners:
  - { name: http, port: 80, protocol: HTTP, hostname: "*.example.com" }
  - { name: admin, port: 8080, protocol: HTTP, allowedRoutes: { namespaces: { from: Same } } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: web }
spec:
  parentRefs: [{ name: gw, sectionName: http }]
  hostnames: [shop.example.com]
  rules: [{ backendRefs: [{ name: shop, port: 80 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: elsewhere, namespace: web }
spec:
  parentRefs: [{ name: gw, sectionName: http }]
  hostnames: [shop.example.org]
  rules: [{ backendRefs: [{ name: shop, port: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: shop, namespace: web }
spec: { selector: { app: shop }, ports: [{ port: 80, targetPort: 8080 }] }
`;

describe('status: what the L7 controllers would write', () => {
  it('prints the issue-11 JSON shape with listener counts and real reasons', () => {
    const r = cli(['status', '--manifests', 'm.yaml', '--json'], { 'm.yaml': MANIFESTS });
    expect(r.code, r.err).toBe(EXIT.ok);
    const doc = JSON.parse(r.out) as L7StatusDoc;
    expect(doc.gateways).toEqual([
      {
        name: 'web/gw',
        listeners: [
          expect.objectContaining({ name: 'http', attachedRoutes: 1 }),
          expect.objectContaining({ name: 'admin', attachedRoutes: 0 }),
        ],
      },
    ]);
    expect(doc.routes).toEqual([
      {
        name: 'web/elsewhere',
        kind: 'HTTPRoute',
        parents: [
          {
            gateway: 'web/gw',
            sectionName: 'http',
            conditions: [
              expect.objectContaining({
                type: 'Accepted',
                status: 'False',
                reason: 'NoMatchingListenerHostname',
              }),
              expect.objectContaining({ type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs' }),
            ],
          },
        ],
      },
      {
        name: 'web/shop',
        kind: 'HTTPRoute',
        parents: [
          {
            gateway: 'web/gw',
            sectionName: 'http',
            conditions: [
              { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Route is accepted' },
              expect.objectContaining({ type: 'ResolvedRefs', status: 'True' }),
            ],
          },
        ],
      },
    ]);
    for (const c of doc.gateways[0]!.listeners[0]!.conditions)
      expect(Object.keys(c).sort()).toEqual(['message', 'reason', 'status', 'type']);
  });

  it('prints text by default and says what it inferred on stderr', () => {
    const r = cli(['status', '--manifests', 'm.yaml'], { 'm.yaml': MANIFESTS });
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Gateway web/gw\n  listener http: attachedRoutes 1');
    expect(r.out).toContain('Accepted=False NoMatchingListenerHostname');
    expect(r.err).toContain('Envoy');
  });

  itShared("the cross-namespace guide's routes are accepted, their backends unresolved", () => {
    const r = cli([
      'status',
      '--manifests',
      realPath('l7/gateway-api-cross-namespace-routing.yaml'),
      '--json',
    ]);
    const doc = JSON.parse(r.out) as L7StatusDoc;
    expect(doc.gateways[0]!.listeners[0]).toMatchObject({ name: 'https', attachedRoutes: 3 });
    expect(doc.routes.map((x) => [x.name, x.parents[0]!.conditions.map((c) => c.reason).join(',')])).toEqual([
      ['site-ns/home', 'Accepted,BackendNotFound'],
      ['site-ns/login', 'Accepted,BackendNotFound'],
      ['store-ns/store', 'Accepted,BackendNotFound'],
    ]);
  });
});
