import { describe, expect, it } from 'vitest';
import { buildServiceState } from '../services/control-plane/build';
import { clusterOf, smallWithServices } from '../services/testing/fixture';
import { clusterRecords, lookupCluster } from './records';
import { candidates, resolve, type DnsEnv } from './resolve';
import { podResolvConf, renderResolvConf } from './resolvconf';

const state = buildServiceState(clusterOf(smallWithServices()));
const node = { search: [], nameservers: ['192.168.1.1'], options: [] };
const env: DnsEnv = { state, nodeResolvConf: node };

describe('DNS', () => {
  it('writes resolv.conf like kubelet for ClusterFirst (§8.1)', () => {
    expect(renderResolvConf(podResolvConf({ namespace: 'ns1' }, state, node))).toBe(
      'search ns1.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(podResolvConf({ namespace: 'ns1', hostNetwork: true }, state, node)).toEqual(node);
    expect(podResolvConf({ namespace: 'x', dnsPolicy: 'Default' }, state, node)).toEqual(node);
  });

  it('orders search-list tries by ndots (§8.2)', () => {
    const rc = podResolvConf({ namespace: 'ns1' }, state, node);
    expect(candidates('svc1.ns1', rc)).toEqual([
      'svc1.ns1.ns1.svc.cluster.local.',
      'svc1.ns1.svc.cluster.local.',
      'svc1.ns1.cluster.local.',
      'svc1.ns1.',
    ]);
    expect(candidates('a.b.c.d.e.f', rc)[0]).toBe('a.b.c.d.e.f.');
    expect(candidates('x.', rc)).toEqual(['x.']);
  });

  it('resolves short, namespaced and FQDN service names step by step', () => {
    const short = resolve({ namespace: 'default' }, 'backend', 'A', env);
    const ip = state.services.find((s) => s.name === 'backend')!.clusterIP!;
    expect(short.tried).toEqual([{ name: 'backend.default.svc.cluster.local.', rcode: 'NOERROR' }]);
    expect(short.answers[0]!.data).toBe([ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.'));
    const ns = resolve({ namespace: 'kube-system' }, 'backend.default', 'A', env);
    expect(ns.tried.map((t) => t.rcode)).toEqual(['NXDOMAIN', 'NOERROR']);
    const fq = resolve({ namespace: 'default' }, 'kube-dns.kube-system.svc.cluster.local', 'A', env);
    expect(fq.tried.map((t) => t.rcode)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NOERROR']);
    expect(fq.answers[0]!.data).toBe('10.96.0.10');
  });

  it('answers headless names with one A per ready endpoint, SRV for named ports, pod and ExternalName records', () => {
    const db = lookupCluster(state, 'db.default.svc.cluster.local', 'A')!;
    expect(db.answers.map((a) => a.data)).toHaveLength(1);
    const srv = lookupCluster(state, '_http._tcp.frontend.default.svc.cluster.local', 'SRV')!;
    expect(srv.answers[0]!.data).toBe('0 100 80 frontend.default.svc.cluster.local.');
    expect(lookupCluster(state, '10-244-0-2.default.pod.cluster.local', 'A')!.answers[0]!.data).toBe(
      '10.244.0.2',
    );
    const cname = resolve({ namespace: 'default' }, 'search', 'A', env);
    expect(cname.answers[0]).toMatchObject({ type: 'CNAME', data: 'search.example.com.' });
    expect(
      clusterRecords(state).some((r) => r.type === 'SRV' && r.name.startsWith('_dns._udp.kube-dns')),
    ).toBe(true);
  });

  it('walks the search list with NXDOMAINs, then forwards external names upstream', () => {
    const ext = resolve({ namespace: 'default' }, 'example.com', 'A', env);
    expect(ext.tried.map((t) => `${t.name} ${t.rcode}`)).toEqual([
      'example.com.default.svc.cluster.local. NXDOMAIN',
      'example.com.svc.cluster.local. NXDOMAIN',
      'example.com.cluster.local. NXDOMAIN',
      'example.com. FORWARDED',
    ]);
    expect(ext.answers).toEqual([]);
    const known = resolve({ namespace: 'default' }, 'example.com', 'A', {
      ...env,
      upstream: { 'example.com': ['93.184.215.14'] },
    });
    expect(known.answers[0]!.data).toBe('93.184.215.14');
  });
});
