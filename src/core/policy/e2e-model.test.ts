import { describe, expect, it } from 'vitest';
import type { K8sNamespace, K8sNetworkPolicy, LabelSelector, Protocol } from '../model/k8s';
import { compilePolicies, setPolicy } from './compile';
import { evaluateFlow } from './evaluate';
import { computeMatrix, podAllowed } from './matrix';
import { updateMatrix } from './update';
import { Reachability, netpol, xyzNamespaces, xyzPods, testNodes } from './testing/xyz';

/**
 * Scenarios mirroring kubernetes test/e2e/network/netpol/network_policy.go on the full x/y/z ×
 * a/b/c model. Every expected 9×9 truth table is written by hand from the semantics (Reachability
 * edits as upstream writes them), never derived from the engine. The policy rules (evaluateFlow)
 * are checked on self traffic too; the matrix, which is Pod-IP reachability on the datapath, allows
 * a Pod to reach itself whatever the policies (it never leaves the Pod's netns: upstream's
 * `Reachability.AllowLoopback()`).
 */

type Exp = (r: Reachability) => Reachability;
interface Case {
  port: number;
  protocol: Protocol;
  expect: Exp;
}
interface Scenario {
  name: string;
  policies: K8sNetworkPolicy[];
  namespaces?: K8sNamespace[];
  podLabels?: Record<string, Record<string, string>>;
  cases: Case[];
  /** Policy edits applied after checking `cases`, then `after` is checked (upstream's update tests). */
  edits?: { key: string; policy: K8sNetworkPolicy | null }[];
  after?: Case[];
}

const ALL = ['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c'];
const tcp = (port: number, expect: Exp): Case => ({ port, protocol: 'TCP', expect });
const udp = (port: number, expect: Exp): Case => ({ port, protocol: 'UDP', expect });
const sctp = (port: number, expect: Exp): Case => ({ port, protocol: 'SCTP', expect });
const same: Exp = (r) => r;
const ml = (labels: Record<string, string>): LabelSelector => ({ matchLabels: labels });
const nsIs = (ns: string): LabelSelector => ml({ 'kubernetes.io/metadata.name': ns });
/** GenNetworkPolicyWithNameAndPodSelector(name, sel, SetSpecIngressRules(...rules)) */
const ing = (
  ns: string,
  name: string,
  sel: LabelSelector,
  rules: NonNullable<K8sNetworkPolicy['spec']['ingress']>,
) => netpol(ns, name, { podSelector: sel, policyTypes: ['Ingress'], ingress: rules });
const egr = (
  ns: string,
  name: string,
  sel: LabelSelector,
  rules: NonNullable<K8sNetworkPolicy['spec']['egress']>,
) => netpol(ns, name, { podSelector: sel, policyTypes: ['Egress'], egress: rules });
const podA = ml({ pod: 'a' });

const scenarios: Scenario[] = [
  {
    name: "should support a 'default-deny-ingress' policy",
    policies: [ing('x', 'deny-ingress', {}, [])],
    cases: [tcp(80, (r) => r.expectPeer({}, { ns: 'x' }, false))],
  },
  {
    name: "should support a 'default-deny-all' policy",
    policies: [
      netpol('x', 'deny-all', {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: [],
      }),
    ],
    cases: [tcp(80, (r) => r.expectPeer({}, { ns: 'x' }, false).expectPeer({ ns: 'x' }, {}, false))],
  },
  {
    name: 'should enforce policy to allow traffic from pods within server namespace based on PodSelector',
    policies: [ing('x', 'x-a-allows-x-b', podA, [{ from: [{ podSelector: ml({ pod: 'b' }) }] }])],
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'should enforce policy to allow ingress traffic for a target',
    policies: [
      ing('x', 'deny-all', {}, []),
      ing('x', 'allow-all-to-a', podA, [{ from: [{ podSelector: {}, namespaceSelector: {} }] }]),
    ],
    cases: [
      tcp(80, (r) =>
        r.expectAllIngress('x/a', true).expectAllIngress('x/b', false).expectAllIngress('x/c', false),
      ),
    ],
  },
  {
    name: 'should enforce policy to allow ingress traffic from pods in all namespaces',
    policies: [ing('x', 'allow-from-another-ns', podA, [{ from: [{ namespaceSelector: ml({}) }] }])],
    cases: [tcp(80, same)],
  },
  {
    name: 'should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector',
    policies: [
      ing('x', 'allow-client-a-via-ns-selector', podA, [{ from: [{ namespaceSelector: nsIs('y') }] }]),
    ],
    cases: [
      tcp(80, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
    ],
  },
  {
    name: 'should enforce policy based on PodSelector with MatchExpressions',
    policies: [
      ing('x', 'x-a-allows-x-b', podA, [
        { from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] } }] },
      ]),
    ],
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions',
    policies: [
      ing('x', 'allow-ns-y-match-selector', podA, [
        {
          from: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['y'] }],
              },
            },
          ],
        },
      ]),
    ],
    cases: [
      tcp(80, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
    ],
  },
  {
    name: 'should enforce policy based on PodSelector or NamespaceSelector',
    policies: [
      ing('x', 'allow-ns-y-match-selector', podA, [
        {
          from: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }],
              },
            },
            { podSelector: ml({ pod: 'b' }) },
          ],
        },
      ]),
    ],
    cases: [tcp(80, (r) => r.expect('x/a', 'x/a', false).expect('x/c', 'x/a', false))],
  },
  {
    name: 'should enforce policy based on PodSelector and NamespaceSelector',
    policies: [
      ing('x', 'allow-ns-y-podselector-and-nsselector', podA, [
        {
          from: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }],
              },
              podSelector: ml({ pod: 'b' }),
            },
          ],
        },
      ]),
    ],
    cases: [
      tcp(80, (r) => r.expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true)),
    ],
  },
  {
    name: 'should enforce policy based on Multiple PodSelectors and NamespaceSelectors',
    policies: [
      ing('x', 'allow-ns-y-z-pod-b-c', podA, [
        {
          from: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }],
              },
              podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] },
            },
          ],
        },
      ]),
    ],
    cases: [
      tcp(80, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expect('y/a', 'x/a', false)
          .expect('z/a', 'x/a', false),
      ),
    ],
  },
  {
    name: 'should enforce policy based on any PodSelectors',
    policies: [
      ing('x', 'allow-ns-x-pod-b-c', podA, [
        { from: [{ podSelector: ml({ pod: 'b' }) }, { podSelector: ml({ pod: 'c' }) }] },
      ]),
    ],
    cases: [
      tcp(80, (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true).expect('x/c', 'x/a', true)),
    ],
  },
  {
    name: 'should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [
      ing('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podA, [
        { from: [{ namespaceSelector: nsIs('y'), podSelector: podA }] },
      ]),
    ],
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false).expect('y/a', 'x/a', true))],
  },
  {
    name: 'should enforce policy based on Ports',
    policies: [
      ing('x', 'allow-client-a-via-ns-selector', podA, [
        { from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 81, protocol: 'TCP' }] },
      ]),
    ],
    cases: [
      tcp(81, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, true)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
      tcp(80, (r) => r.expectAllIngress('x/a', false)),
    ],
  },
  {
    name: 'should enforce multiple, stacked policies with overlapping podSelectors',
    policies: [
      ing('x', 'allow-client-a-via-ns-selector', podA, [
        { from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 81, protocol: 'TCP' }] },
      ]),
    ],
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false))],
    edits: [
      {
        key: 'x/allow-client-a-via-ns-selector-80',
        policy: ing('x', 'allow-client-a-via-ns-selector-80', podA, [
          { from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 80, protocol: 'TCP' }] },
        ]),
      },
    ],
    after: [80, 81].map((p) =>
      tcp(p, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
    ),
  },
  {
    name: 'should support allow-all policy',
    policies: [ing('x', 'allow-all', ml({}), [{}])],
    cases: [tcp(80, same), tcp(81, same)],
  },
  {
    name: 'should allow ingress access on one named port',
    policies: [ing('x', 'allow-all', ml({}), [{ ports: [{ port: 'serve-81-tcp' }] }])],
    cases: [tcp(81, same), tcp(80, (r) => r.expectPeer({}, { ns: 'x' }, false))],
  },
  {
    name: 'should allow ingress access from namespace on one named port',
    policies: [
      ing('x', 'allow-client-a-via-ns-selector-80', podA, [
        { from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 'serve-80-tcp', protocol: 'TCP' }] },
      ]),
    ],
    cases: [
      tcp(80, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
      tcp(81, (r) => r.expectAllIngress('x/a', false)),
    ],
  },
  {
    name: 'should allow egress access on one named port',
    policies: [egr('x', 'allow-egress', ml({}), [{ ports: [{ port: 'serve-80-tcp' }] }])],
    cases: [tcp(80, same), tcp(81, (r) => r.expectPeer({ ns: 'x' }, {}, false))],
  },
  {
    name: 'should enforce updated policy',
    policies: [ing('x', 'allow-all-mutate-to-deny-all', ml({}), [{}])],
    cases: [tcp(81, same)],
    edits: [
      { key: 'x/allow-all-mutate-to-deny-all', policy: ing('x', 'allow-all-mutate-to-deny-all', ml({}), []) },
    ],
    after: [tcp(81, (r) => r.expectPeer({}, { ns: 'x' }, false))],
  },
  {
    name: 'should allow ingress access from updated namespace (before the label)',
    policies: [
      ing('x', 'allow-client-a-via-ns-selector', podA, [
        { from: [{ namespaceSelector: ml({ ns2: 'updated' }) }] },
      ]),
    ],
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false))],
  },
  {
    name: 'should allow ingress access from updated namespace (after the label)',
    policies: [
      ing('x', 'allow-client-a-via-ns-selector', podA, [
        { from: [{ namespaceSelector: ml({ ns2: 'updated' }) }] },
      ]),
    ],
    namespaces: xyzNamespaces().map((n) =>
      n.metadata.name === 'y'
        ? { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, ns2: 'updated' } } }
        : n,
    ),
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false).expectPeer({ ns: 'y' }, {}, true))],
  },
  {
    name: 'should allow ingress access from updated pod (after the label)',
    policies: [
      ing('x', 'allow-client-a-via-pod-selector', podA, [
        { from: [{ podSelector: ml({ pod: 'b', pod2: 'updated' }) }] },
      ]),
    ],
    podLabels: { 'x/b': { pod: 'b', pod2: 'updated' } },
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'should deny ingress from pods on other namespaces',
    policies: [ing('x', 'deny-empty-policy', {}, [{ from: [{ podSelector: ml({}) }] }])],
    cases: [
      tcp(80, (r) =>
        r.expectPeer({ ns: 'y' }, { ns: 'x' }, false).expectPeer({ ns: 'z' }, { ns: 'x' }, false),
      ),
    ],
  },
  {
    name: 'should deny ingress access to updated pod',
    policies: [ing('x', 'deny-ingress-via-label-selector', ml({ target: 'isolated' }), [])],
    podLabels: { 'x/a': { pod: 'a', target: 'isolated' } },
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false))],
  },
  {
    name: 'should deny egress from pods based on PodSelector',
    policies: [egr('x', 'deny-egress-pod-a', podA, [])],
    cases: [tcp(80, (r) => r.expectAllEgress('x/a', false))],
  },
  {
    name: 'should deny egress from all pods in a namespace',
    policies: [egr('x', 'deny-egress-ns-x', {}, [])],
    cases: [tcp(80, (r) => r.expectPeer({ ns: 'x' }, {}, false))],
  },
  {
    name: 'should work with Ingress, Egress specified together',
    policies: [
      netpol('x', 'allow-client-a-via-pod-selector', {
        podSelector: podA,
        policyTypes: ['Egress', 'Ingress'],
        ingress: [{ from: [{ podSelector: ml({ pod: 'b' }) }] }],
        egress: [{ ports: [{ port: 80 }] }],
      }),
    ],
    cases: [
      tcp(80, (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true)),
      tcp(81, (r) =>
        r.expectAllIngress('x/a', false).expectAllEgress('x/a', false).expect('x/b', 'x/a', true),
      ),
    ],
  },
  {
    name: 'should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)',
    policies: [
      egr('x', 'allow-to-ns-y-pod-a', podA, [{ to: [{ namespaceSelector: nsIs('y'), podSelector: podA }] }]),
      ing('y', 'allow-from-xa-on-ya-match-selector', podA, [
        { from: [{ namespaceSelector: nsIs('x'), podSelector: podA }] },
      ]),
      ing('y', 'allow-from-xa-on-yb-match-selector', ml({ pod: 'b' }), [
        { from: [{ namespaceSelector: nsIs('x'), podSelector: podA }] },
      ]),
    ],
    cases: [
      tcp(80, (r) =>
        r
          .expectPeer({ ns: 'x', pod: 'a' }, {}, false)
          .expectPeer({}, { ns: 'y', pod: 'a' }, false)
          .expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y', pod: 'a' }, true)
          .expectPeer({}, { ns: 'y', pod: 'b' }, false),
      ),
    ],
  },
  {
    name: 'should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector',
    policies: [
      egr('x', 'allow-to-ns-y-pod-a', podA, [{ to: [{ namespaceSelector: nsIs('y'), podSelector: podA }] }]),
    ],
    cases: [tcp(80, (r) => r.expectAllEgress('x/a', false).expect('x/a', 'y/a', true))],
  },
  {
    name: 'should enforce ingress policy allowing any port traffic to a server on a specific protocol',
    policies: [ing('x', 'allow-ingress-by-proto', podA, [{ ports: [{ protocol: 'TCP' }] }])],
    cases: [tcp(80, same), udp(80, (r) => r.expectPeer({}, { ns: 'x', pod: 'a' }, false))],
  },
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence',
    policies: [ing('x', 'allow-ingress-port-80', ml({}), [{ ports: [{ port: 80 }] }])],
    cases: [tcp(81, (r) => r.expectPeer({}, { ns: 'x' }, false)), tcp(80, same)],
    edits: [{ key: 'x/allow-ingress', policy: ing('x', 'allow-ingress', ml({}), [{}]) }],
    after: [tcp(81, same)],
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence',
    policies: [egr('x', 'allow-egress-port-80', ml({}), [{ ports: [{ port: 80 }] }])],
    cases: [tcp(81, (r) => r.expectPeer({ ns: 'x' }, {}, false))],
    edits: [{ key: 'x/allow-egress', policy: egr('x', 'allow-egress', ml({}), [{}]) }],
    after: [tcp(81, same)],
  },
  {
    name: 'should stop enforcing policies after they are deleted',
    policies: [
      netpol('x', 'deny-all', {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: [],
      }),
    ],
    cases: [tcp(80, (r) => r.expectPeer({ ns: 'x' }, {}, false).expectPeer({}, { ns: 'x' }, false))],
    edits: [{ key: 'x/deny-all', policy: null }],
    after: [tcp(80, same)],
  },
  {
    name: 'should allow egress access to server in CIDR block',
    policies: [
      egr('x', 'allow-client-a-via-cidr-egress-rule', podA, [
        { to: [{ ipBlock: { cidr: '10.244.1.11/32' } }] },
      ]),
    ],
    cases: [tcp(80, (r) => r.expectAllEgress('x/a', false).expect('x/a', 'y/b', true))],
  },
  {
    name: 'should enforce except clause while egress access to server in CIDR block',
    policies: [
      egr('x', 'allow-client-a-via-cidr-egress-rule', podA, [
        { to: [{ ipBlock: { cidr: '0.0.0.0/4', except: ['10.244.0.11/32'] } }] },
      ]),
    ],
    cases: [tcp(80, (r) => r.expect('x/a', 'x/b', false))],
  },
  {
    name: 'should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed (policy replaced)',
    policies: [
      egr('x', 'allow-client-a-via-cidr-egress-rule', podA, [
        { to: [{ ipBlock: { cidr: '0.0.0.0/4', except: ['10.244.0.11/32'] } }] },
      ]),
    ],
    cases: [tcp(80, (r) => r.expect('x/a', 'x/b', false))],
    edits: [
      {
        key: 'x/allow-client-a-via-cidr-egress-rule',
        policy: egr('x', 'allow-client-a-via-cidr-egress-rule', podA, [
          { to: [{ ipBlock: { cidr: '10.244.0.11/32' } }] },
        ]),
      },
    ],
    after: [tcp(80, (r) => r.expectAllEgress('x/a', false).expect('x/a', 'x/b', true))],
  },
  {
    name: 'IP in one policy except and another policy cidr is allowed (union of policies)',
    policies: [
      egr('x', 'allow-wide', podA, [
        { to: [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.0.11/32'] } }] },
      ]),
      egr('x', 'allow-x-b', podA, [{ to: [{ ipBlock: { cidr: '10.244.0.11/32' } }] }]),
    ],
    cases: [tcp(80, same)],
  },
  {
    name: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
    policies: [egr('x', 'allow-egress-for-target', podA, [{}])],
    cases: [tcp(80, same)],
    edits: [
      {
        key: 'x/deny-ingress-via-label-selector',
        policy: ing('x', 'deny-ingress-via-label-selector', podA, []),
      },
    ],
    after: [tcp(80, (r) => r.expectAllIngress('x/a', false))],
  },
  {
    name: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP'",
    policies: [
      ing('x', 'deny-ingress', {}, []),
      ing('x', 'allow-only-sctp-ingress-on-port-81', podA, [{ ports: [{ port: 81, protocol: 'SCTP' }] }]),
    ],
    cases: [
      tcp(81, (r) => r.expectPeer({}, { ns: 'x' }, false)),
      sctp(81, (r) =>
        r.expectPeer({}, { ns: 'x', pod: 'b' }, false).expectPeer({}, { ns: 'x', pod: 'c' }, false),
      ),
    ],
  },
  {
    name: "should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP",
    policies: [
      ing('x', 'allow-only-sctp-ingress-on-port-80', podA, [{ ports: [{ port: 80, protocol: 'SCTP' }] }]),
    ],
    cases: [tcp(81, (r) => r.expectAllIngress('x/a', false)), sctp(80, same)],
  },
  {
    name: 'should not allow access by TCP when a policy specifies only UDP',
    policies: [
      ing('x', 'allow-only-udp-ingress-on-port-81', podA, [{ ports: [{ port: 81, protocol: 'UDP' }] }]),
    ],
    cases: [tcp(81, (r) => r.expectAllIngress('x/a', false)), udp(81, same)],
  },
  {
    name: 'should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label',
    policies: [
      ing('x', 'allow-client-a-via-ns-selector-for-immutable-ns-label', podA, [
        { from: [{ namespaceSelector: nsIs('y') }] },
      ]),
    ],
    namespaces: xyzNamespaces().map((n) => ({ ...n, metadata: { name: n.metadata.name } })), // label added by the API server
    cases: [
      tcp(80, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
    ],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions using default ns label',
    policies: [
      egr('x', 'allow-ns-y-match-selector-for-immutable-ns-label', podA, [
        {
          to: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['y'] }],
              },
            },
          ],
        },
      ]),
    ],
    cases: [tcp(80, (r) => r.expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y' }, false))],
  },
  {
    name: "UDP: should support a 'default-deny-ingress' policy",
    policies: [ing('x', 'deny-all', {}, [])],
    cases: [
      udp(80, (r) => r.expectPeer({}, { ns: 'x' }, false)),
      tcp(80, (r) => r.expectPeer({}, { ns: 'x' }, false)),
    ],
  },
  {
    name: 'UDP: should enforce policy based on Ports',
    policies: [
      ing('x', 'allow-ingress-on-port-81-ns-x', podA, [
        { from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 81, protocol: 'UDP' }] },
      ]),
    ],
    cases: [
      udp(81, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
      tcp(81, (r) => r.expectAllIngress('x/a', false)),
    ],
  },
  {
    name: 'UDP: should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [
      ing('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podA, [
        { from: [{ namespaceSelector: nsIs('y'), podSelector: podA }] },
      ]),
    ],
    cases: [udp(80, (r) => r.expectAllIngress('x/a', false).expect('y/a', 'x/a', true))],
  },
  {
    name: "SCTP: should support a 'default-deny-ingress' policy",
    policies: [ing('x', 'deny-all', {}, [])],
    cases: [sctp(80, (r) => r.expectPeer({}, { ns: 'x' }, false))],
  },
  {
    name: 'SCTP: should enforce policy based on Ports',
    policies: [
      ing('x', 'allow-ingress-on-port-81-ns-x', podA, [
        { from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 81, protocol: 'SCTP' }] },
      ]),
    ],
    cases: [
      sctp(81, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
    ],
  },
  {
    name: 'SCTP: should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [
      ing('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podA, [
        { from: [{ namespaceSelector: nsIs('y'), podSelector: podA }] },
      ]),
    ],
    cases: [sctp(80, (r) => r.expectAllIngress('x/a', false).expect('y/a', 'x/a', true))],
  },
  {
    name: 'endPort: should allow ingress to a port range from namespace y',
    policies: [
      ing('x', 'allow-range', podA, [
        { from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 80, endPort: 81, protocol: 'TCP' }] },
      ]),
    ],
    cases: [80, 81].map((p) =>
      tcp(p, (r) =>
        r
          .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false),
      ),
    ),
  },
  {
    name: 'endPort: a range starting above the port does not cover it',
    policies: [egr('x', 'allow-range', {}, [{ ports: [{ port: 81, endPort: 90 }] }])],
    cases: [
      tcp(80, (r) => r.expectPeer({ ns: 'x' }, {}, false)),
      tcp(81, same),
      udp(81, (r) => r.expectPeer({ ns: 'x' }, {}, false)),
    ],
  },
  {
    name: 'egress ipBlock 0.0.0.0/0 except the Pod range of y blocks x→y only',
    policies: [
      egr('x', 'no-y', {}, [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.244.1.0/24'] } }] }]),
    ],
    cases: [tcp(80, (r) => r.expectPeer({ ns: 'x' }, { ns: 'y' }, false))],
  },
  {
    name: 'policyTypes defaulting: egress rules without policyTypes isolate ingress too',
    policies: [
      netpol('x', 'egress-only-rules', {
        podSelector: podA,
        egress: [{ to: [{ namespaceSelector: nsIs('y') }] }],
      }),
    ],
    cases: [
      tcp(80, (r) =>
        r
          .expectAllIngress('x/a', false)
          .expectAllEgress('x/a', false)
          .expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y' }, true),
      ),
    ],
  },
  {
    name: 'policyTypes: an explicit [Egress] ignores the ingress list',
    policies: [
      netpol('x', 'egress-only', { podSelector: podA, policyTypes: ['Egress'], ingress: [], egress: [{}] }),
    ],
    cases: [tcp(80, same)],
  },
  {
    name: 'matchExpressions NotIn matches Pods without the value',
    policies: [
      ing('x', 'not-b', podA, [
        { from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'NotIn', values: ['b'] }] } }] },
      ]),
    ],
    cases: [
      tcp(80, (r) => r.expectAllIngress('x/a', false).expect('x/a', 'x/a', true).expect('x/c', 'x/a', true)),
    ],
  },
  {
    name: 'matchExpressions Exists / DoesNotExist',
    policies: [
      ing('x', 'has-pod-label', podA, [
        { from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'Exists' }] } }] },
      ]),
      ing('x', 'no-pod-label', ml({ pod: 'b' }), [
        {
          from: [
            {
              namespaceSelector: {},
              podSelector: { matchExpressions: [{ key: 'pod', operator: 'DoesNotExist' }] },
            },
          ],
        },
      ]),
    ],
    cases: [
      tcp(80, (r) =>
        r
          .expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, false)
          .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false)
          .expectAllIngress('x/b', false),
      ),
    ],
  },
  {
    name: 'hairpin: a Pod reaching itself follows its own ingress rules',
    policies: [ing('x', 'only-self', podA, [{ from: [{ podSelector: podA }] }])],
    cases: [tcp(80, (r) => r.expectAllIngress('x/a', false).expect('x/a', 'x/a', true))],
  },
  {
    name: 'egress named port resolves on the destination Pod (UDP)',
    policies: [egr('x', 'dns-like', podA, [{ ports: [{ port: 'serve-81-udp', protocol: 'UDP' }] }])],
    cases: [
      udp(81, same),
      udp(80, (r) => r.expectAllEgress('x/a', false)),
      tcp(81, (r) => r.expectAllEgress('x/a', false)),
    ],
  },
  {
    name: 'named port with the wrong protocol resolves to nothing',
    policies: [ing('x', 'mismatch', podA, [{ ports: [{ port: 'serve-81-udp' }] }])],
    cases: [
      tcp(81, (r) => r.expectAllIngress('x/a', false)),
      udp(81, (r) => r.expectAllIngress('x/a', false)),
    ],
  },
  {
    name: 'empty rule {} vs empty rule list across namespaces: y denies, z allows',
    policies: [ing('y', 'deny', {}, []), ing('z', 'allow', {}, [{}])],
    cases: [tcp(80, (r) => r.expectPeer({}, { ns: 'y' }, false))],
  },
];

function build(s: Scenario) {
  const pods = xyzPods().map((p) => {
    const l = s.podLabels?.[`${p.namespace}/${p.name}`];
    return l ? { ...p, labels: l } : p;
  });
  const nodes = testNodes(2);
  const index = compilePolicies({ pods, nodes }, s.namespaces ?? xyzNamespaces(), s.policies);
  return { pods, index };
}

function check(
  s: Scenario,
  cases: Case[],
  b: ReturnType<typeof build>,
  m: ReturnType<typeof computeMatrix>,
): void {
  const id = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;
  for (const c of cases) {
    const want = c.expect(new Reachability(ALL, true));
    const byFlow = (f: string, t: string) =>
      evaluateFlow(
        b.index,
        b.pods.find((p) => id(p) === f)!,
        b.pods.find((p) => id(p) === t)!,
        c.port,
        c.protocol,
      ).allowed;
    const layer = m.ports.findIndex((pp) => pp.port === c.port && pp.protocol === c.protocol);
    const byMatrix = (f: string, t: string) =>
      podAllowed(
        m,
        layer,
        b.pods.findIndex((p) => id(p) === f),
        b.pods.findIndex((p) => id(p) === t),
      );
    const label = `${s.name} @ ${c.port}/${c.protocol}`;
    expect(want.table(byFlow), `${label} (evaluateFlow)`).toBe(want.table((f, t) => want.get(f, t)));
    expect(want.table(byMatrix), `${label} (matrix)`).toBe(want.table((f, t) => f === t || want.get(f, t)));
  }
}

describe('upstream netpol e2e scenarios on the x/y/z × a/b/c model', () => {
  it('has at least 40 scenarios', () => expect(scenarios.length).toBeGreaterThanOrEqual(40));
  for (const s of scenarios)
    it(s.name, () => {
      const b = build(s);
      const ports = [...s.cases, ...(s.after ?? [])].map(({ port, protocol }) => ({ port, protocol }));
      let m = computeMatrix(b.index, ports);
      check(s, s.cases, b, m);
      if (s.edits) {
        for (const e of s.edits) m = updateMatrix(m, b.index, e.policy, e.key);
        check(s, s.after ?? [], b, m);
        // the same edits applied to a fresh index give the same answers
        const fresh = build(s);
        for (const e of s.edits) setPolicy(fresh.index, e.policy, e.key);
        check(s, s.after ?? [], fresh, computeMatrix(fresh.index, ports));
      }
    });
});
