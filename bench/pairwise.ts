/**
 * The bench's straightforward pairwise NetworkPolicy evaluator: what a simple offline tool does.
 * It reads the same manifests the CLI reads (same importer, same IPAM), finds the policies that
 * select each Pod once, then decides every (source, destination, port) by walking the egress rules
 * of the source's policies and the ingress rules of the destination's, matching label selectors,
 * ipBlocks and ports on the spot. It prints the same document as `reach --json --compact`, so the
 * bench can check that both answers are identical byte for byte.
 *
 * usage: node --import tsx bench/pairwise.ts MANIFESTS.yaml > out.json (the bench runs it bundled:
 * node scripts/build-cli.mjs bench/pairwise.ts dist-cli/pairwise.mjs)
 */
import { readFileSync, writeSync } from 'node:fs';
import { buildEngine } from '../src/core/engine';
import type { ClusterPod } from '../src/core/model/cluster';
import type {
  K8sNetworkPolicy,
  LabelSelector,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
} from '../src/core/model/k8s';
import { importYaml } from '../src/scenario/manifests';
import { smallScenario } from '../src/scenario/presets/small';

function matches(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const v = labels[e.key];
    if (e.operator === 'In' && !(has && (e.values ?? []).includes(v!))) return false;
    if (e.operator === 'NotIn' && has && (e.values ?? []).includes(v!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function inCidr(ip: number, cidr: string): boolean {
  const [a, p] = cidr.split('/');
  const base = a!.split('.').reduce((x, o) => x * 256 + Number(o), 0);
  const prefix = Number(p);
  const size = 2 ** (32 - prefix);
  return Math.floor(ip / size) === Math.floor(base / size);
}

const text = readFileSync(process.argv[2]!, 'utf8');
const scenario = importYaml(text, smallScenario(), { seed: 1 }).scenario!;
const engine = buildEngine(scenario).engine!;
const pods = engine.cluster.pods;
const full = engine.cluster.scenario;
const nsLabels = new Map<string, Record<string, string>>();
for (const ns of full.namespaces)
  nsLabels.set(ns.metadata.name, { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name });
const nsLabelsOf = (ns: string): Record<string, string> =>
  nsLabels.get(ns) ?? { 'kubernetes.io/metadata.name': ns };

const types = (p: K8sNetworkPolicy): string[] =>
  p.spec.policyTypes && p.spec.policyTypes.length > 0
    ? p.spec.policyTypes
    : ['Ingress', ...((p.spec.egress ?? []).length > 0 ? ['Egress'] : [])];

const selects = (p: K8sNetworkPolicy, pod: ClusterPod): boolean =>
  !pod.hostNetwork &&
  (p.metadata.namespace ?? 'default') === pod.namespace &&
  matches(p.spec.podSelector ?? {}, pod.labels);

const ingressOf: K8sNetworkPolicy[][] = pods.map((pod) =>
  full.networkPolicies.filter((p) => types(p).includes('Ingress') && selects(p, pod)),
);
const egressOf: K8sNetworkPolicy[][] = pods.map((pod) =>
  full.networkPolicies.filter((p) => types(p).includes('Egress') && selects(p, pod)),
);

function peerMatches(policyNs: string, peer: NetworkPolicyPeer, pod: ClusterPod): boolean {
  if (peer.ipBlock)
    return inCidr(pod.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((e) => inCidr(pod.ip, e));
  if (pod.hostNetwork) return false;
  if (peer.namespaceSelector) {
    if (!matches(peer.namespaceSelector, nsLabelsOf(pod.namespace))) return false;
  } else if (pod.namespace !== policyNs) return false;
  return !peer.podSelector || matches(peer.podSelector, pod.labels);
}

function portMatches(pp: NetworkPolicyPort, port: number, protocol: Protocol, dst: ClusterPod): boolean {
  if ((pp.protocol ?? 'TCP') !== protocol) return false;
  if (pp.port === undefined) return true;
  if (typeof pp.port === 'string')
    return (
      dst.ports.find((c) => c.name === pp.port && (c.protocol ?? 'TCP') === protocol)?.containerPort === port
    );
  return port >= pp.port && port <= (pp.endPort ?? pp.port);
}

type Rule = { peers?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] };

function allows(
  policies: K8sNetworkPolicy[],
  dir: 'ingress' | 'egress',
  peer: ClusterPod,
  dst: ClusterPod,
  port: number,
  protocol: Protocol,
): boolean {
  if (policies.length === 0) return true;
  for (const p of policies) {
    const ns = p.metadata.namespace ?? 'default';
    const rules: Rule[] =
      dir === 'ingress'
        ? (p.spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
        : (p.spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
    for (const r of rules) {
      const peerOk = !r.peers || r.peers.length === 0 || r.peers.some((x) => peerMatches(ns, x, peer));
      const portOk =
        !r.ports || r.ports.length === 0 || r.ports.some((x) => portMatches(x, port, protocol, dst));
      if (peerOk && portOk) return true;
    }
  }
  return false;
}

function allowed(src: ClusterPod, dst: ClusterPod, port: number, protocol: Protocol): boolean {
  if (src === dst) return true; // loopback never crosses the veth
  if (src.hostNetwork && src.nodeIndex === dst.nodeIndex) return true; // from the Pod's own node
  return (
    allows(egressOf[src.index]!, 'egress', dst, dst, port, protocol) &&
    allows(ingressOf[dst.index]!, 'ingress', src, dst, port, protocol)
  );
}

const ports = new Map<string, { port: number; protocol: Protocol }>();
for (const pod of pods)
  for (const c of pod.ports)
    ports.set(`${c.containerPort}/${c.protocol ?? 'TCP'}`, {
      port: c.containerPort,
      protocol: c.protocol ?? 'TCP',
    });
const order: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };
const list = [...ports.values()].sort((a, b) => a.port - b.port || order[a.protocol] - order[b.protocol]);

let buf = '';
const out = (s: string): void => {
  buf += s;
  if (buf.length > 2 ** 20) {
    writeSync(1, buf);
    buf = '';
  }
};
out(`{"pods":${JSON.stringify(pods.map((p) => `${p.namespace}/${p.name}`))},"matrices":[`);
list.forEach((pp, l) => {
  out(`${l ? ',' : ''}{"port":${pp.port},"protocol":"${pp.protocol}","rows":[`);
  pods.forEach((src, i) => {
    let row = '';
    for (const dst of pods) row += allowed(src, dst, pp.port, pp.protocol) ? '.' : 'X';
    out(`${i ? ',' : ''}"${row}"`);
  });
  out(']}');
});
out(']}\n');
writeSync(1, buf);
