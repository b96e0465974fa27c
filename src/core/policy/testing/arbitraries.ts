import fc from 'fast-check';
import type { ClusterPod } from '../../model/cluster';
import type {
  ContainerPort,
  K8sNamespace,
  K8sNetworkPolicy,
  LabelSelector,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
} from '../../model/k8s';
import type { Ipv4 } from '../../net/ipv4';
import type { PortProto } from '../types';
import { testNodes } from './xyz';

/**
 * Test fixtures only: random small clusters (namespaces x, y, z; up to 7 Pods, some hostNetwork,
 * on 2 nodes) and random NetworkPolicies over every selector, peer and port form, for fast-check.
 */

export const NS = ['x', 'y', 'z'];
export const PORTS: PortProto[] = [
  { port: 80, protocol: 'TCP' },
  { port: 81, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 80, protocol: 'SCTP' },
];
export const nodes = testNodes(2);

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

export const podsArb = fc
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

export const namespacesArb: fc.Arbitrary<K8sNamespace[]> = fc
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

export const policyArb = (name: string): fc.Arbitrary<K8sNetworkPolicy> =>
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

export const policiesArb = fc
  .array(fc.nat(3), { maxLength: 5 })
  .chain((ids) => fc.tuple(...ids.map((id, i) => policyArb(`np${id}-${i}`))));
