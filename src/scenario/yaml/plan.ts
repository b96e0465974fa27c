import type { K8sNode, K8sPod, K8sService } from '../../core/model/k8s';
import type { ClusterSettings, Designs } from '../../core/model/scenario';
import { type Cidr, cidrContains, cidrOverlaps, formatCidr, maskOf, parseCidr } from '../../core/net/cidr';
import { type Ipv4, formatIpv4, ipv4FromInt, parseIpv4 } from '../../core/net/ipv4';
import type { Say } from '../../core/trace/types';
import { listNames, say } from './messages';
import { domainFromObjects, inferDomain } from './plan-domain';
import {
  type Item,
  type PodFlag,
  clusterIpItems,
  commonPrefix,
  ipv4Cidr,
  nodeCidrItems,
  nodeItems,
  podIpItems,
} from './plan-evidence';

/**
 * The address plan of a dumped cluster, read the way a person reads `kubectl get … -o yaml`:
 * the node network from the Nodes' InternalIPs, the cluster Pod CIDR from `spec.podCIDR` and the
 * Pods' IPs, the per-node mask from the podCIDR prefix (nodeipam's `--node-cidr-mask-size`), the
 * Service CIDR from the ClusterIPs (the apiserver gives `default/kubernetes` the first address of
 * `--service-cluster-ip-range`: kubernetes pkg/controlplane/services.go ServiceIPRange), the cluster
 * domain from the apiserver's `--service-account-issuer` or an ExternalName into `svc.<domain>`.
 * Precedence: a CLI flag, then a kubeadm ClusterConfiguration (or the explorer's own settings
 * document), then the control-plane flags in static Pods, then the objects' addresses, then the
 * base scenario. A stated value that does not hold an object's address is an error naming both.
 */

/** A setting stated outright, and by whom (`--pod-cidr`, `ClusterConfiguration networking.podSubnet`). */
export interface Stated<T> {
  value: T;
  by: string;
}
export type StatedPlan = { [K in keyof ClusterSettings]?: Stated<ClusterSettings[K]> };

/**
 * An object that names the cluster domain: kubeadm's ClusterConfiguration `networking.dnsDomain`
 * or the zone of CoreDNS's kubernetes plugin in ConfigMap kube-system/coredns (corefile.ts).
 */
export interface DomainSource extends Stated<string> {
  kind: 'kubeadm' | 'corefile';
}

export interface PlanInput {
  base: ClusterSettings;
  stated: StatedPlan;
  nodes: readonly K8sNode[];
  pods: readonly K8sPod[];
  services: readonly K8sService[];
  podFlags: readonly PodFlag[];
  /** Objects naming the cluster domain; they must agree, and a stated domain (a flag) wins. */
  domains?: readonly DomainSource[];
  /** `kubectl apply` onto a scenario (merge): a base setting that already holds the evidence stays. */
  keepFitting: boolean;
}

export interface PlanResult {
  cluster: ClusterSettings;
  /** Set when the dump shows VPC-native Pods (Pod IPs on the node network): the design it implies. */
  designs?: Pick<Designs, 'intra' | 'inter'>;
  inferred: Say[];
  errors: string[];
}

/** How far a computed range is widened: a /24 node subnet, /16 Pod and Service ranges (kind, k3s). */
const WIDEN = { underlay: 24, pod: 16, service: 16 } as const;
/** At most this many conflicts are reported per setting. */
const MAX_CONFLICTS = 5;

const names = (items: readonly Item[]): string => listNames([...new Set(items.map((i) => i.name))]);
const holdsAll = (c: Cidr, items: readonly Item[]): boolean =>
  items.every((i) => cidrContains(c, i.range.base) && i.range.prefix >= c.prefix);

/** Every item outside a stated range is an error naming the statement and the object. */
function checkHolds(by: string, c: Cidr, items: readonly Item[], errors: string[], what: string): void {
  const outside = items.filter((i) => !(cidrContains(c, i.range.base) && i.range.prefix >= c.prefix));
  for (const i of outside.slice(0, MAX_CONFLICTS))
    errors.push(`${by} ${formatCidr(c)} does not hold ${i.who}: ${what} must lie inside it`);
  if (outside.length > MAX_CONFLICTS)
    errors.push(`${by} ${formatCidr(c)}: ${outside.length - MAX_CONFLICTS} more ${what} lie outside it`);
}

/** A range that must not be overlapped, with the objects that put it there. */
interface Fence {
  range: Cidr;
  items: readonly Item[];
  /** `the node network`, `--service-cidr 10.96.0.0/12`. */
  what: string;
}

/**
 * The widest prefix from `target` down to the items' common prefix that overlaps no fence (and,
 * when `first` is given, starts right below that address). Null with an error naming two objects
 * when none exists.
 */
function widen(
  items: readonly Item[],
  target: number,
  fences: readonly Fence[],
  what: string,
  errors: string[],
  first?: Item,
): { cidr: Cidr; common: Cidr } | null {
  const common = commonPrefix(first ? [...items, { ...first, range: below(first.range.base) }] : items);
  for (let p = Math.min(target, common.prefix); p <= common.prefix; p++) {
    const cand: Cidr = { base: ipv4FromInt((common.base & maskOf(p)) >>> 0), prefix: p };
    if (first && cand.base !== first.range.base - 1) continue;
    if (fences.some((f) => cidrOverlaps(f.range, cand))) continue;
    return { cidr: cand, common };
  }
  const fence = fences.find((f) => cidrOverlaps(f.range, common));
  if (fence) {
    // Two prefixes overlap when one holds the other: name an object of each side inside it.
    const wider = fence.range.prefix <= common.prefix ? fence.range : common;
    const ours = items.find((i) => cidrContains(wider, i.range.base)) ?? items[0]!;
    const theirs = fence.items.find((i) => cidrContains(wider, i.range.base)) ?? fence.items[0];
    errors.push(
      `${ours.who} and ${theirs?.who ?? fence.what} fall in one range ${formatCidr(wider)}: ${what} and ${fence.what} must not overlap`,
    );
  } else if (first) {
    const low = items.find((i) => i.range.base < first.range.base) ?? items[0]!;
    errors.push(`${first.who} must be the first address of the Service CIDR, but ${low.who} lies below it`);
  }
  return null;
}

const below = (ip: number): Cidr => ({ base: ipv4FromInt(ip - 1), prefix: 32 });

function parseStated(s: Stated<string> | undefined, errors: string[]): Cidr | null {
  if (!s) return null;
  const c = parseCidr(s.value, false);
  if (!c) errors.push(`${s.by} ${JSON.stringify(s.value)} is not an IPv4 CIDR`);
  return c;
}

const fenceOf = (items: readonly Item[], what: string): Fence[] =>
  items.length > 0 ? [{ range: commonPrefix(items), items, what }] : [];
const statedFence = (c: Cidr | null, s: Stated<string> | undefined): Fence[] =>
  c && s ? [{ range: c, items: [], what: `${s.by} ${formatCidr(c)}` }] : [];

/** The first address of a node network that no node has (the router's, as on a kind or cloud subnet). */
function firstFree(net: Cidr, used: readonly Item[]): Ipv4 {
  const taken = new Set(used.map((i) => i.range.base as number));
  let ip = net.base + 1;
  while (taken.has(ip) && ip < net.base + 2 ** (32 - net.prefix) - 2) ip++;
  return ipv4FromInt(ip);
}

export function inferPlan(input: PlanInput): PlanResult {
  const { base, stated, keepFitting } = input;
  const inferred: Say[] = [];
  const errors: string[] = [];
  const cluster: ClusterSettings = { ...base };
  const flag = (f: PodFlag['flag']): PodFlag | undefined => input.podFlags.find((x) => x.flag === f);
  const byFlag = (f: PodFlag): string => `--${f.flag}=${f.value} of Pod ${f.pod}`;

  const nodeIps = nodeItems(input.nodes);
  const nodeCidrs = nodeCidrItems(input.nodes);
  const podIps = podIpItems(input.pods);
  const podEvidence = [...nodeCidrs, ...podIps];
  const clusterIps = clusterIpItems(input.services);
  const kubeSvc = input.services.find(
    (s) => (s.metadata.namespace ?? 'default') === 'default' && s.metadata.name === 'kubernetes',
  );
  const kubeIp = kubeSvc?.spec.clusterIP === undefined ? null : parseIpv4(kubeSvc.spec.clusterIP);
  const kubeItem = kubeIp === null ? undefined : clusterIps.find((i) => i.range.base === kubeIp);

  const statedUnderlay = parseStated(stated.underlayCidr, errors);
  const statedPod = parseStated(stated.podCidr, errors);
  const statedSvc = parseStated(stated.serviceCidr, errors);

  const podFlag = flag('cluster-cidr');
  const podFlagCidr = podFlag ? ipv4Cidr(podFlag.value) : null;
  // 0. VPC-native Pods (AWS VPC CNI, Azure CNI): no node has a Pod CIDR, nothing states one, and the
  // Pods' IPs share a /16 or narrower with the nodes' InternalIPs: one network for both.
  const vpc =
    !statedPod &&
    !podFlag &&
    nodeCidrs.length === 0 &&
    podIps.length > 0 &&
    nodeIps.length > 0 &&
    (statedUnderlay
      ? holdsAll(statedUnderlay, podIps)
      : commonPrefix([...nodeIps, ...podIps]).prefix >= WIDEN.pod);
  let result: Pick<Designs, 'intra' | 'inter'> | undefined;
  let pod: Cidr | null = parseCidr(base.podCidr, false);
  let underlay: Cidr | null = parseCidr(base.underlayCidr, false);
  if (vpc) {
    const both = [...nodeIps, ...podIps];
    const fences = [
      ...statedFence(statedSvc, stated.serviceCidr),
      ...(statedSvc ? [] : fenceOf(clusterIps, 'the Service CIDR')),
    ];
    const got = statedUnderlay
      ? { cidr: statedUnderlay, common: commonPrefix(both) }
      : widen(both, WIDEN.pod, fences, 'the node network', errors);
    if (got) {
      underlay = got.cidr;
      pod = got.cidr;
      cluster.underlayGateway = stated.underlayGateway?.value ?? formatIpv4(firstFree(underlay, both));
      cluster.nodeCidrMaskSize = underlay.prefix;
      result = { intra: 'vpc', inter: 'routing' };
      inferred.push(
        say('import.plan.vpc', {
          cidr: formatCidr(underlay),
          gateway: cluster.underlayGateway,
          nodes: names(nodeIps),
          pods: podIps.length,
          common: formatCidr(got.common),
        }),
      );
      for (const n of input.nodes) {
        const mine = input.pods
          .filter((p) => !p.spec.hostNetwork && p.spec.nodeName === n.metadata.name)
          .map((p) => (p.status?.podIP === undefined ? null : parseIpv4(p.status.podIP)))
          .filter((ip): ip is Ipv4 => ip !== null)
          .sort((a, b) => a - b);
        if (mine.length > 0)
          inferred.push(
            say('import.plan.vpc.node', {
              node: n.metadata.name,
              count: mine.length,
              first: formatIpv4(mine[0]!),
              last: formatIpv4(mine[mine.length - 1]!),
            }),
          );
      }
    }
  }

  // 1. The cluster Pod CIDR.
  if (vpc) {
    // Decided above: the Pod CIDR is the node network.
  } else if (statedPod) {
    pod = statedPod;
    checkHolds(stated.podCidr!.by, pod, podEvidence, errors, 'Pod addresses');
  } else if (podFlag && podFlagCidr) {
    pod = podFlagCidr;
    checkHolds(byFlag(podFlag), pod, podEvidence, errors, 'Pod addresses');
    inferred.push(say('import.plan.podCidr.flag', { cidr: formatCidr(pod), pod: podFlag.pod }));
  } else if (podEvidence.length > 0 && !(keepFitting && pod && holdsAll(pod, podEvidence))) {
    const fences = [
      ...statedFence(statedUnderlay, stated.underlayCidr),
      ...statedFence(statedSvc, stated.serviceCidr),
      ...(statedUnderlay ? [] : fenceOf(nodeIps, 'the node network')),
      ...(statedSvc ? [] : fenceOf(clusterIps, 'the Service CIDR')),
    ];
    const got = widen(podEvidence, WIDEN.pod, fences, 'the Pod CIDR', errors);
    if (got) {
      pod = got.cidr;
      inferred.push(
        nodeCidrs.length > 0
          ? say('import.plan.podCidr', {
              cidr: formatCidr(pod),
              nodes: names(nodeCidrs),
              pods: podIps.length,
              common: formatCidr(got.common),
            })
          : say('import.plan.podCidr.pods', {
              cidr: formatCidr(pod),
              pods: names(podIps),
              common: formatCidr(got.common),
            }),
      );
    }
  }
  if (pod) cluster.podCidr = formatCidr(pod);

  // 2. The per-node Pod CIDR size.
  const maskFlag = flag('node-cidr-mask-size');
  const prefixes = [...new Set(nodeCidrs.map((i) => i.range.prefix))];
  if (prefixes.length > 1) {
    const a = nodeCidrs.find((i) => i.range.prefix === prefixes[0])!;
    const b = nodeCidrs.find((i) => i.range.prefix === prefixes[1])!;
    errors.push(`${a.who} and ${b.who} differ in size: nodeipam gives every node the same /N`);
  }
  const wrongSize = (mask: number, by: string): void => {
    const off = nodeCidrs.find((i) => i.range.prefix !== mask);
    if (off) errors.push(`${by} /${mask} does not match ${off.who}`);
  };
  if (vpc) {
    // No per-node blocks: the mask is the node network's own prefix.
  } else if (stated.nodeCidrMaskSize) {
    cluster.nodeCidrMaskSize = stated.nodeCidrMaskSize.value;
    wrongSize(cluster.nodeCidrMaskSize, stated.nodeCidrMaskSize.by);
  } else if (maskFlag && /^\d{1,2}$/.test(maskFlag.value)) {
    cluster.nodeCidrMaskSize = Number(maskFlag.value);
    wrongSize(cluster.nodeCidrMaskSize, byFlag(maskFlag));
    inferred.push(say('import.plan.mask.flag', { mask: cluster.nodeCidrMaskSize, pod: maskFlag.pod }));
  } else if (prefixes.length === 1 && !(keepFitting && prefixes[0] === base.nodeCidrMaskSize)) {
    cluster.nodeCidrMaskSize = prefixes[0]!;
    inferred.push(say('import.plan.mask', { mask: prefixes[0]!, nodes: names(nodeCidrs) }));
  }

  // 3. The node network and its gateway.
  if (vpc) {
    // Decided above, from the nodes and the Pods together.
  } else if (statedUnderlay) {
    underlay = statedUnderlay;
    checkHolds(stated.underlayCidr!.by, underlay, nodeIps, errors, 'node InternalIPs');
    const gw = parseIpv4(base.underlayGateway);
    cluster.underlayGateway =
      stated.underlayGateway?.value ??
      (gw !== null && cidrContains(underlay, gw)
        ? base.underlayGateway
        : formatIpv4(firstFree(underlay, nodeIps)));
  } else if (nodeIps.length > 0 && !(keepFitting && underlay && holdsAll(underlay, nodeIps))) {
    const fences = [
      ...(pod ? [{ range: pod, items: podEvidence, what: 'the Pod CIDR' }] : []),
      ...statedFence(statedSvc, stated.serviceCidr),
      ...(statedSvc ? [] : fenceOf(clusterIps, 'the Service CIDR')),
    ];
    const got = widen(nodeIps, WIDEN.underlay, fences, 'the node network', errors);
    if (got) {
      underlay = got.cidr;
      const gateway = formatIpv4(firstFree(underlay, nodeIps));
      cluster.underlayGateway = stated.underlayGateway?.value ?? gateway;
      inferred.push(
        say('import.plan.underlay', {
          cidr: formatCidr(underlay),
          gateway: cluster.underlayGateway,
          nodes: names(nodeIps),
          ips: listNames(nodeIps.map((i) => formatIpv4(i.range.base))),
          common: formatCidr(got.common),
        }),
      );
    }
  } else if (stated.underlayGateway) cluster.underlayGateway = stated.underlayGateway.value;
  if (underlay) cluster.underlayCidr = formatCidr(underlay);

  // 4. The Service CIDR.
  let svc: Cidr | null = parseCidr(base.serviceCidr, false);
  const svcFlag = flag('service-cluster-ip-range');
  const svcFlagCidr = svcFlag ? ipv4Cidr(svcFlag.value) : null;
  const kubeFirst = (c: Cidr): boolean => kubeIp === null || kubeIp === c.base + 1;
  if (statedSvc) {
    svc = statedSvc;
    checkHolds(stated.serviceCidr!.by, svc, clusterIps, errors, 'ClusterIPs');
  } else if (svcFlag && svcFlagCidr) {
    svc = svcFlagCidr;
    checkHolds(byFlag(svcFlag), svc, clusterIps, errors, 'ClusterIPs');
    inferred.push(say('import.plan.serviceCidr.flag', { cidr: formatCidr(svc), pod: svcFlag.pod }));
  } else if (clusterIps.length > 0 && !(keepFitting && svc && holdsAll(svc, clusterIps) && kubeFirst(svc))) {
    const fences = [
      ...(pod ? [{ range: pod, items: podEvidence, what: 'the Pod CIDR' }] : []),
      ...(underlay && nodeIps.length > 0
        ? [{ range: underlay, items: nodeIps, what: 'the node network' }]
        : []),
    ];
    const got = widen(clusterIps, WIDEN.service, fences, 'the Service CIDR', errors, kubeItem);
    if (got) {
      svc = got.cidr;
      inferred.push(
        kubeItem
          ? say('import.plan.serviceCidr.first', {
              cidr: formatCidr(svc),
              services: names(clusterIps),
              ip: formatIpv4(kubeItem.range.base),
            })
          : say('import.plan.serviceCidr', {
              cidr: formatCidr(svc),
              services: names(clusterIps),
              common: formatCidr(got.common),
            }),
      );
    }
  }
  if (svc) cluster.serviceCidr = formatCidr(svc);

  // 5. The cluster domain, and what no object holds (MTU).
  if (stated.clusterDomain) cluster.clusterDomain = stated.clusterDomain.value;
  else if (!domainFromObjects(input, cluster, inferred, errors))
    inferDomain(input, cluster, inferred, keepFitting);
  if (stated.mtu) cluster.mtu = stated.mtu.value;
  if (stated.underlayGateway) cluster.underlayGateway = stated.underlayGateway.value;

  // kubeadm's validation: the three ranges never overlap (a packet to such an address would be
  // ambiguous). Named by who set each range.
  const named: [string, Cidr | null][] = [
    [stated.underlayCidr?.by ?? 'the node network', underlay],
    [stated.podCidr?.by ?? 'the Pod CIDR', pod],
    [stated.serviceCidr?.by ?? 'the Service CIDR', svc],
  ];
  for (let i = 0; i < named.length; i++)
    for (let j = i + 1; j < named.length; j++) {
      const [na, a] = named[i]!;
      const [nb, b] = named[j]!;
      if (vpc && i === 0 && j === 1) continue; // VPC-native: the Pod CIDR is the node network.
      if (a && b && cidrOverlaps(a, b) && errors.length === 0)
        errors.push(`${na} ${formatCidr(a)} overlaps ${nb} ${formatCidr(b)}: the ranges must not overlap`);
    }

  const hostNet = input.pods.filter((p) => p.spec.hostNetwork);
  if (hostNet.length > 0 && inferred.length > 0)
    inferred.push(
      say('import.plan.hostNetwork', {
        pods: listNames(hostNet.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`)),
      }),
    );
  return { cluster, inferred, errors, ...(result ? { designs: result } : {}) };
}
