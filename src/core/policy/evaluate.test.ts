import { describe, expect, it } from 'vitest';
import type { ClusterPod } from '../model/cluster';
import { ipv4 } from '../net/ipv4';
import { compilePolicies, policyProblems } from './compile';
import { evaluateFlow, replyAllowed } from './evaluate';
import { declaredPorts, probes } from './probes';
import { compileSelector, selectorMatches } from './selector';
import { netpol, testNodes, xyzNamespaces, xyzPods } from './testing/xyz';

const nodes = testNodes(2);

describe('label selectors (apimachinery semantics)', () => {
  const m = (sel: Parameters<typeof compileSelector>[0], labels: Record<string, string>) =>
    selectorMatches(compileSelector(sel), labels);
  it('empty selects everything; matchLabels and expressions are ANDed', () => {
    expect(m({}, {})).toBe(true);
    expect(m({ matchLabels: null as never }, { a: '1' })).toBe(true);
    expect(
      m({ matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: 'Exists' }] }, { a: '1' }),
    ).toBe(false);
  });
  it('NotIn and DoesNotExist match a missing key; In and Exists do not', () => {
    expect(m({ matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['v'] }] }, {})).toBe(true);
    expect(m({ matchExpressions: [{ key: 'k', operator: 'DoesNotExist' }] }, {})).toBe(true);
    expect(m({ matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] }, {})).toBe(false);
    expect(m({ matchExpressions: [{ key: 'k', operator: 'Exists' }] }, { k: '' })).toBe(true);
  });
  it('reports requirements the API server rejects', () => {
    expect(
      compileSelector({ matchExpressions: [{ key: 'k', operator: 'In', values: [] }] }).problems,
    ).toHaveLength(1);
  });
});

describe('evaluateFlow details', () => {
  const pods = xyzPods();
  const xa = pods[0]!;
  const index = compilePolicies({ pods, nodes }, xyzNamespaces(), [
    netpol('x', 'deny', { podSelector: {}, ingress: [] }),
    netpol('x', 'bad', { podSelector: {}, ingress: [{ from: [{}] }] }),
  ]);
  it('explains a denial and names every selecting policy', () => {
    const v = evaluateFlow(index, pods[3]!, xa, 80, 'TCP');
    expect(v.allowed).toBe(false);
    expect(v.ingress.selectedBy).toEqual(['x/bad', 'x/deny']);
    expect(v.ingress.explain).toContain('x/a is isolated for ingress');
    expect(v.egress.isolated).toBe(false);
  });
  it('an empty peer is a validation problem and matches nothing', () => {
    expect(policyProblems(index).map((p) => p.path)).toEqual(['networkPolicies[1].spec.ingress[0].from[0]']);
  });
  it("traffic from the Pod's own node is allowed even when isolated; another node is not", () => {
    expect(evaluateFlow(index, { ip: nodes[xa.nodeIndex]!.ip }, xa, 80, 'TCP').allowed).toBe(true);
    expect(evaluateFlow(index, { ip: nodes[1 - xa.nodeIndex]!.ip }, xa, 80, 'TCP').allowed).toBe(false);
  });
  it('an address that is a Pod IP is that Pod', () => {
    expect(evaluateFlow(index, { ip: pods[4]!.ip }, xa, 80, 'TCP').ingress.peer).toBe('y/b');
  });
  it('hostNetwork Pods are never isolated and never matched by selectors', () => {
    const host: ClusterPod = { ...pods[1]!, index: 9, name: 'host', ip: nodes[0]!.ip, hostNetwork: true };
    const all = [...pods, host];
    const idx = compilePolicies({ pods: all, nodes }, xyzNamespaces(), [
      netpol('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    ]);
    expect(evaluateFlow(idx, host, pods[3]!, 80, 'TCP').egress.isolated).toBe(false);
    expect(evaluateFlow(idx, pods[3]!, host, 80, 'TCP').ingress.isolated).toBe(false);
  });
  it('replies of an allowed connection pass by conntrack; a denied one has none', () => {
    expect(replyAllowed(evaluateFlow(index, xa, pods[3]!, 80, 'TCP')).allowed).toBe(true);
    expect(replyAllowed(evaluateFlow(index, pods[3]!, xa, 80, 'TCP')).allowed).toBe(false);
  });
});

describe('probes', () => {
  it('lists every ordered pair, self included, for every declared port', () => {
    const pods = xyzPods().slice(0, 2);
    const index = compilePolicies({ pods, nodes }, xyzNamespaces(), [
      netpol('x', 'only-81', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ ports: [{ port: 81 }] }],
      }),
    ]);
    expect(declaredPorts(index)).toHaveLength(6);
    const { probes: list } = probes(index);
    expect(list).toHaveLength(2 * 2 * 6);
    // A Pod to itself is loopback on the datapath: allowed whatever the policy.
    expect(list[0]).toEqual({ from: 'x/a', to: 'x/a', port: 80, protocol: 'TCP', allowed: true });
    expect(list.filter((p) => !p.allowed).map((p) => `${p.from}>${p.to}:${p.port}/${p.protocol}`)).toEqual([
      'x/b>x/a:80/TCP',
      'x/b>x/a:80/UDP',
      'x/b>x/a:80/SCTP',
      'x/b>x/a:81/UDP',
      'x/b>x/a:81/SCTP',
    ]);
    expect(probes(index, [{ port: 81, protocol: 'TCP' }]).probes.every((p) => p.allowed)).toBe(true);
    expect(ipv4('10.244.0.10')).toBe(pods[0]!.ip);
  });
});
