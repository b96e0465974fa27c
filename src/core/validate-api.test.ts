import { describe, expect, it } from 'vitest';
import { buildEngine } from './engine';
import type { K8sService } from './model/k8s';
import type { Scenario } from './model/scenario';
import { smallScenario } from '../scenario/presets/small';
import { formatIpv4 } from './net/ipv4';

const svc = (name: string, clusterIP: string): K8sService => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { selector: { app: name }, ports: [{ port: 80 }], clusterIP },
});
const keys = (s: Scenario) => buildEngine(s).problems.map((p) => [p.say?.key, p.path, p.message]);

describe('validation as the API server does it', () => {
  const base = smallScenario();
  it('two Services with one clusterIP: the second is "already allocated"', () => {
    const s = { ...base, services: [...base.services, svc('a', '10.96.0.50'), svc('b', '10.96.0.50')] };
    const [p] = keys(s);
    expect(p?.[0]).toBe('problem.clusterIP.allocated');
    expect(p?.[2]).toBe(
      'Service default/b: failed to allocate IP 10.96.0.50: provided IP is already allocated (to Service default/a)',
    );
  });

  it("a Service on kube-dns's address (index 10 of the scenario's own Service CIDR)", () => {
    // kube-dns in the scenario holding index 10: a second Service there is "already allocated".
    const dns: K8sService = {
      ...svc('kube-dns', '10.96.0.10'),
      metadata: { name: 'kube-dns', namespace: 'kube-system' },
    };
    expect(keys({ ...base, services: [...base.services, dns, svc('a', '10.96.0.10')] })[0]?.[2]).toContain(
      'already allocated (to Service kube-system/kube-dns)',
    );
    // kube-dns added by the explorer (a dump without it) yields index 10 to a Service that asks for
    // it, and takes another address; the Pods' resolv.conf follows it.
    const other = { ...base, cluster: { ...base.cluster, serviceCidr: '10.100.0.0/16' } };
    const moved = buildEngine({
      ...other,
      services: [...base.services.filter((x) => !x.spec.clusterIP), svc('a', '10.100.0.10')],
    });
    expect(moved.problems).toEqual([]);
    const kubeDns = moved.engine!.services.services.find((x) => x.name === 'kube-dns');
    expect(kubeDns?.clusterIP).toBeTypeOf('number');
    expect(formatIpv4(kubeDns!.clusterIP!)).not.toBe('10.100.0.10');
    expect(keys({ ...other, services: [svc('a', '10.100.0.11')] })).toEqual([]);
  });

  it('a clusterIP outside the Service CIDR, or its network/broadcast address: "not in the valid range"', () => {
    for (const ip of ['10.200.0.1', '10.96.0.0', '10.111.255.255'])
      expect(keys({ ...base, services: [svc('a', ip)] })[0]?.[2]).toBe(
        `Service default/a: failed to allocate IP ${ip}: provided IP ${ip} is not in the valid range. The range of valid IPs is 10.96.0.0/12`,
      );
  });

  it("a Pod IP equal to its node range's network or broadcast address", () => {
    const pods = base.pods.map((p, i) => (i === 0 ? { ...p, status: { podIP: '10.244.0.0' } } : p));
    expect(keys({ ...base, pods })[0]?.[0]).toBe('problem.podIP.networkAddress');
    const b = base.pods.map((p, i) => (i === 0 ? { ...p, status: { podIP: '10.244.0.255' } } : p));
    expect(keys({ ...base, pods: b })[0]?.[0]).toBe('problem.podIP.broadcast');
  });

  it('an address with leading zeros is refused, saying why', () => {
    expect(keys({ ...base, services: [svc('a', '10.96.0.050')] })[0]?.[2]).toBe(
      'Service default/a spec.clusterIP "10.96.0.050" has an octet with a leading zero; the API server refuses such addresses',
    );
    const pods = base.pods.map((p, i) => (i === 0 ? { ...p, status: { podIP: '10.244.00.5' } } : p));
    expect(keys({ ...base, pods })[0]?.[0]).toBe('problem.ip.leadingZero');
  });

  it('names: empty, too long, markup; each with its path', () => {
    const named = (name: string) => ({
      ...base,
      pods: base.pods.map((p, i) => (i === 1 ? { ...p, metadata: { ...p.metadata, name } } : p)),
    });
    expect(keys(named(''))[0]?.slice(0, 2)).toEqual(['problem.name.required', 'pods[1].metadata.name']);
    const long = keys(named('a'.repeat(100_000)))[0]!;
    expect(long[0]).toBe('problem.name.tooLong');
    expect(String(long[2]).length).toBeLessThan(200);
    expect(keys(named('<img src=x onerror=alert(1)>'))[0]?.[0]).toBe('problem.name.subdomain');
    const svcName = { ...base, services: [{ ...svc('a', '10.96.0.50'), metadata: { name: '1abc' } }] };
    expect(keys(svcName)[0]?.[0]).toBe('problem.name.label1035');
  });
});
