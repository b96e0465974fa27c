import { describe, expect, it } from 'vitest';
import { cidr, cidrContains } from '../../net/cidr';
import { formatIpv4 } from '../../net/ipv4';
import { clusterOf, smallWithServices, svc } from '../testing/fixture';
import { withClusterAddons } from './addons';
import { buildServiceState } from './build';
import { serviceNamed } from '../lookup';
import { allocateClusterIPs, staticBandSize } from './clusterip';
import { allocateNodePorts } from './nodeport';

describe('control plane', () => {
  const state = buildServiceState(clusterOf(smallWithServices()));

  it('pins kubernetes to .1 and kube-dns to .10 of the Service CIDR (kubeadm)', () => {
    expect(formatIpv4(serviceNamed(state, 'default', 'kubernetes')!.clusterIP!)).toBe('10.96.0.1');
    expect(formatIpv4(serviceNamed(state, 'kube-system', 'kube-dns')!.clusterIP!)).toBe('10.96.0.10');
  });

  it('allocates other ClusterIPs from the upper band, uniquely and deterministically', () => {
    const cidr96 = cidr('10.96.0.0/12');
    const ips = state.services.filter((s) => s.clusterIP !== null).map((s) => s.clusterIP!);
    expect(new Set(ips).size).toBe(ips.length);
    for (const s of state.services) {
      if (s.clusterIP === null || s.namespace === 'kube-system' || s.name === 'kubernetes') continue;
      expect(cidrContains(cidr96, s.clusterIP)).toBe(true);
      expect(s.clusterIP - cidr96.base).toBeGreaterThanOrEqual(staticBandSize(cidr96));
    }
    const again = buildServiceState(clusterOf(smallWithServices()));
    expect(again.services.map((s) => s.clusterIP)).toEqual(state.services.map((s) => s.clusterIP));
  });

  it('lets a manifest clusterIP win and marks headless/ExternalName', () => {
    const res = allocateClusterIPs(
      [svc('a', 'x', {}, [], { clusterIP: '10.96.0.10' }), svc('kube-system', 'kube-dns', {}, [])],
      cidr('10.96.0.0/12'),
    );
    const x = res.get('a/x')!;
    expect(x.kind === 'ip' && formatIpv4(x.ip)).toBe('10.96.0.10');
    const dns = res.get('kube-system/kube-dns')!;
    expect(dns.kind === 'ip' && formatIpv4(dns.ip)).not.toBe('10.96.0.10');
    expect(serviceNamed(state, 'default', 'db')!.headless).toBe(true);
    expect(serviceNamed(state, 'default', 'search')!.externalName).toBe('search.example.com');
    expect(state.ports.some((p) => p.service === 'db' || p.service === 'search')).toBe(false);
  });

  it('allocates NodePorts in 30000-32767, manifest wins, health check only for LB+Local', () => {
    const fe = serviceNamed(state, 'default', 'frontend')!.ports[0]!;
    expect(fe.nodePort).toBeGreaterThanOrEqual(30000);
    expect(fe.nodePort).toBeLessThanOrEqual(32767);
    expect(fe.healthCheckNodePort).toBe(0);
    const lb = serviceNamed(state, 'default', 'web-lb')!.ports[0]!;
    expect(lb.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(lb.healthCheckNodePort).not.toBe(lb.nodePort);
    const fixed = allocateNodePorts([
      svc('a', 'b', {}, [{ port: 80, nodePort: 30080 }], { type: 'NodePort' }),
    ]);
    expect(fixed.get('a/b')!.nodePorts).toEqual([30080]);
  });

  it('gives LoadBalancers an ingress IP unless status has one', () => {
    const lb = serviceNamed(state, 'default', 'web-lb')!.ports[0]!;
    expect(lb.loadBalancerIPs.map(formatIpv4)).toEqual(['198.51.100.10']);
    const s2 = buildServiceState(
      clusterOf(
        smallWithServices([
          {
            ...svc('default', 'given', { app: 'db' }, [{ port: 1 }], { type: 'LoadBalancer' }),
            status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
          },
        ]),
      ),
    );
    expect(serviceNamed(s2, 'default', 'given')!.ports[0]!.loadBalancerIPs.map(formatIpv4)).toEqual([
      '1.2.3.4',
    ]);
  });

  it('derives endpoints from selectors with named targetPorts, sorted by ip:port', () => {
    const fe = serviceNamed(state, 'default', 'frontend')!.ports[0]!;
    expect(fe.endpoints.map((e) => e.podKey)).toEqual(['default/frontend-1', 'default/frontend-2']);
    expect(fe.endpoints.every((e) => e.port === 8080 && e.ready)).toBe(true);
    const dns = serviceNamed(state, 'kube-system', 'kube-dns')!;
    expect(dns.ports.map((p) => `${p.portName}/${p.protocol}/${p.endpoints.length}`)).toEqual([
      'dns/UDP/2',
      'dns-tcp/TCP/2',
      'metrics/TCP/2',
    ]);
    const api = serviceNamed(state, 'default', 'kubernetes')!.ports[0]!;
    expect(api.endpoints.map((e) => `${formatIpv4(e.ip)}:${e.port}`)).toEqual(['192.168.1.10:6443']);
  });

  it('marks not-ready Pods as not ready endpoints', () => {
    const sc = smallWithServices();
    const pod = sc.pods.find((p) => p.metadata.name === 'backend-2')!;
    pod.status = { conditions: [{ type: 'Ready', status: 'False' }] };
    const st = buildServiceState(clusterOf(sc));
    const eps = serviceNamed(st, 'default', 'backend')!.ports[0]!.endpoints;
    expect(eps.map((e) => `${e.podKey}:${e.ready}`)).toEqual([
      'default/backend-1:true',
      'default/backend-2:false',
    ]);
  });

  it('takes endpoints from EndpointSlice manifests when given', () => {
    const sc = smallWithServices([svc('default', 'ext', undefined, [{ name: 'p', port: 80 }])]);
    sc.endpointSlices.push({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'ext-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'ext' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['192.168.1.200'], conditions: { ready: true } }],
      ports: [{ name: 'p', port: 8443, protocol: 'TCP' }],
    });
    const st = buildServiceState(clusterOf(sc));
    const ep = serviceNamed(st, 'default', 'ext')!.ports[0]!.endpoints;
    expect(ep.map((e) => `${formatIpv4(e.ip)}:${e.port}`)).toEqual(['192.168.1.200:8443']);
  });

  it('adds the add-ons once (idempotent)', () => {
    const once = smallWithServices();
    const twice = withClusterAddons(once);
    expect(twice.services.length).toBe(once.services.length);
    expect(twice.pods.filter((p) => p.metadata.name.startsWith('coredns-')).length).toBe(2);
  });
});
