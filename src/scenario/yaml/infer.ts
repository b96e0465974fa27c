import type { K8sNode, K8sPod } from '../../core/model/k8s';
import type { ClusterSettings } from '../../core/model/scenario';
import type { Say } from '../../core/trace/types';
import { type Cidr, cidrContains, cidrOverlaps, formatCidr, parseCidr } from '../../core/net/cidr';
import { type Ipv4, ipv4FromInt, parseIpv4 } from '../../core/net/ipv4';
import { makeNode } from '../presets/small';
import { listNames, say } from './messages';

/**
 * Filling the gaps real manifests leave, the way the scheduler and nodeipam would have:
 * Pods bound by `spec.nodeName` create the nodes they name; a Pod that only has a `status.podIP`
 * goes on the node whose `spec.podCIDR` holds that IP (or a new node is given the block holding
 * it); Pods with neither are spread round-robin. Every decision is reported as a sentence.
 */

const podRef = (p: K8sPod): string => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;

/** The Pod CIDRs a node declares (`spec.podCIDR`, `spec.podCIDRs`). */
export function nodeCidrs(node: K8sNode): Cidr[] {
  const texts = [node.spec?.podCIDR, ...(node.spec?.podCIDRs ?? [])];
  const out: Cidr[] = [];
  for (const t of texts) {
    const c = t === undefined ? null : parseCidr(t);
    if (c && !out.some((o) => o.base === c.base && o.prefix === c.prefix)) out.push(c);
  }
  return out;
}

function internalIp(node: K8sNode): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

interface Placement {
  nodes: K8sNode[];
  inferred: Say[];
  cluster: ClusterSettings;
}

function uniqueName(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

/**
 * The per-node block (`--node-cidr-mask-size`) that holds an IP, and its index inside the cluster
 * CIDR (nodeipam's CidrSet maps index i to clusterBase + i·blockSize), or null outside it.
 */
function blockOf(cluster: ClusterSettings, ip: Ipv4): { block: Cidr; index: number | null } {
  const mask = cluster.nodeCidrMaskSize;
  const size = 2 ** (32 - mask);
  const block: Cidr = { base: ipv4FromInt(Math.floor(ip / size) * size), prefix: mask };
  const clusterCidr = parseCidr(cluster.podCidr, false);
  const inside = clusterCidr !== null && mask >= clusterCidr.prefix && cidrContains(clusterCidr, ip);
  return { block, index: inside ? (block.base - clusterCidr.base) / size : null };
}

function blockFree(nodes: readonly K8sNode[], block: Cidr): boolean {
  return nodes.every((n) => nodeCidrs(n).every((c) => !cidrOverlaps(c, block)));
}

/** Step 1: nodes named by Pods' `spec.nodeName` but never declared are created. */
export function createNamedNodes(pods: readonly K8sPod[], p: Placement): void {
  const known = new Set(p.nodes.map((n) => n.metadata.name));
  const wanted = new Map<string, K8sPod[]>();
  for (const pod of pods) {
    const name = pod.spec.nodeName;
    if (name === undefined || known.has(name)) continue;
    const list = wanted.get(name) ?? [];
    list.push(pod);
    wanted.set(name, list);
  }
  for (const [name, onNode] of wanted) {
    const node = makeNode(name);
    let created = say('import.node.created', { node: name, pods: listNames(onNode.map(podRef)) });
    const withIp = onNode.find((q) => !q.spec.hostNetwork && q.status?.podIP !== undefined);
    const ip = withIp?.status?.podIP !== undefined ? parseIpv4(withIp.status.podIP) : null;
    if (ip !== null) {
      const { block } = blockOf(p.cluster, ip);
      if (blockFree(p.nodes, block)) {
        node.spec = { podCIDR: formatCidr(block) };
        created = say('import.node.createdWithCidr', {
          node: name,
          cidr: formatCidr(block),
          ip: withIp!.status!.podIP!,
          pods: listNames(onNode.map(podRef)),
        });
      }
    }
    p.nodes.push(node);
    known.add(name);
    p.inferred.push(created);
  }
}

/**
 * Step 1b: a declared node without `spec.podCIDR` whose Pods carry IPs gets the `--node-cidr-mask-size`
 * block holding them (what nodeipam had given it), when they all lie in one free block.
 */
export function blocksFromPods(pods: readonly K8sPod[], p: Placement): void {
  p.nodes.forEach((node, i) => {
    if (nodeCidrs(node).length > 0) return;
    const onNode = pods.filter(
      (q) => q.spec.nodeName === node.metadata.name && !q.spec.hostNetwork && q.status?.podIP !== undefined,
    );
    const ips = onNode.map((q) => parseIpv4(q.status!.podIP!)).filter((ip): ip is Ipv4 => ip !== null);
    if (ips.length === 0) return;
    const { block, index } = blockOf(p.cluster, ips[0]!);
    if (index === null || !ips.every((ip) => cidrContains(block, ip)) || !blockFree(p.nodes, block)) return;
    p.nodes[i] = { ...node, spec: { ...node.spec, podCIDR: formatCidr(block) } };
    p.inferred.push(
      say('import.plan.nodeBlock', {
        node: node.metadata.name,
        cidr: formatCidr(block),
        mask: block.prefix,
        pods: listNames(onNode.map(podRef)),
      }),
    );
  });
}

/** Step 2: Pods with a `status.podIP` but no `spec.nodeName` go where their IP lives. */
export function placeByPodIp(pods: readonly K8sPod[], p: Placement): void {
  const taken = new Set(p.nodes.map((n) => n.metadata.name));
  const placed = new Map<string, { pods: string[]; why: Say }>();
  const record = (node: string, pod: K8sPod, why: Say): void => {
    const entry = placed.get(node) ?? { pods: [], why };
    entry.pods.push(podRef(pod));
    placed.set(node, entry);
  };
  for (const pod of pods) {
    const ipText = pod.status?.podIP;
    if (pod.spec.nodeName !== undefined || ipText === undefined) continue;
    const ip = parseIpv4(ipText);
    if (ip === null) continue;
    if (pod.spec.hostNetwork) {
      const host = p.nodes.find((n) => internalIp(n) === ipText);
      if (host) {
        pod.spec.nodeName = host.metadata.name;
        record(host.metadata.name, pod, say('import.pods.placedHostNetwork', { ip: ipText }));
      }
      continue;
    }
    let node = p.nodes.find((n) => nodeCidrs(n).some((c) => cidrContains(c, ip)));
    if (node) {
      const cidr = nodeCidrs(node).find((c) => cidrContains(c, ip))!;
      pod.spec.nodeName = node.metadata.name;
      record(node.metadata.name, pod, say('import.pods.placedByCidr', { cidr: formatCidr(cidr) }));
      continue;
    }
    const { block, index } = blockOf(p.cluster, ip);
    if (!blockFree(p.nodes, block)) continue;
    const name = uniqueName(taken, `node-${index ?? p.nodes.length + 1}`);
    node = makeNode(name);
    node.spec = { podCIDR: formatCidr(block) };
    p.nodes.push(node);
    taken.add(name);
    p.inferred.push(
      say('import.node.createdForIp', { node: name, cidr: formatCidr(block), ip: ipText, pod: podRef(pod) }),
    );
    pod.spec.nodeName = name;
    record(name, pod, say('import.pods.placedByCidr', { cidr: formatCidr(block) }));
  }
  for (const [node, { pods: names, why }] of placed) {
    p.inferred.push({ key: why.key, args: { ...why.args, node, pods: listNames(names) } });
  }
}

/** Step 3: with no node at all, a default two-node cluster (`why` says for what). */
export function ensureNodes(p: Placement, why: Say): void {
  if (p.nodes.length > 0) return;
  p.nodes.push(makeNode('node-1'), makeNode('node-2'));
  p.inferred.push(why);
}

/** Step 4: Pods with neither `spec.nodeName` nor `status.podIP`, spread round-robin over the nodes. */
export function spreadRoundRobin(pods: readonly K8sPod[], p: Placement): void {
  const unplaced = pods.filter((q) => q.spec.nodeName === undefined);
  if (unplaced.length === 0) return;
  ensureNodes(p, say('import.nodes.defaultForPods', { count: unplaced.length }));
  const perNode = new Map<string, string[]>();
  unplaced.forEach((pod, i) => {
    const node = p.nodes[i % p.nodes.length]!.metadata.name;
    pod.spec.nodeName = node;
    const list = perNode.get(node) ?? [];
    list.push(podRef(pod));
    perNode.set(node, list);
  });
  const parts = [...perNode].map(([node, names]) => `${node} ← ${listNames(names)}`);
  p.inferred.push(
    say('import.pods.spread', { count: unplaced.length, nodes: p.nodes.length, placement: parts.join('; ') }),
  );
}
