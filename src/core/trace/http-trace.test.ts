import { describe, expect, it } from 'vitest';
import { buildEngine, engineHttpTrace, withDesigns, type Engine } from '../engine';
import { formatIpv4 } from '../net/ipv4';
import type { Scenario } from '../model/scenario';
import type { Trace } from './types';
import { isHttpTraceError, type HttpProbe } from './http-trace';
import { gatewayScenario, ingressScenario, toBackend } from './http-testing';
import { packTrace, unpackTrace } from './wire';

const engineOf = (s: Scenario): Engine => {
  const { engine, problems } = buildEngine(s);
  expect(problems).toEqual([]);
  return engine!;
};

function http(e: Engine, p: HttpProbe): Trace {
  const t = engineHttpTrace(e, p);
  if (isHttpTraceError(t)) throw new Error(`unexpected error ${JSON.stringify(t.error)}`);
  return t;
}

const podIp = (e: Engine, key: string): string =>
  formatIpv4(e.cluster.pods[e.cluster.podByKey.get(key)!]!.ip);
const proxyPod = (e: Engine): string => e.l7.entries[0]!.pods[0]!;
const legsOf = (t: Trace): string[] => t.hops.map((h) => h.leg).filter((l, i, a) => a[i - 1] !== l);

describe('two-leg HTTP trace through a Gateway (Envoy Gateway)', () => {
  const e = engineOf(gatewayScenario());

  it('delivered: client leg into the proxy Pod, the l7 decision, then a new connection to a backend Pod IP', () => {
    const t = http(e, { from: 'external', url: 'http://www.example.com/api/items?x=1' });
    expect(t.verdict, t.hops.map((h) => `[${h.leg}/${h.kind}] ${h.explain}`).join('\n')).toBe('delivered');
    expect(legsOf(t)).toEqual(['client', 'upstream']);
    const l7i = t.hops.findIndex((h) => h.kind === 'l7');
    const l7 = t.hops[l7i]!;
    // The client leg: load balancer, NodePort DNAT to the proxy Pod, delivered there.
    const client = t.hops.slice(0, l7i);
    expect(client.find((h) => h.kind === 'lb')!.service).toBe(e.l7.entries[0]!.service);
    expect(client.at(-1)!.kind).toBe('deliver');
    expect(client.at(-1)!.netns).toBe(proxyPod(e));
    expect(l7.netns).toBe(proxyPod(e));
    expect(l7.l7).toMatchObject({
      via: 'gateway/default/web',
      listener: 'http',
      route: 'default/shop-0',
      rule: 0,
      backend: 'default/backend:80',
      status: 200,
    });
    // The upstream leg starts in the proxy's netns, from its own address, to a Pod IP: no kube-proxy.
    const up = t.hops.slice(l7i + 1);
    expect(up.every((h) => h.leg === 'upstream')).toBe(true);
    expect(up[0]!.netns).toBe(proxyPod(e));
    expect(up[0]!.packet.src).toBe(podIp(e, proxyPod(e)));
    expect(up.some((h) => h.kind === 'dnat')).toBe(false);
    expect(['default/backend-1', 'default/backend-2']).toContain(t.deliveredTo);
    expect(up.at(-1)!.packet.dst).toBe(podIp(e, t.deliveredTo!));
    expect(t.http).toMatchObject({ status: 200, route: 'default/shop-0', rule: 0, location: null });
    expect(t.http!.backend).toBe('default/backend:80');
  });

  it('X-Forwarded-For: externalTrafficPolicy Local keeps the client address; Envoy appends to an incoming value', () => {
    const t = http(e, {
      from: 'external',
      url: 'http://www.example.com/api',
      headers: ['X-Forwarded-For: 198.51.100.7'],
    });
    expect(t.http!.upstreamHeaders['x-forwarded-for']).toBe('198.51.100.7, 203.0.113.10');
    expect(t.http!.upstreamHeaders.host).toBe('www.example.com');
    expect(t.hops.find((h) => h.kind === 'l7')!.say.key).toBe('hop.l7.forward');
  });

  it('X-Forwarded-For: externalTrafficPolicy Cluster SNATs the client to a node address, and says so', () => {
    const ec = engineOf(gatewayScenario(undefined, { etp: 'Cluster' }));
    const t = http(ec, { from: 'external', url: 'http://www.example.com/api' });
    expect(t.verdict).toBe('delivered');
    const snat = t.hops.find((h) => h.kind === 'snat')!;
    expect(t.http!.upstreamHeaders['x-forwarded-for']).toBe(snat.packet.src);
    // The masquerade address is the node's own (its VXLAN device's address under the overlay).
    const node = ec.world.netns(snat.netns)!;
    expect(node.addresses.map((a) => formatIpv4(a.ip))).toContain(snat.packet.src);
    const l7 = t.hops.find((h) => h.kind === 'l7')!;
    expect(l7.say.key).toBe('hop.l7.forwardSnat');
    expect(l7.say.args.node).toBe(snat.netns.slice('node/'.length));
    expect(l7.explain).toContain('externalTrafficPolicy Cluster');
  });

  it('from a Pod: the client leg goes to the proxy Service ClusterIP; X-Forwarded-For is the Pod IP', () => {
    const t = http(e, { from: 'default/client', url: 'http://www.example.com/api' });
    expect(t.verdict).toBe('delivered');
    const dnat = t.hops.find((h) => h.kind === 'dnat' && h.leg === 'client')!;
    expect(dnat.service).toBe(e.l7.entries[0]!.service);
    expect(t.http!.upstreamHeaders['x-forwarded-for']).toBe(podIp(e, 'default/client'));
  });

  it('answered 404: no rule matches, the proxy answers itself and there is no upstream leg', () => {
    const t = http(e, { from: 'external', url: 'http://www.example.com/other' });
    expect(t.verdict).toBe('answered');
    expect(t.deliveredTo).toBe(proxyPod(e));
    expect(t.hops.at(-1)!.kind).toBe('l7');
    expect(legsOf(t)).toEqual(['client']);
    expect(t.http).toEqual({
      status: 404,
      listener: 'http',
      route: null,
      rule: null,
      backend: null,
      location: null,
      upstreamHeaders: {},
    });
  });

  it('answered redirect: RequestRedirect gives its status and Location', () => {
    const er = engineOf(
      gatewayScenario([
        {
          matches: [{ path: { type: 'PathPrefix', value: '/old' } }],
          filters: [
            { type: 'RequestRedirect', requestRedirect: { hostname: 'new.example.com', statusCode: 301 } },
          ],
        },
      ]),
    );
    const t = http(er, { from: 'external', url: 'http://www.example.com/old/page' });
    expect(t.verdict).toBe('answered');
    expect(t.http!.status).toBe(301);
    expect(t.http!.location).toBe('http://new.example.com/old/page');
    expect(t.hops.at(-1)!.l7!.filters.map((f) => f.type)).toEqual(['RequestRedirect']);
  });

  it('via ClusterIP: the upstream leg goes through kube-proxy, with its DNAT to a backend', () => {
    const t = http(e, { from: 'external', url: 'http://www.example.com/api', upstreamVia: 'clusterip' });
    expect(t.verdict).toBe('delivered');
    const up = t.hops.filter((h) => h.leg === 'upstream');
    const dnat = up.find((h) => h.kind === 'dnat')!;
    expect(dnat.service).toBe('default/backend');
    expect(dnat.before!.dst).toBe(
      formatIpv4(e.services.services.find((s) => s.name === 'backend')!.clusterIP!),
    );
    expect(t.hops.find((h) => h.kind === 'l7')!.l7!.upstreamVia).toBe('clusterip');
  });

  it('--via is needed only when several Gateways could take the request', () => {
    const e2 = engineOf(gatewayScenario([{ ...toBackend }], { gateways: 2 }));
    const amb = engineHttpTrace(e2, { from: 'external', url: 'http://www.example.com/' });
    expect(isHttpTraceError(amb) && amb.error.key).toBe('l7.error.ambiguousEntry');
    const t = http(e2, { from: 'external', url: 'http://www.example.com/', via: 'gateway/default/web-1' });
    expect(t.hops.find((h) => h.kind === 'l7')!.l7!.via).toBe('gateway/default/web-1');
    expect(t.verdict).toBe('delivered');
  });

  it('a bad URL is an error, not a trace', () => {
    const r = engineHttpTrace(e, { from: 'external', url: 'ftp://x' });
    expect(isHttpTraceError(r) && r.error.key).toBe('l7.request.badUrl');
  });

  it('the same request gives the same trace; it survives the wire format under 10 KiB in every proxy mode', () => {
    for (const proxy of ['iptables', 'ipvs', 'nftables', 'ebpf'] as const) {
      const ep = withDesigns(e, { ...e.world.designs, proxy });
      const p: HttpProbe = { from: 'external', url: 'http://www.example.com/api', upstreamVia: 'clusterip' };
      const t = http(ep, p);
      expect(t.verdict, proxy).toBe('delivered');
      expect(JSON.stringify(http(ep, p))).toBe(JSON.stringify(t));
      const packed = JSON.stringify(packTrace(t));
      expect(packed.length).toBeLessThanOrEqual(10 * 1024);
      expect(unpackTrace(JSON.parse(packed))).toEqual(t);
    }
  });
});

describe('two-leg HTTP trace through an Ingress (ingress-nginx)', () => {
  it('delivered; nginx replaces X-Forwarded-For with the address it sees and sets X-Real-IP', () => {
    const e = engineOf(ingressScenario());
    const t = http(e, {
      from: 'external',
      url: 'http://www.example.com/api/v1',
      headers: ['X-Forwarded-For: 198.51.100.7'],
    });
    expect(t.verdict).toBe('delivered');
    const l7 = t.hops.find((h) => h.kind === 'l7')!;
    expect(l7.l7).toMatchObject({ via: 'ingressclass/nginx', route: 'default/shop', routeKind: 'Ingress' });
    expect(l7.netns).toMatch(/^ingress-nginx\/ingress-nginx-controller/);
    expect(t.http!.upstreamHeaders).toMatchObject({
      'x-forwarded-for': '203.0.113.10',
      'x-real-ip': '203.0.113.10',
      'x-original-forwarded-for': '198.51.100.7',
    });
  });

  it('answered 404 by the controller for a path no Ingress lists', () => {
    const e = engineOf(ingressScenario());
    const t = http(e, { from: 'external', url: 'http://www.example.com/nothing' });
    expect(t.verdict).toBe('answered');
    expect(t.http!.status).toBe(404);
  });

  it('service-upstream: "true" sends the upstream leg through the ClusterIP (kube-proxy DNAT)', () => {
    const e = engineOf(ingressScenario({ 'nginx.ingress.kubernetes.io/service-upstream': 'true' }));
    const t = http(e, { from: 'external', url: 'http://www.example.com/api' });
    expect(t.verdict).toBe('delivered');
    expect(t.hops.some((h) => h.leg === 'upstream' && h.kind === 'dnat')).toBe(true);
  });
});
