import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterPod } from '../model/cluster';
import type {
  ContainerPort,
  K8sNamespace,
  K8sNetworkPolicy,
  LabelSelector,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
} from '../model/k8s';
import type { Ipv4 } from '../net/ipv4';
import { compilePolicies, policyKey } from './compile';
import { evaluateFlow } from './evaluate';
import { type ReachabilityMatrix, computeMatrix, podAllowed, updateMatrix } from './matrix';
import type { PortProto } from './types';
import { testNodes } from './testing/xyz';

/** Random small clusters and policies (fast-check) checking the laws of NetworkPolicy. */

const NS = ['x', 'y', 'z'];
const PORTS: PortProto[] = [
  { port: 80, protocol: 'TCP' },
  { port: 81, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 80, protocol: 'SCTP' },
];
const nodes = testNodes(2);

const labelsArb = fc.record(
  { app: fc.constantFrom('a', 'b', 'c'), tier: fc.constantFrom('web', 'db') },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, string>>;

const portsArb: fc.Arbitrary<ContainerPort[]> = fc.subarray([
  { name: 'http', containerPort: 80, protocol: 'TCP' as Protocol },
  { name: 'http', containerPort: 81, protocol: 'TCP' as Protocol },
  { name: 'dns', containerPort: 53, protocol: 'UDP' as Protocol },
  { containerPort: 80, protocol: 'SCTP' as Protocol },
]);

const podsArb = fc
  .array(
    fc.record({
      ns: fc.constantFrom(...NS),
      labels: labelsArb,
      ports: portsArb,
      node: fc.nat(1),
      host: fc.boolean(),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((specs) =>
    specs.map((s, i): ClusterPod => ({
      index: i,
      namespace: s.ns,
      name: `p${i}`,
      nodeIndex: s.node,
      // a hostNetwork Pod has its node's IP (only the first keeps it distinct enough for the test)
      ip: (s.host && i < 2
        ? nodes[s.node]!.ip
        : ((10 << 24) | (244 << 16) | (s.node << 8) | (10 + i)) >>> 0) as Ipv4,
      labels: s.labels,
      ports: s.ports,
      ready: true,
      hostNetwork: s.host && i < 2,
    })),
  );

const namespacesArb: fc.Arbitrary<K8sNamespace[]> = fc
  .tuple(...NS.map(() => fc.constantFrom<Record<string, string>>({}, { team: 'red' }, { team: 'blue' })))
  .map((ls) =>
    NS.map((name, i) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: ls[i] } })),
  );

const selectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: fc.record({ app: fc.constantFrom('a', 'b', 'c') }) }),
  fc.record({
    matchExpressions: fc
      .tuple(
        fc.constantFrom('app', 'tier', 'team'),
        fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist' as const),
        fc.subarray(['a', 'b', 'web', 'red'], { minLength: 1 }),
      )
      .map(([key, operator, values]) => [
        operator === 'Exists' || operator === 'DoesNotExist' ? { key, operator } : { key, operator, values },
      ]),
  }),
);

const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof<fc.Arbitrary<NetworkPolicyPeer>[]>(
  selectorArb.map((podSelector) => ({ podSelector })),
  selectorArb.map((namespaceSelector) => ({ namespaceSelector })),
  fc
    .tuple(selectorArb, selectorArb)
    .map(([podSelector, namespaceSelector]) => ({ podSelector, namespaceSelector })),
  fc.constantFrom(
    { ipBlock: { cidr: '10.244.0.0/24' } },
    { ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.1.0/24'] } },
    { ipBlock: { cidr: '192.168.1.10/32' } },
    { ipBlock: { cidr: '0.0.0.0/0', except: ['10.244.0.12/32'] } },
  ),
);

const portArb: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.constantFrom<NetworkPolicyPort>(
    { port: 80 },
    { port: 80, endPort: 81 },
    { port: 'http' },
    { port: 'dns', protocol: 'UDP' },
    { protocol: 'UDP' },
    { port: 80, protocol: 'SCTP' },
  ),
);

const ruleArb = fc.record(
  { peers: fc.array(peerArb, { maxLength: 2 }), ports: fc.array(portArb, { maxLength: 2 }) },
  { requiredKeys: [] },
);

const policyArb = (name: string): fc.Arbitrary<K8sNetworkPolicy> =>
  fc
    .record({
      ns: fc.constantFrom(...NS),
      sel: selectorArb,
      types: fc.constantFrom<('Ingress' | 'Egress')[] | undefined>(
        undefined,
        ['Ingress'],
        ['Egress'],
        ['Ingress', 'Egress'],
      ),
      ingress: fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
      egress: fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
    })
    .map((r) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: r.ns },
      spec: {
        podSelector: r.sel,
        ...(r.types ? { policyTypes: r.types } : {}),
        ...(r.ingress ? { ingress: r.ingress.map((x) => ({ from: x.peers, ports: x.ports })) } : {}),
        ...(r.egress ? { egress: r.egress.map((x) => ({ to: x.peers, ports: x.ports })) } : {}),
      },
    }));

const policiesArb = fc
  .array(fc.nat(3), { maxLength: 5 })
  .chain((ids) => fc.tuple(...ids.map((id, i) => policyArb(`np${id}-${i}`))));

/** Pod-level truth table of a matrix, as a string (independent of class numbering). */
function table(m: ReachabilityMatrix, n: number): string {
  let s = '';
  for (let l = 0; l < m.ports.length; l++)
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) s += podAllowed(m, l, a, b) ? '1' : '0';
  return s;
}

/** Per-flow truth table; with `loopback`, a Pod to itself is allowed as the matrix (datapath) says. */
function flowTable(pods: ClusterPod[], index: ReturnType<typeof compilePolicies>, loopback = false): string {
  let s = '';
  for (const pp of PORTS)
    for (const a of pods)
      for (const b of pods)
        s += (loopback && a === b) || evaluateFlow(index, a, b, pp.port, pp.protocol).allowed ? '1' : '0';
  return s;
}

const RUNS = { numRuns: 150 };

describe('NetworkPolicy laws', () => {
  it('with no policies everything is allowed', () => {
    fc.assert(
      fc.property(podsArb, namespacesArb, (pods, namespaces) => {
        const index = compilePolicies({ pods, nodes }, namespaces, []);
        const all = '1'.repeat(PORTS.length * pods.length * pods.length);
        expect(flowTable(pods, index)).toBe(all);
        expect(table(computeMatrix(index, PORTS), pods.length)).toBe(all);
      }),
      RUNS,
    );
  });

  it('a new policy only closes flows of Pods it newly isolates and only opens flows of Pods already isolated', () => {
    fc.assert(
      fc.property(
        podsArb,
        namespacesArb,
        policiesArb,
        policyArb('added'),
        (pods, namespaces, policies, added) => {
          const before = compilePolicies({ pods, nodes }, namespaces, policies);
          const after = compilePolicies({ pods, nodes }, namespaces, [...policies, added]);
          const key = policyKey(added);
          for (const pp of PORTS)
            for (const a of pods)
              for (const b of pods) {
                const o = evaluateFlow(before, a, b, pp.port, pp.protocol);
                const n = evaluateFlow(after, a, b, pp.port, pp.protocol);
                for (const dir of ['egress', 'ingress'] as const) {
                  if (o[dir].allowed && !n[dir].allowed) {
                    expect(o[dir].isolated).toBe(false);
                    expect(n[dir].selectedBy).toContain(key);
                  }
                  if (!o[dir].allowed && n[dir].allowed) {
                    expect(o[dir].isolated).toBe(true);
                    expect(n[dir].allowedBy?.policy).toBe(key);
                  }
                }
              }
        },
      ),
      RUNS,
    );
  });

  it('policy order never matters', () => {
    fc.assert(
      fc.property(podsArb, namespacesArb, policiesArb, fc.nat(), (pods, namespaces, policies, seed) => {
        const shuffled = [...policies].sort(
          (p, q) => ((policies.indexOf(p) * 7 + seed) % 5) - ((policies.indexOf(q) * 7 + seed) % 5),
        );
        const reversed = [...policies].reverse();
        // a name used twice is a replacement; order decides which object wins, so dedupe first
        const keys = policies.map(policyKey);
        if (new Set(keys).size !== keys.length) return;
        const a = compilePolicies({ pods, nodes }, namespaces, policies);
        const b = compilePolicies({ pods, nodes }, namespaces, shuffled);
        const c = compilePolicies({ pods, nodes }, namespaces, reversed);
        expect(flowTable(pods, b)).toBe(flowTable(pods, a));
        expect(flowTable(pods, c)).toBe(flowTable(pods, a));
        expect(table(computeMatrix(c, PORTS), pods.length)).toBe(table(computeMatrix(a, PORTS), pods.length));
        for (const p of pods)
          expect(evaluateFlow(c, p, pods[0]!, 80, 'TCP').ingress.allowedBy).toEqual(
            evaluateFlow(a, p, pods[0]!, 80, 'TCP').ingress.allowedBy,
          );
      }),
      RUNS,
    );
  });

  it('the class-based matrix agrees with evaluateFlow for every cell', () => {
    fc.assert(
      fc.property(podsArb, namespacesArb, policiesArb, (pods, namespaces, policies) => {
        const index = compilePolicies({ pods, nodes }, namespaces, policies);
        expect(table(computeMatrix(index, PORTS), pods.length)).toBe(flowTable(pods, index, true));
      }),
      { numRuns: 300 },
    );
  });

  it('incremental update after each edit equals full recomputation', () => {
    const editArb = fc.tuple(fc.nat(3), fc.boolean(), policyArb('e'));
    fc.assert(
      fc.property(
        podsArb,
        namespacesArb,
        policiesArb,
        fc.array(editArb, { minLength: 1, maxLength: 4 }),
        (pods, namespaces, policies, edits) => {
          const index = compilePolicies({ pods, nodes }, namespaces, policies);
          let m = computeMatrix(index, PORTS);
          const current = new Map(policies.map((p) => [policyKey(p), p]));
          for (const [which, del, fresh] of edits) {
            const keys = [...current.keys()];
            const target = keys.length > 0 && which < keys.length ? keys[which]! : null;
            let key: string;
            let next: K8sNetworkPolicy | null;
            if (target && del) {
              key = target;
              next = null;
              current.delete(key);
            } else {
              const [ns, name] = target ? target.split('/') : [fresh.metadata.namespace!, `new${which}`];
              next = { ...fresh, metadata: { name: name!, namespace: ns! } };
              key = policyKey(next);
              current.set(key, next);
            }
            m = updateMatrix(m, index, next, key);
            const full = compilePolicies({ pods, nodes }, namespaces, [...current.values()]);
            expect(table(m, pods.length)).toBe(table(computeMatrix(full, PORTS), pods.length));
            expect(flowTable(pods, index)).toBe(flowTable(pods, full));
          }
        },
      ),
      RUNS,
    );
  });
});
