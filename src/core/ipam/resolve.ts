import { broadcastOf, cidrContains, formatCidr, type Cidr } from '../net/cidr';
import { ipv4FromInt, parseIpv4, type Ipv4 } from '../net/ipv4';
import { podKey, type Cluster, type ClusterNode, type ClusterPod, type Problem } from '../model/cluster';
import type { K8sNode, K8sPod } from '../model/k8s';
import type { Scenario } from '../model/scenario';
import { allocateNodeCidrs } from './node-cidrs';
import { ipv4Problem } from '../net/ipv4-problem';
import { clipText, problem } from '../model/problem-messages';
import { parseNetworks } from './settings';

/** How a design hands out Pod addresses inside a node's Pod CIDR (host-local semantics). */
export interface PodAddressing {
  /** Offset of the first address handed to Pods (host-local: .1, or .2 when .1 is the gateway). */
  firstPodOffset: number;
  /**
   * Pods take addresses of the node network itself (secondary IPs of the node's ENI: AWS VPC CNI,
   * Azure CNI): no node has a Pod CIDR block; every node's Pod range is the node network, and the
   * cluster's Pod CIDR is that network.
   */
  fromNodeNetwork?: boolean;
}

/** First node IP on the underlay when a Node has no InternalIP (.10, leaving room for routers). */
const FIRST_NODE_OFFSET = 10;

const isReady = (pod: K8sPod): boolean =>
  pod.status?.phase !== 'Failed' &&
  pod.status?.phase !== 'Succeeded' &&
  !(pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'False');

function internalIp(node: K8sNode): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/**
 * Scenario → Cluster: parses settings, gives every node its Node IP and Pod CIDR, and every Pod its
 * node and IP, checking the invariants on the way (one IP per Pod, unique names, addresses inside
 * their ranges). Returns every problem found with its path; the cluster is null when any exists.
 */
export function resolveCluster(
  scenario: Scenario,
  addressing: PodAddressing,
): { cluster: Cluster | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const vpc = addressing.fromNodeNetwork === true;
  const nets = parseNetworks(scenario.cluster, problems, vpc);
  if (!nets) return { cluster: null, problems };

  // Nodes: names, Node IPs, Pod CIDRs.
  const nodeByName = new Map<string, number>();
  const nodeByIp = new Map<number, number>();
  const ips: (Ipv4 | null)[] = scenario.nodes.map((node, i) => {
    const name = node.metadata.name;
    if (nodeByName.has(name)) {
      problems.push(
        problem('DUPLICATE_NAME', `nodes[${i}].metadata.name`, 'problem.node.duplicate', { node: name }),
      );
    } else nodeByName.set(name, i);
    const text = internalIp(node);
    if (text === undefined) return null;
    const path = `nodes[${i}].status.addresses`;
    const ip = parseIpv4(text);
    if (ip === null) {
      problems.push(ipv4Problem(path, `Node ${clipText(name)} InternalIP`, text));
      return null;
    }
    if (!cidrContains(nets.underlay, ip)) {
      problems.push(
        problem('INVALID_IP', path, 'problem.nodeIP.outside', { ip: text, range: formatCidr(nets.underlay) }),
      );
    }
    if (nodeByIp.has(ip)) {
      problems.push(
        problem('DUPLICATE_IP', path, 'problem.nodeIP.duplicate', {
          ip: text,
          node: String(scenario.nodes[nodeByIp.get(ip)!]?.metadata.name),
        }),
      );
    }
    nodeByIp.set(ip, i);
    return ip;
  });
  let nextNodeIp = nets.underlay.base + FIRST_NODE_OFFSET;
  const lastUnderlay = broadcastOf(nets.underlay) - 1;
  ips.forEach((ip, i) => {
    if (ip !== null) return;
    while (nextNodeIp <= lastUnderlay && (nodeByIp.has(nextNodeIp) || nextNodeIp === nets.underlayGateway))
      nextNodeIp++;
    if (nextNodeIp > lastUnderlay) {
      problems.push(
        problem('RANGE_EXHAUSTED', `nodes[${i}]`, 'problem.nodeIP.exhausted', {
          range: formatCidr(nets.underlay),
        }),
      );
      return;
    }
    ips[i] = ipv4FromInt(nextNodeIp);
    nodeByIp.set(nextNodeIp, i);
    nextNodeIp++;
  });
  const cidrs = vpc
    ? scenario.nodes.map(() => nets.underlay)
    : allocateNodeCidrs(scenario.nodes, nets, problems);
  if (problems.length > 0) return { cluster: null, problems };

  const nodes: ClusterNode[] = scenario.nodes.map((n, i) => ({
    index: i,
    name: n.metadata.name,
    ip: ips[i]!,
    podCidr: cidrs[i]!,
    labels: n.metadata.labels ?? {},
  }));
  const nodeByPodCidrBase = new Map<number, number>();
  for (const n of nodes) nodeByPodCidrBase.set(n.podCidr.base, n.index);

  // Pods: placement, then addresses given in status, then host-local allocation for the rest.
  // names per namespace (the `ns/name` keys are spelled only when first asked for: see podByKey)
  const namesIn = new Map<string, Set<string>>();
  const podByIp = new Map<number, number>();
  const placed = new Int32Array(scenario.pods.length);
  const given: (Ipv4 | null)[] = [];
  scenario.pods.forEach((pod, i) => {
    const ns = pod.metadata.namespace ?? 'default';
    let names = namesIn.get(ns);
    if (!names) namesIn.set(ns, (names = new Set()));
    const key = podKey(ns, pod.metadata.name);
    if (names.has(pod.metadata.name)) {
      problems.push(
        problem('DUPLICATE_NAME', `pods[${i}].metadata.name`, 'problem.pod.duplicate', { pod: key }),
      );
    }
    names.add(pod.metadata.name);
    const text = pod.status?.podIP;
    const ip = text === undefined ? null : parseIpv4(text);
    if (text !== undefined && ip === null)
      problems.push(ipv4Problem(`pods[${i}].status.podIP`, `Pod ${clipText(key)} status.podIP`, text));
    let nodeIndex = pod.spec.nodeName === undefined ? -1 : (nodeByName.get(pod.spec.nodeName) ?? -2);
    if (nodeIndex === -2) {
      problems.push(
        problem('UNKNOWN_NODE', `pods[${i}].spec.nodeName`, 'problem.pod.unknownNode', {
          pod: key,
          node: String(pod.spec.nodeName),
        }),
      );
    } else if (nodeIndex === -1 && ip !== null && !pod.spec.hostNetwork) {
      nodeIndex = nodeByPodCidrBase.get((ip & ~(2 ** (32 - nets.nodeCidrMaskSize) - 1)) >>> 0) ?? -1;
    }
    if (nodeIndex === -1) {
      problems.push(
        problem('UNKNOWN_NODE', `pods[${i}].spec.nodeName`, 'problem.pod.unplaced', { pod: key }),
      );
    }
    placed[i] = nodeIndex;
    given.push(pod.spec.hostNetwork ? null : ip);
    if (ip !== null && nodeIndex >= 0 && !pod.spec.hostNetwork) {
      const range = nodes[nodeIndex]!.podCidr;
      if (!cidrContains(range, ip)) {
        problems.push(
          problem('POD_IP_OUTSIDE_NODE_RANGE', `pods[${i}].status.podIP`, 'problem.podIP.outside', {
            pod: key,
            ip: text!,
            node: nodes[nodeIndex]!.name,
            range: formatCidr(range),
          }),
        );
      } else if (ip === range.base || ip === broadcastOf(range)) {
        // host-local never hands out a range's network or broadcast address.
        problems.push(
          problem(
            'INVALID_IP',
            `pods[${i}].status.podIP`,
            ip === range.base ? 'problem.podIP.networkAddress' : 'problem.podIP.broadcast',
            { pod: clipText(key), ip: text!, node: nodes[nodeIndex]!.name, range: formatCidr(range) },
          ),
        );
      } else if (vpc && (nodeByIp.has(ip) || ip === nets.underlayGateway)) {
        // One network for nodes and Pods: a Pod cannot hold a node's or the router's address.
        problems.push(
          problem('DUPLICATE_IP', `pods[${i}].status.podIP`, 'problem.podIP.duplicate', {
            pod: key,
            ip: text!,
            other: nodeByIp.has(ip) ? `Node ${nodes[nodeByIp.get(ip)!]!.name}` : 'the gateway',
          }),
        );
      } else if (podByIp.has(ip)) {
        const other = scenario.pods[podByIp.get(ip)!]!;
        problems.push(
          problem('DUPLICATE_IP', `pods[${i}].status.podIP`, 'problem.podIP.duplicate', {
            pod: key,
            ip: text!,
            other: `${other.metadata.namespace ?? 'default'}/${other.metadata.name}`,
          }),
        );
      } else podByIp.set(ip, i);
    }
  });
  if (problems.length > 0) return { cluster: null, problems };

  // host-local keeps one cursor per node range. On the node network (VPC-native) every node draws
  // from the same subnet, so they share one cursor: a cursor per node would rescan every address
  // the other nodes took (quadratic, 10 s to refuse XL) and hand out the same addresses.
  const cursor = vpc
    ? [nets.underlay.base + addressing.firstPodOffset]
    : nodes.map((n) => n.podCidr.base + addressing.firstPodOffset);
  const cursorSlot = (nodeIndex: number): number => (vpc ? 0 : nodeIndex);
  // On the node network, node IPs and the router's address are not free for Pods.
  const reserved = (ip: number): boolean => vpc && (nodeByIp.has(ip) || ip === nets.underlayGateway);
  const podsOnNode: number[][] = nodes.map(() => []);
  const pods: ClusterPod[] = scenario.pods.map((pod, i) => {
    const nodeIndex = placed[i]!;
    const node = nodes[nodeIndex]!;
    let ip = given[i] ?? null;
    if (pod.spec.hostNetwork) ip = node.ip;
    else if (ip === null)
      ip = allocate(node.podCidr, cursor, cursorSlot(nodeIndex), podByIp, i, problems, pod, reserved, vpc);
    podsOnNode[nodeIndex]!.push(i);
    return {
      index: i,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      nodeIndex,
      ip: ip ?? node.ip,
      labels: pod.metadata.labels ?? {},
      // a Pod with one container exposes that container's ports list as it is (no copy per Pod)
      ports:
        pod.spec.containers.length === 1 && pod.spec.containers[0]!.ports
          ? pod.spec.containers[0]!.ports
          : pod.spec.containers.flatMap((c) => c.ports ?? []),
      ready: isReady(pod),
      hostNetwork: pod.spec.hostNetwork === true,
    };
  });
  if (problems.length > 0) return { cluster: null, problems };

  let podByKey: Map<string, number> | undefined;
  return {
    cluster: {
      scenario,
      designs: scenario.designs,
      networks: nets,
      nodes,
      pods,
      nodeByName,
      nodeByIp,
      nodeByPodCidrBase,
      // built on first use: `reach` over a large cluster never looks a Pod up by name
      get podByKey() {
        if (!podByKey) {
          podByKey = new Map();
          for (const p of pods) podByKey.set(podKey(p.namespace, p.name), p.index);
        }
        return podByKey;
      },
      podByIp,
      podsOnNode,
    },
    problems,
  };
}

/**
 * host-local: the next free address after the last one handed out, up to broadcast − 1. `slot` is
 * the cursor of the range (one per node, or the one shared node subnet of VPC-native addressing).
 */
function allocate(
  range: Cidr,
  cursor: number[],
  slot: number,
  podByIp: Map<number, number>,
  podIndex: number,
  problems: Problem[],
  pod: K8sPod,
  reserved: (ip: number) => boolean,
  onNodeNetwork: boolean,
): Ipv4 | null {
  const last = broadcastOf(range) - 1;
  let next = cursor[slot]!;
  while (next <= last && (podByIp.has(next) || reserved(next))) next++;
  if (next > last) {
    cursor[slot] = next;
    problems.push(
      problem(
        'RANGE_EXHAUSTED',
        `pods[${podIndex}]`,
        onNodeNetwork ? 'problem.podIP.subnetExhausted' : 'problem.podIP.exhausted',
        { range: formatCidr(range), pod: `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}` },
      ),
    );
    return null;
  }
  cursor[slot] = next + 1;
  podByIp.set(next, podIndex);
  return ipv4FromInt(next);
}
