import { describe, expect, it } from 'vitest';
import type { HTTPRouteRule, Listener } from '../../model/l7';
import { buildL7, decide } from '../index';
import { backend, gateway, req, route, scenarioOf } from '../testing';
import type { L7Decision } from '../types';

/**
 * Filters, mirroring kubernetes-sigs/gateway-api conformance/tests/httproute-rewrite-path.go,
 * -rewrite-host.go, -request-header-modifier.go, -response-header-modifier.go,
 * -redirect-path.go, -redirect-port-and-scheme.go, -request-mirror.go.
 */
const NS = 'gateway-conformance-infra';
const V1 = backend(NS, 'infra-backend-v1');
const V2 = backend(NS, 'infra-backend-v2');
const to = { name: 'infra-backend-v1', port: 8080 };
const pre = (value: string) => [{ path: { type: 'PathPrefix' as const, value } }];

function run(
  rules: HTTPRouteRule[],
  url: string,
  headers: string[] = [],
  listener?: Partial<Listener>,
): L7Decision {
  const gw = gateway('gw', NS, [{ name: 'l', port: 80, protocol: 'HTTP', ...listener }]);
  const s = buildL7(
    scenarioOf({
      l7: { gateways: [gw], httpRoutes: [route('r', NS, [{ name: 'gw' }], rules)] },
      backends: [V1, V2],
    }),
  );
  const d = decide(s, null, req(url, headers));
  if ('error' in d) throw new Error(d.error.key);
  return d;
}

describe('URLRewrite (httproute-rewrite-path.go, httproute-rewrite-host.go)', () => {
  const rules: HTTPRouteRule[] = [
    {
      matches: pre('/prefix/one'),
      filters: [
        {
          type: 'URLRewrite',
          urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/one' } },
        },
      ],
      backendRefs: [to],
    },
    {
      matches: pre('/strip-prefix'),
      filters: [
        { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } },
      ],
      backendRefs: [to],
    },
    {
      matches: pre('/full/one'),
      filters: [
        { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/one' } } },
      ],
      backendRefs: [to],
    },
    {
      matches: pre('/full/rewrite-path-and-modify-headers'),
      filters: [
        { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/test' } } },
        {
          type: 'RequestHeaderModifier',
          requestHeaderModifier: {
            set: [{ name: 'X-Header-Set', value: 'set-overwrites-values' }],
            add: [
              { name: 'X-Header-Add', value: 'header-val-1' },
              { name: 'X-Header-Add-Append', value: 'header-val-2' },
            ],
            remove: ['X-Header-Remove'],
          },
        },
      ],
      backendRefs: [to],
    },
    {
      matches: pre('/host'),
      filters: [{ type: 'URLRewrite', urlRewrite: { hostname: 'one.example.org' } }],
      backendRefs: [to],
    },
  ];
  it.each([
    ['/prefix/one/two', '/one/two'],
    ['/strip-prefix/three', '/three'],
    ['/strip-prefix', '/'],
    ['/full/one/two', '/one'],
  ])('%s is sent upstream as %s', (path, want) => {
    expect(run(rules, `http://x${path}`).upstreamRequest!.path).toBe(want);
  });
  it('rewrites the path and modifies headers, in order', () => {
    const d = run(rules, 'http://x/full/rewrite-path-and-modify-headers/test', [
      'X-Header-Remove: remove-val',
      'X-Header-Add-Append: append-val-1',
      'X-Header-Set: set-val',
    ]);
    expect(d.upstreamRequest!.path).toBe('/test');
    expect(d.upstreamRequest!.headers).toEqual({
      'x-header-add': 'header-val-1',
      'x-header-add-append': 'append-val-1,header-val-2',
      'x-header-set': 'set-overwrites-values',
    });
    expect(d.filters.map((f) => f.type)).toEqual(['URLRewrite', 'RequestHeaderModifier']);
  });
  it('rewrites the Host', () => {
    expect(run(rules, 'http://x/host').upstreamRequest!.host).toBe('one.example.org');
  });
});

describe('RequestRedirect (httproute-redirect-path.go, httproute-redirect-port-and-scheme.go)', () => {
  const redirect = (
    p: string,
    r: NonNullable<HTTPRouteRule['filters']>[number]['requestRedirect'],
  ): HTTPRouteRule => ({
    matches: pre(p),
    filters: [{ type: 'RequestRedirect', requestRedirect: r }],
  });
  const rules: HTTPRouteRule[] = [
    redirect('/scheme-nil-and-port-nil', { hostname: 'example.org' }),
    redirect('/scheme-nil-and-port-80', { port: 80, hostname: 'example.org' }),
    redirect('/scheme-nil-and-port-8080', { port: 8080, hostname: 'example.org' }),
    redirect('/scheme-https-and-port-nil', { scheme: 'https', hostname: 'example.org' }),
    redirect('/scheme-https-and-port-443', { scheme: 'https', port: 443, hostname: 'example.org' }),
    redirect('/scheme-https-and-port-8443', { scheme: 'https', port: 8443, hostname: 'example.org' }),
    redirect('/scheme-http-and-port-8080', { scheme: 'http', port: 8080, hostname: 'example.org' }),
    redirect('/original-prefix', {
      path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/replacement-prefix' },
      statusCode: 301,
    }),
    redirect('/full', { path: { type: 'ReplaceFullPath', replaceFullPath: '/full-path-replacement' } }),
  ];
  it.each([
    ['/scheme-nil-and-port-nil', 'http://example.org/scheme-nil-and-port-nil'],
    ['/scheme-nil-and-port-80', 'http://example.org/scheme-nil-and-port-80'],
    ['/scheme-nil-and-port-8080', 'http://example.org:8080/scheme-nil-and-port-8080'],
    ['/scheme-https-and-port-nil', 'https://example.org/scheme-https-and-port-nil'],
    ['/scheme-https-and-port-443', 'https://example.org/scheme-https-and-port-443'],
    ['/scheme-https-and-port-8443', 'https://example.org:8443/scheme-https-and-port-8443'],
    ['/original-prefix/lemon', 'http://x/replacement-prefix/lemon'],
    ['/full/path/original', 'http://x/full-path-replacement'],
  ])('on an HTTP listener on 80, %s redirects to %s', (path, location) => {
    const d = run(rules, `http://x${path}`);
    expect([d.answered, d.location, d.upstreamRequest]).toEqual([true, location, null]);
    expect(d.status).toBe(path.startsWith('/original') ? 301 : 302);
  });
  it('on a listener on 8080, no port means the listener port', () => {
    const d = (p: string) => run(rules, `http://x:8080${p}`, [], { port: 8080 }).location;
    expect(d('/scheme-nil-and-port-nil')).toBe('http://example.org:8080/scheme-nil-and-port-nil');
    expect(d('/scheme-nil-and-port-80')).toBe('http://example.org/scheme-nil-and-port-80');
    expect(d('/scheme-https-and-port-nil')).toBe('https://example.org/scheme-https-and-port-nil');
  });
  it('on an HTTPS listener on 443, the scheme defaults to https', () => {
    const d = (p: string) =>
      run(rules, `https://example.org${p}`, [], { port: 443, protocol: 'HTTPS' }).location;
    expect(d('/scheme-nil-and-port-nil')).toBe('https://example.org/scheme-nil-and-port-nil');
    expect(d('/scheme-http-and-port-8080')).toBe('http://example.org:8080/scheme-http-and-port-8080');
  });
});

describe('response headers and mirrors (httproute-response-header-modifier.go, httproute-request-mirror.go)', () => {
  it('modifies response headers and records mirror copies without changing the chosen backend', () => {
    const d = run(
      [
        {
          filters: [
            {
              type: 'ResponseHeaderModifier',
              responseHeaderModifier: { set: [{ name: 'X-Header-Set', value: 'set-overwrites-values' }] },
            },
            {
              type: 'RequestMirror',
              requestMirror: { backendRef: { name: 'infra-backend-v2', port: 8080 } },
            },
          ],
          backendRefs: [to],
        },
      ],
      'http://x/mirror',
    );
    expect(d.backend!.service).toBe('infra-backend-v1');
    expect(d.responseHeaders).toEqual({ 'x-header-set': 'set-overwrites-values' });
    expect(d.mirrors).toEqual([{ namespace: NS, service: 'infra-backend-v2', port: 8080, weight: 1 }]);
  });
});
