import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itShared, realManifest } from '../../testing/shared-data';
import { emptyScenario, type Scenario } from '../../core/model/scenario';
import { smallScenario } from '../presets/small';
import { importYaml } from './import';
import { sayText } from './messages';
import { K8S_ALPHANUMS } from './names';
import { IMPORT_LIMITS, formatIssue } from './types';

const real = (path: string): string => readFileSync(realManifest(path), 'utf8');

const empty = emptyScenario;

const A = `[${K8S_ALPHANUMS}]`;
const ok = (text: string, base: Scenario = empty(), seed?: number): Scenario => {
  const r = importYaml(text, base, seed === undefined ? {} : { seed });
  expect(r.errors.map(formatIssue)).toEqual([]);
  expect(r.scenario).not.toBeNull();
  return r.scenario!;
};

describe('importYaml on real manifests', () => {
  itShared(
    'guestbook: three Deployments become 1 + 2 + 3 Pods named like the Deployment controller does',
    () => {
      const base = smallScenario();
      base.designs = { intra: 'routed', inter: 'routing', proxy: 'ipvs' };
      const r = importYaml(real('apps/guestbook.yaml'), base);
      expect(r.errors).toEqual([]);
      const s = r.scenario!;
      expect(s.designs).toEqual(base.designs);
      expect(s.cluster).toEqual(base.cluster);
      const byApp = (prefix: string) => s.pods.filter((p) => p.metadata.name.startsWith(`${prefix}-`));
      expect(byApp('redis-master')).toHaveLength(1);
      expect(byApp('redis-replica')).toHaveLength(2);
      expect(byApp('frontend')).toHaveLength(3);
      expect(s.pods).toHaveLength(6);
      for (const pod of s.pods) {
        const m = new RegExp(`^([a-z-]+)-(${A}{10})-(${A}{5})$`).exec(pod.metadata.name);
        expect(m, pod.metadata.name).not.toBeNull();
        // The Pod carries the template's labels plus pod-template-hash = the ReplicaSet's hash.
        expect(pod.metadata.labels!['pod-template-hash']).toBe(m![2]);
        expect(pod.metadata.namespace).toBe('default');
        expect(['node-1', 'node-2']).toContain(pod.spec.nodeName);
      }
      const frontend = byApp('frontend');
      expect(new Set(frontend.map((p) => p.metadata.labels!['pod-template-hash'])).size).toBe(1);
      expect(frontend[0]!.metadata.labels).toMatchObject({ app: 'guestbook', tier: 'frontend' });
      expect(frontend[0]!.spec.containers[0]!.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
      // Services: NodePort frontend (port 80, targetPort defaulted to port), redis-replica (6379).
      expect(s.services.map((x) => x.metadata.name)).toEqual(['redis-master', 'redis-replica', 'frontend']);
      const fe = s.services.find((x) => x.metadata.name === 'frontend')!;
      expect(fe.spec.type).toBe('NodePort');
      expect(fe.spec.ports).toEqual([{ protocol: 'TCP', port: 80, targetPort: 80 }]);
      expect(s.services.find((x) => x.metadata.name === 'redis-replica')!.spec.ports![0]!.targetPort).toBe(
        6379,
      );
      // Nodes were inferred (none declared): two nodes, Pods spread 3/3.
      expect(s.nodes.map((n) => n.metadata.name)).toEqual(['node-1', 'node-2']);
      expect(s.pods.filter((p) => p.spec.nodeName === 'node-1')).toHaveLength(3);
      expect(r.inferred.map(sayText).some((x) => x.includes('round-robin'))).toBe(true);
      expect(
        r.inferred.map(sayText).some((x) => x.startsWith('Expanded Deployment default/frontend into 3 Pods')),
      ).toBe(true);
    },
  );

  itShared('names are deterministic from the seed; the template hash does not depend on it', () => {
    const a = ok(real('apps/guestbook.yaml'), empty(), 7).pods.map((p) => p.metadata.name);
    const b = ok(real('apps/guestbook.yaml'), empty(), 7).pods.map((p) => p.metadata.name);
    const c = ok(real('apps/guestbook.yaml'), empty(), 8).pods.map((p) => p.metadata.name);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    const hash = (n: string) => n.split('-').slice(-2, -1)[0];
    expect(c.map(hash)).toEqual(a.map(hash));
  });

  itShared(
    'online boutique: 12 Deployments → 12 Pods, 12 Services with named ports, ServiceAccounts noticed',
    () => {
      const r = importYaml(real('apps/online-boutique.yaml'), empty());
      expect(r.errors).toEqual([]);
      const s = r.scenario!;
      expect(s.pods).toHaveLength(12);
      expect(s.services).toHaveLength(12);
      const svc = (n: string) => s.services.find((x) => x.metadata.name === n)!;
      expect(svc('frontend').spec.ports).toEqual([
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 },
      ]);
      expect(svc('frontend-external').spec.type).toBe('LoadBalancer');
      expect(svc('redis-cart').spec.ports![0]).toMatchObject({
        name: 'tcp-redis',
        port: 6379,
        targetPort: 6379,
      });
      expect(svc('emailservice').spec.ports![0]).toMatchObject({ port: 5000, targetPort: 8080 });
      const load = s.pods.find((p) => p.metadata.name.startsWith('loadgenerator-'))!;
      expect(load.spec.containers[0]!.ports).toBeUndefined();
      const serviceAccounts = r.notices.filter((n) => n.kind === 'ServiceAccount');
      expect(serviceAccounts).toHaveLength(11);
      expect(serviceAccounts[0]).toMatchObject({ document: 4, line: 144, name: 'frontend' });
      // Real Deployments are full of fields the datapath ignores (probes, env, resources): no noise.
      expect(r.notices.filter((n) => n.message.includes('unknown field'))).toEqual([]);
    },
  );

  itShared('recipe 07: Pods with only status.podIP land on nodes created for their Pod CIDR blocks', () => {
    const r = importYaml(
      real('recipes/07-allow-traffic-from-some-pods-in-another-namespace/manifests.yaml'),
      empty(),
    );
    expect(r.errors).toEqual([]);
    const s = r.scenario!;
    expect(s.nodes.map((n) => [n.metadata.name, n.spec?.podCIDR])).toEqual([
      ['node-1', '10.244.1.0/24'],
      ['node-2', '10.244.2.0/24'],
    ]);
    const node = (name: string) => s.pods.find((p) => p.metadata.name === name)!.spec.nodeName;
    expect(node('web')).toBe('node-1');
    expect(node('test-3')).toBe('node-2');
    expect(s.pods.find((p) => p.metadata.name === 'web')!.status!.podIP).toBe('10.244.1.10');
    expect(s.namespaces.find((n) => n.metadata.name === 'other')!.metadata.labels).toEqual({
      'kubernetes.io/metadata.name': 'other',
      team: 'operations',
    });
    const policy = s.networkPolicies[0]!;
    expect(policy.spec.ingress![0]!.from![0]).toEqual({
      namespaceSelector: { matchLabels: { team: 'operations' } },
      podSelector: { matchLabels: { type: 'monitoring' } },
    });
    expect(r.inferred.map(sayText).filter((x) => x.startsWith('Created node'))).toHaveLength(2);
  });

  itShared('recipe 04: a null matchLabels is an empty selector; recipe 09 keeps kubectl port names', () => {
    const s4 = ok(real('recipes/04-deny-traffic-from-other-namespaces/manifests.yaml'));
    expect(s4.networkPolicies[0]!.spec.podSelector).toEqual({});
    expect(s4.networkPolicies[0]!.spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
    const s9 = ok(real('recipes/09-allow-traffic-only-to-a-port/manifests.yaml'));
    expect(s9.services[0]!.spec.ports!.map((p) => p.name)).toEqual(['8001-8000', '5001-5000']);
    expect(s9.services[0]!.spec.clusterIP).toBe('10.96.1.10');
  });

  itShared('every recipe imports without errors', () => {
    const dirs = [
      '01-deny-all-traffic-to-an-application',
      '02-limit-traffic-to-an-application',
      '02a-allow-all-traffic-to-an-application',
      '03-deny-all-non-whitelisted-traffic-in-the-namespace',
      '05-allow-traffic-from-all-namespaces',
      '06-allow-traffic-from-a-namespace',
      '08-allow-external-traffic',
      '10-allowing-traffic-with-multiple-selectors',
      '11-deny-egress-traffic-from-an-application',
      '11b-deny-egress-traffic-allow-dns',
      '12-deny-all-non-whitelisted-traffic-from-the-namespace',
      '14-deny-external-egress-traffic',
      '14b-deny-external-egress-traffic-2022',
    ];
    for (const d of dirs) {
      const r = importYaml(real(`recipes/${d}/manifests.yaml`), empty());
      expect(r.errors.map(formatIssue), d).toEqual([]);
      expect(r.scenario!.networkPolicies.length, d).toBeGreaterThan(0);
    }
  });

  itShared(
    'Ingress and Gateway API objects (block and KYAML flow style) are imported into scenario.l7',
    () => {
      const fanout = importYaml(real('l7/ingress-simple-fanout.yaml'), empty());
      expect(fanout.errors).toEqual([]);
      expect(fanout.notices).toEqual([]);
      expect(fanout.scenario!.l7!.ingresses.map((i) => i.metadata.name)).toEqual(['simple-fanout-example']);
      const gw = importYaml(real('l7/gateway-api-cross-namespace-routing.yaml'), empty());
      expect(gw.errors).toEqual([]);
      expect(gw.notices).toEqual([]);
      const l7 = gw.scenario!.l7!;
      expect(
        [...l7.gateways, ...l7.httpRoutes].map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`),
      ).toEqual([
        'Gateway infra-ns/shared-gateway',
        'HTTPRoute site-ns/home',
        'HTTPRoute site-ns/login',
        'HTTPRoute store-ns/store',
      ]);
      expect(gw.scenario!.namespaces.map((n) => n.metadata.name)).toContain('no-external-access');
    },
  );
});

describe('importYaml: lists, workloads and inference', () => {
  const list = `apiVersion: v1
kind: List
metadata:
  resourceVersion: ""
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-0
    namespace: shop
    labels: {app: web}
  spec:
    nodeName: worker-a
    containers:
    - name: web
      image: nginx
      ports:
      - {name: http, containerPort: 8080}
  status:
    podIP: 10.244.3.7
    podIPs: [{ip: 10.244.3.7}]
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec:
    clusterIP: 10.96.0.20
    selector: {app: web}
    ports:
    - {name: http, port: 80, targetPort: http}
- apiVersion: discovery.k8s.io/v1
  kind: EndpointSlice
  metadata:
    name: web-abc12
    namespace: shop
    labels: {kubernetes.io/service-name: web}
  addressType: IPv4
  endpoints:
  - addresses: [10.244.3.7]
    conditions: {ready: true}
    nodeName: worker-a
    targetRef: {kind: Pod, name: web-0, namespace: shop}
  ports:
  - {name: http, port: 8080, protocol: TCP}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: allow-http, namespace: shop}
  spec:
    podSelector: {matchLabels: {app: web}}
    policyTypes: [Ingress]
    ingress:
    - ports: [{port: http}, {port: 9000, endPort: 9010}]
      from:
      - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
`;

  it('reads a kubectl List with Pods, Services, EndpointSlices and NetworkPolicies', () => {
    const r = importYaml(list, empty());
    expect(r.errors).toEqual([]);
    const s = r.scenario!;
    expect(s.pods[0]!.spec.containers[0]!.ports).toEqual([
      { containerPort: 8080, protocol: 'TCP', name: 'http' },
    ]);
    expect(s.services[0]!.spec.ports).toEqual([
      { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' },
    ]);
    expect(s.endpointSlices[0]!.endpoints[0]).toEqual({
      addresses: ['10.244.3.7'],
      conditions: { ready: true },
      nodeName: 'worker-a',
      targetRef: { kind: 'Pod', name: 'web-0', namespace: 'shop' },
    });
    expect(s.networkPolicies[0]!.spec.ingress![0]).toEqual({
      from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
      ports: [
        { protocol: 'TCP', port: 'http' },
        { protocol: 'TCP', port: 9000, endPort: 9010 },
      ],
    });
    // worker-a is named by the Pod but never declared: created, with the block holding its IP.
    expect(s.nodes).toHaveLength(1);
    expect(s.nodes[0]!.metadata.name).toBe('worker-a');
    expect(s.nodes[0]!.spec).toEqual({ podCIDR: '10.244.3.0/24' });
    expect(s.namespaces.map((n) => n.metadata.name)).toEqual(['shop']);
    expect(r.inferred.map(sayText).some((x) => x.includes('Node worker-a was not declared'))).toBe(true);
  });

  it('errors inside a List name the item path', () => {
    const bad = list.replace(
      '{name: http, port: 80, targetPort: http}',
      '{name: http, port: "80", targetPort: http}',
    );
    const r = importYaml(bad, empty());
    expect(r.scenario).toBeNull();
    expect(r.errors.map(formatIssue)).toEqual([
      'document 1, line 29: items[1].spec.ports[0].port: expected an integer 1–65535, got "80"',
    ]);
  });

  it('StatefulSets get ordinal names, hostname and subdomain; DaemonSets one Pod per matching node', () => {
    const text = `apiVersion: v1
kind: Node
metadata: {name: n1, labels: {disk: ssd}}
spec: {podCIDR: 10.244.0.0/24}
status: {addresses: [{type: InternalIP, address: 192.168.1.10}]}
---
apiVersion: v1
kind: Node
metadata: {name: n2}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: postgres, ports: [{containerPort: 5432}]}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {k8s-app: agent}}
  template:
    metadata: {labels: {k8s-app: agent}}
    spec: {containers: [{name: a}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ssd-only, namespace: kube-system}
spec:
  selector: {matchExpressions: [{key: k8s-app, operator: In, values: [ssd]}]}
  template:
    metadata: {labels: {k8s-app: ssd}}
    spec:
      nodeSelector: {disk: ssd}
      containers: [{name: a}]
`;
    const r = importYaml(text, empty());
    expect(r.errors.map(formatIssue)).toEqual([]);
    const s = r.scenario!;
    const db = s.pods.filter((p) => p.metadata.namespace === 'data');
    expect(db.map((p) => p.metadata.name)).toEqual(['db-0', 'db-1', 'db-2']);
    expect(db[1]!.spec.hostname).toBe('db-1');
    expect(db[1]!.spec.subdomain).toBe('db');
    expect(db[1]!.metadata.labels!['statefulset.kubernetes.io/pod-name']).toBe('db-1');
    // StatefulSet Pods have no node: spread round-robin over n1, n2.
    expect(db.map((p) => p.spec.nodeName)).toEqual(['n1', 'n2', 'n1']);
    const agents = s.pods.filter((p) => p.metadata.name.startsWith('agent-'));
    expect(agents.map((p) => p.spec.nodeName)).toEqual(['n1', 'n2']);
    expect(agents[0]!.metadata.name).toMatch(new RegExp(`^agent-${A}{5}$`));
    const ssd = s.pods.filter((p) => p.metadata.name.startsWith('ssd-only-'));
    expect(ssd.map((p) => p.spec.nodeName)).toEqual(['n1']);
    expect(s.namespaces.map((n) => n.metadata.name).sort()).toEqual(['data', 'kube-system']);
  });

  it('with no nodes at all, unplaced Pods go round-robin on a default 2-node cluster', () => {
    const pods = [1, 2, 3]
      .map((i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: c}]}\n`)
      .join('---\n');
    const r = importYaml(pods, empty());
    expect(r.scenario!.pods.map((p) => p.spec.nodeName)).toEqual(['node-1', 'node-2', 'node-1']);
    expect(sayText(r.inferred[0]!)).toMatch(/created a 2-node cluster/);
  });

  it('merge mode keeps the base objects and lets a later object replace one of the same name', () => {
    const base = smallScenario();
    const text = `apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: client, v: "2"}}
spec: {nodeName: node-2, containers: [{name: main}]}
`;
    const r = importYaml(text, base, { mode: 'merge' });
    const s = r.scenario!;
    expect(s.pods).toHaveLength(base.pods.length);
    expect(s.pods.find((p) => p.metadata.name === 'client')!.spec.nodeName).toBe('node-2');
    expect(s.nodes).toEqual(base.nodes);
    expect(r.notices.some((n) => n.message.includes('Pod default/client appears more than once'))).toBe(true);
  });
});

describe('importYaml: bad input', () => {
  it('malformed YAML is an error with its line, and nothing is imported', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: a
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Service
metadata: {name: b
spec: {}
`;
    const r = importYaml(text, empty());
    expect(r.scenario).toBeNull();
    expect(r.errors.map(formatIssue)).toEqual([
      'document 2, line 10: malformed YAML: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('duplicate keys are malformed YAML', () => {
    const r = importYaml('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\nkind: Pod\n', empty());
    expect(r.errors[0]).toMatchObject({ document: 1, line: 4 });
  });

  it('wrong types and invalid values name document, line and field path', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels:
    version: 2
spec:
  type: Nodeport
  ports:
  - port: http
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: "3"
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: other}}
    spec:
      containers:
      - name: Main_Container
        ports:
        - containerPort: 70000
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: []
status: {podIP: 10.244.0.300}
`;
    const r = importYaml(text, empty());
    expect(r.scenario).toBeNull();
    expect(r.errors.map(formatIssue)).toEqual([
      'document 2, line 11: metadata.labels.version: expected a string, got 2 (quote it: "2")',
      'document 2, line 13: spec.type: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Nodeport"',
      'document 2, line 15: spec.ports[0].port: expected an integer 1–65535, got "http"',
      'document 3, line 22: spec.replicas: expected an integer 0–2147483647, got "3"',
      'document 3, line 28: spec.template.spec.containers[0].name: invalid container name "Main_Container": a DNS-1123 label',
      'document 3, line 30: spec.template.spec.containers[0].ports[0].containerPort: expected an integer 1–65535, got 70000',
      'document 3, line 23: spec.selector: selector does not match template labels (spec.template.metadata.labels)',
      'document 4, line 36: spec.containers: a Pod needs at least one container',
      'document 4, line 37: status.podIP: expected an IPv4 address, got "10.244.0.300"',
    ]);
  });

  it('missing kind or apiVersion, a scalar document and an outdated apiVersion are errors', () => {
    const text =
      'kind: Pod\nmetadata: {name: a}\n---\njust a string\n---\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n';
    const r = importYaml(text, empty());
    expect(r.errors.map(formatIssue)).toEqual([
      'document 1, line 1: apiVersion: expected an apiVersion, got nothing',
      'document 2, line 4: expected a Kubernetes object (a mapping with apiVersion and kind), got "just a string"',
      'document 3, line 6: apiVersion: Deployment is served as apps/v1, got "extensions/v1beta1"',
    ]);
  });

  it('unknown kinds and unknown fields are notices with their place', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {a: b}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns1}
spec:
  containers:
  - name: c
    prots: [{containerPort: 80}]
`;
    const r = importYaml(text, empty());
    expect(r.errors).toEqual([]);
    expect(r.notices.map(formatIssue)).toEqual([
      'document 1, line 1: ConfigMap settings is not modelled (it does not change the packet path); skipped',
      'document 2, line 12: spec.containers[0].prots: unknown field, ignored',
    ]);
  });

  it('refuses input over the size limit with a clear message', () => {
    const huge = `# ${'x'.repeat(IMPORT_LIMITS.maxBytes)}\n`;
    const r = importYaml(huge, empty());
    expect(r.scenario).toBeNull();
    expect(r.errors.map(formatIssue)).toEqual([
      'the input is 5.0 MiB; the import limit is 5.0 MiB (split the file)',
    ]);
  });

  it('refuses more objects than the limit, and workloads that expand past the Pod limit', () => {
    const many = `apiVersion: v1\nkind: List\nitems: [${'{},'.repeat(IMPORT_LIMITS.maxObjects)}{}]\n`;
    const r = importYaml(many, empty());
    expect(r.scenario).toBeNull();
    expect(r.errors.map(formatIssue)).toEqual([
      `the input has more than ${IMPORT_LIMITS.maxObjects} objects, the import limit (split the file)`,
    ]);
    const big = `apiVersion: apps/v1
kind: Deployment
metadata: {name: big}
spec:
  replicas: 1000000
  selector: {matchLabels: {a: b}}
  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c}]}}
`;
    const r2 = importYaml(big, empty());
    expect(r2.scenario).toBeNull();
    expect(r2.errors[0]!.message).toBe(
      `the workloads expand to 1000000 Pods; the import limit is ${IMPORT_LIMITS.maxPods}`,
    );
  });
});
