import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeShared, realManifest } from '../../testing/shared-data';
import { parseAllDocuments } from 'yaml';
import type { ClusterPod } from '../model/cluster';
import type { K8sNamespace, K8sNetworkPolicy, K8sPod, Protocol } from '../model/k8s';
import { ipv4 } from '../net/ipv4';
import { compilePolicies, policyProblems } from './compile';
import { evaluateFlow } from './evaluate';
import { testNodes } from './testing/xyz';

/**
 * The ahmetb/kubernetes-network-policy-recipes, as stored in ../shared/data/real-manifests/recipes
 * (Pods/Namespaces written from each recipe's kubectl steps, policies verbatim). Each test states
 * the outcome the recipe's text describes (see that folder's README for the table of outcomes).
 */
const ROOT = realManifest('recipes/');

function load(dir: string) {
  const text = readFileSync(`${ROOT}${dir}/manifests.yaml`, 'utf8');
  const docs = parseAllDocuments(text).map((d) => d.toJS() as { kind?: string } | null);
  const namespaces = docs.filter((d): d is K8sNamespace => d?.kind === 'Namespace');
  const policies = docs.filter((d): d is K8sNetworkPolicy => d?.kind === 'NetworkPolicy');
  const pods: ClusterPod[] = docs
    .filter((d): d is K8sPod => d?.kind === 'Pod')
    .map((p, index) => ({
      index,
      namespace: p.metadata.namespace ?? 'default',
      name: p.metadata.name,
      nodeIndex: 0,
      ip: ipv4(p.status!.podIP!),
      labels: p.metadata.labels ?? {},
      ports: p.spec.containers.flatMap((c) => c.ports ?? []),
      ready: true,
      hostNetwork: false,
    }));
  const index = compilePolicies({ pods, nodes: testNodes(1) }, namespaces, policies);
  const pod = (key: string): ClusterPod => {
    const p = pods.find((x) => `${x.namespace}/${x.name}` === key);
    if (!p) throw new Error(`no pod ${key} in ${dir}`);
    return p;
  };
  const flow = (from: string, to: string, port: number, protocol: Protocol = 'TCP') =>
    evaluateFlow(index, from.includes('/') ? pod(from) : { ip: ipv4(from) }, pod(to), port, protocol);
  const egressTo = (from: string, ip: string, port: number, protocol: Protocol = 'TCP') =>
    evaluateFlow(index, pod(from), { ip: ipv4(ip) }, port, protocol);
  return { index, pods, policies, flow, egressTo, pod };
}

describeShared('network-policy-recipes', () => {
  it('01 deny all traffic to an application: test-1 cannot reach web', () => {
    const r = load('01-deny-all-traffic-to-an-application');
    const v = r.flow('default/test-1', 'default/web', 80);
    expect(v.allowed).toBe(false);
    expect(v.ingress.selectedBy).toEqual(['default/web-deny-all']);
  });

  it('02 limit traffic to an application: only app=bookstore reaches the API', () => {
    const r = load('02-limit-traffic-to-an-application');
    expect(r.flow('default/test-1', 'default/apiserver', 80).allowed).toBe(false);
    const ok = r.flow('default/test-2', 'default/apiserver', 80);
    expect(ok.allowed).toBe(true);
    expect(ok.ingress.allowedBy).toEqual({ policy: 'default/api-allow', ruleIndex: 0, direction: 'ingress' });
  });

  it('02a allow all traffic to an application: web-allow-all wins over web-deny-all (union)', () => {
    const r = load('02a-allow-all-traffic-to-an-application');
    const v = r.flow('default/test-1', 'default/web', 80);
    expect(v.allowed).toBe(true);
    expect(v.ingress.selectedBy).toEqual(['default/web-allow-all', 'default/web-deny-all']);
  });

  it('03 deny all non-whitelisted traffic in the namespace: every Pod of default is isolated', () => {
    const r = load('03-deny-all-non-whitelisted-traffic-in-the-namespace');
    const p = r.index.policies.get('default/default-deny-all')!;
    expect(p.ingress).toEqual([]);
    expect(p.egress).toBeNull();
    expect(r.index.atoms[p.target]!.spec).toMatchObject({
      kind: 'pods',
      namespace: 'default',
      pod: { matchesAll: true },
    });
  });

  it('04 deny traffic from other namespaces (podSelector with a null matchLabels)', () => {
    const r = load('04-deny-traffic-from-other-namespaces');
    expect(r.flow('foo/test-1', 'default/web', 80).allowed).toBe(false);
    expect(r.flow('default/test-2', 'default/web', 80).allowed).toBe(true);
    expect(policyProblems(r.index)).toEqual([]);
  });

  it('05 allow traffic from all namespaces', () => {
    const r = load('05-allow-traffic-from-all-namespaces');
    expect(r.flow('secondary/test-1', 'default/web', 80).allowed).toBe(true);
    expect(r.flow('203.0.113.9', 'default/web', 80).allowed).toBe(false); // namespaceSelector {} is Pods only
  });

  it('06 allow traffic from a namespace labelled purpose=production', () => {
    const r = load('06-allow-traffic-from-a-namespace');
    expect(r.flow('dev/test-1', 'default/web', 80).allowed).toBe(false);
    expect(r.flow('prod/test-2', 'default/web', 80).allowed).toBe(true);
  });

  it('07 allow traffic from some Pods in another namespace (namespaceSelector AND podSelector)', () => {
    const r = load('07-allow-traffic-from-some-pods-in-another-namespace');
    expect(r.flow('default/test-1', 'default/web', 80).allowed).toBe(false);
    expect(r.flow('default/test-2', 'default/web', 80).allowed).toBe(false);
    expect(r.flow('other/test-3', 'default/web', 80).allowed).toBe(false);
    expect(r.flow('other/test-4', 'default/web', 80).allowed).toBe(true);
  });

  it('08 allow external traffic: an outside address reaches web', () => {
    const r = load('08-allow-external-traffic');
    expect(r.flow('198.51.100.7', 'default/web', 80).allowed).toBe(true);
    expect(r.flow('198.51.100.7', 'default/web', 80).ingress.isolated).toBe(true);
  });

  it('09 allow traffic only to a port: monitoring reaches 5000, nobody reaches 8000', () => {
    const r = load('09-allow-traffic-only-to-a-port');
    expect(r.flow('default/test-1', 'default/apiserver', 5000).allowed).toBe(false);
    expect(r.flow('default/test-1', 'default/apiserver', 8000).allowed).toBe(false);
    expect(r.flow('default/test-2', 'default/apiserver', 5000).allowed).toBe(true);
    expect(r.flow('default/test-2', 'default/apiserver', 8000).allowed).toBe(false);
  });

  it('10 allowing traffic with multiple selectors (OR of peers)', () => {
    const r = load('10-allowing-traffic-with-multiple-selectors');
    expect(r.flow('default/test-1', 'default/db', 6379).allowed).toBe(true);
    expect(r.flow('default/test-2', 'default/db', 6379).allowed).toBe(false);
  });

  it('11 deny egress traffic from an application (egress: [])', () => {
    const r = load('11-deny-egress-traffic-from-an-application');
    expect(r.flow('default/test', 'default/web', 80).allowed).toBe(false);
    expect(r.flow('default/test', 'default/web', 80).egress.isolated).toBe(true);
    expect(r.flow('default/test', 'kube-system/coredns', 53, 'UDP').allowed).toBe(false);
    expect(r.flow('default/web', 'default/test', 80).allowed).toBe(true); // ingress of test is not isolated
  });

  it('11b deny egress but allow DNS to kube-dns', () => {
    const r = load('11b-deny-egress-traffic-allow-dns');
    expect(r.flow('default/test', 'kube-system/coredns', 53, 'UDP').allowed).toBe(true);
    expect(r.flow('default/test', 'kube-system/coredns', 53, 'TCP').allowed).toBe(true);
    expect(r.flow('default/test', 'default/web', 80).allowed).toBe(false);
  });

  it('12 deny all non-whitelisted traffic from the namespace: egress only', () => {
    const r = load('12-deny-all-non-whitelisted-traffic-from-the-namespace');
    const p = r.index.policies.get('default/default-deny-all-egress')!;
    expect(p.egress).toEqual([]);
    expect(p.ingress).toBeNull();
  });

  it('14 deny external egress (HEAD manifest): only DNS to kube-dns is allowed', () => {
    const r = load('14-deny-external-egress-traffic');
    expect(r.flow('default/test', 'kube-system/coredns', 53, 'UDP').allowed).toBe(true);
    expect(r.flow('default/test', 'kube-system/coredns', 53, 'TCP').allowed).toBe(true);
    expect(r.flow('default/test', 'default/web', 80).allowed).toBe(false); // see README: issue #111
  });

  it('14b deny external egress (2022 manifest): DNS anywhere, any port inside the cluster', () => {
    const r = load('14b-deny-external-egress-traffic-2022');
    expect(r.flow('default/test', 'kube-system/coredns', 53, 'UDP').allowed).toBe(true);
    expect(r.flow('default/test', 'kube-system/coredns', 53, 'TCP').allowed).toBe(true);
    expect(r.flow('default/test', 'default/web', 80).allowed).toBe(true);
    expect(r.egressTo('default/test', '93.184.216.34', 80).allowed).toBe(false);
    expect(r.egressTo('default/test', '8.8.8.8', 53, 'UDP').allowed).toBe(true);
  });
});
