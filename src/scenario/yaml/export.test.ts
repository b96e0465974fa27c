import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { itShared, realManifest } from '../../testing/shared-data';
import { DEFAULT_CLUSTER, emptyScenario, type Scenario } from '../../core/model/scenario';
import { smallScenario } from '../presets/small';
import { exportYaml } from './export';
import { importYaml } from './import';
import { formatIssue } from './types';

const real = (path: string): string => readFileSync(realManifest(path), 'utf8');

const empty = emptyScenario;

/** Import, export, import again: the second import must give the first scenario back. */
function roundTrip(s: Scenario, base: Scenario = empty()): { again: Scenario; yaml: string } {
  const yaml = exportYaml(s);
  const r = importYaml(yaml, base);
  expect(r.errors.map(formatIssue)).toEqual([]);
  // Everything was explicit in the export: nothing left to infer, nothing ignored.
  expect(r.inferred).toEqual([]);
  expect(r.notices).toEqual([]);
  return { again: r.scenario!, yaml };
}

describe('exportYaml round trip', () => {
  it('preset S comes back unchanged', () => {
    const s = smallScenario();
    expect(roundTrip(s, s).again).toEqual(s);
  });

  itShared('Deployments come back as the Pods they expanded to, with labels, hashes and placement', () => {
    const first = importYaml(real('apps/online-boutique.yaml'), empty()).scenario!;
    const { again, yaml } = roundTrip(first);
    expect(again).toEqual(first);
    // The exported stream has Pods, not Deployments, and keeps the named ports.
    expect(yaml).not.toMatch(/^kind: Deployment$/m);
    expect(again.services.find((x) => x.metadata.name === 'redis-cart')!.spec.ports![0]!.name).toBe(
      'tcp-redis',
    );
  });

  it('a kubectl List with Pod IPs, EndpointSlices, named target ports and policies round-trips', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: web-0, namespace: shop, labels: {app: web, "app.kubernetes.io/version": "1.0"}}
  spec:
    containers: [{name: web, ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]
  status: {podIP: 10.244.3.7, phase: Running, conditions: [{type: Ready, status: "True"}]}
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec:
    type: LoadBalancer
    externalTrafficPolicy: Local
    selector: {app: web}
    ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}]
  status: {loadBalancer: {ingress: [{ip: 203.0.113.7}]}}
- apiVersion: discovery.k8s.io/v1
  kind: EndpointSlice
  metadata: {name: web-x, namespace: shop, labels: {kubernetes.io/service-name: web}}
  addressType: IPv4
  endpoints: [{addresses: [10.244.3.7], conditions: {ready: true}}]
  ports: [{name: http, port: 8080}]
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: p, namespace: shop}
  spec:
    podSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}
    egress: [{to: [{namespaceSelector: {}}], ports: [{port: 53, protocol: UDP}]}]
`;
    const r = importYaml(list, empty());
    expect(r.errors).toEqual([]);
    const first = r.scenario!;
    expect(first.nodes[0]!.spec?.podCIDR).toBe('10.244.3.0/24');
    const { again } = roundTrip(first);
    expect(again).toEqual(first);
  });

  it('the address plan travels in a kubeadm ClusterConfiguration', () => {
    const s = smallScenario();
    s.cluster = {
      ...s.cluster,
      podCidr: '10.42.0.0/16',
      serviceCidr: '10.43.0.0/16',
      nodeCidrMaskSize: 25,
      clusterDomain: 'k3s.local',
    };
    const yaml = exportYaml(s);
    const docs = parseAllDocuments(yaml);
    expect(Array.from(docs)[0]!.toJS()).toMatchObject({
      kind: 'ClusterConfiguration',
      networking: { podSubnet: '10.42.0.0/16' },
    });
    // Imported into a default base, the plan comes from the document, the designs from the base.
    const again = importYaml(yaml, empty()).scenario!;
    expect(again.cluster).toEqual({
      ...DEFAULT_CLUSTER,
      podCidr: '10.42.0.0/16',
      serviceCidr: '10.43.0.0/16',
      nodeCidrMaskSize: 25,
      clusterDomain: 'k3s.local',
    });
    expect(again.pods).toEqual(s.pods);
  });
});
