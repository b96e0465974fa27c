import type { K8sNode, K8sPod, K8sService } from '../../core/model/k8s';
import { type Cidr, broadcastOf, maskOf, parseCidr } from '../../core/net/cidr';
import { type Ipv4, parseIpv4 } from '../../core/net/ipv4';
import { type Obj, isObj } from './reader';

/**
 * What a dump says about its address plan, object by object: the evidence `plan.ts` reasons from.
 * Every item remembers the object and field it came from, so an inference can name its sources
 * and a conflict can name both sides.
 */

/** One address or range seen in an object (an address is a /32). */
export interface Item {
  range: Cidr;
  /** `Node kind-worker spec.podCIDR 10.244.1.0/24`, `Pod default/web-1 status.podIP 10.244.1.2`. */
  who: string;
  /** The object's name as a list shows it (`kind-worker`, `default/web-1`). */
  name: string;
}

/**
 * A control-plane flag read from a static Pod's command line, as kubeadm and kind write them
 * (kubernetes cmd/kubeadm/app/phases/controlplane/manifests.go: `--cluster-cidr`,
 * `--node-cidr-mask-size`, `--service-cluster-ip-range`, `--service-account-issuer`).
 */
export interface PodFlag {
  pod: string;
  flag: 'cluster-cidr' | 'node-cidr-mask-size' | 'service-cluster-ip-range' | 'service-account-issuer';
  value: string;
}

const FLAGS: readonly PodFlag['flag'][] = [
  'cluster-cidr',
  'node-cidr-mask-size',
  'service-cluster-ip-range',
  'service-account-issuer',
];

/** The control-plane flags in a raw Pod object's `command` and `args` (read before the typed reader drops them). */
export function podFlags(raw: Obj, ref: string): PodFlag[] {
  const out: PodFlag[] = [];
  const spec = isObj(raw.spec) ? raw.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  for (const c of containers) {
    if (!isObj(c)) continue;
    for (const list of [c.command, c.args]) {
      if (!Array.isArray(list)) continue;
      // One flag per item, or several in a shell line (`sh -c "exec kube-proxy --cluster-cidr=…"`).
      const words = list.flatMap((arg) => (typeof arg === 'string' ? arg.split(/\s+/) : []));
      for (const word of words) {
        const m = /^--([a-z-]+)=(\S+)$/.exec(word);
        const flag = m?.[1] as PodFlag['flag'] | undefined;
        if (m && flag && FLAGS.includes(flag))
          out.push({ pod: ref, flag, value: m[2]!.replace(/^["']|["']$/g, '') });
      }
    }
  }
  return out;
}

/** The IPv4 member of a dual-stack flag value (`10.244.0.0/16,fd00:10:244::/56`). */
export function ipv4Cidr(value: string): Cidr | null {
  for (const part of value.split(',')) {
    const c = parseCidr(part.trim(), false);
    if (c) return c;
  }
  return null;
}

const host = (ip: Ipv4): Cidr => ({ base: ip, prefix: 32 });
const podRef = (p: K8sPod): string => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;
const svcRef = (s: K8sService): string => `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;

/** A node's first InternalIP (kubelet reports it first; the Node IP). */
export function internalIp(node: K8sNode): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** Nodes' InternalIPs: the node network's evidence. */
export function nodeItems(nodes: readonly K8sNode[]): Item[] {
  const out: Item[] = [];
  for (const n of nodes) {
    const text = internalIp(n);
    const ip = text === undefined ? null : parseIpv4(text);
    if (ip !== null)
      out.push({
        range: host(ip),
        who: `Node ${n.metadata.name} (InternalIP ${text})`,
        name: n.metadata.name,
      });
  }
  return out;
}

/** Nodes' `spec.podCIDR(s)`: the cluster Pod CIDR's first evidence and the per-node mask's only one. */
export function nodeCidrItems(nodes: readonly K8sNode[]): Item[] {
  const out: Item[] = [];
  for (const n of nodes) {
    const seen = new Set<string>();
    for (const t of [n.spec?.podCIDR, ...(n.spec?.podCIDRs ?? [])]) {
      const c = t === undefined ? null : parseCidr(t, false);
      if (!c || seen.has(t!)) continue;
      seen.add(t!);
      out.push({ range: c, who: `Node ${n.metadata.name} (spec.podCIDR ${t})`, name: n.metadata.name });
    }
  }
  return out;
}

/** Pods' own IPs (`status.podIP`), host-network Pods left out: they have their node's IP. */
export function podIpItems(pods: readonly K8sPod[]): Item[] {
  const out: Item[] = [];
  for (const p of pods) {
    if (p.spec.hostNetwork) continue;
    const text = p.status?.podIP;
    const ip = text === undefined ? null : parseIpv4(text);
    if (ip !== null)
      out.push({ range: host(ip), who: `Pod ${podRef(p)} (status.podIP ${text})`, name: podRef(p) });
  }
  return out;
}

/** Services' ClusterIPs (`None`, headless, has none). */
export function clusterIpItems(services: readonly K8sService[]): Item[] {
  const out: Item[] = [];
  for (const s of services) {
    const seen = new Set<string>();
    for (const t of [s.spec.clusterIP, ...(s.spec.clusterIPs ?? [])]) {
      const ip = t === undefined ? null : parseIpv4(t);
      if (ip === null || seen.has(t!)) continue;
      seen.add(t!);
      out.push({ range: host(ip), who: `Service ${svcRef(s)} (clusterIP ${t})`, name: svcRef(s) });
    }
  }
  return out;
}

/** The smallest prefix holding every item (`10.244.0.0/22` for 10.244.0.0/24 … 10.244.2.0/24). */
export function commonPrefix(items: readonly Item[]): Cidr {
  let lo = 0xffffffff;
  let hi = 0;
  let prefix = 32;
  for (const { range } of items) {
    lo = Math.min(lo, range.base);
    hi = Math.max(hi, broadcastOf(range));
    prefix = Math.min(prefix, range.prefix);
  }
  const differ = (lo ^ hi) >>> 0;
  prefix = Math.min(prefix, differ === 0 ? 32 : Math.clz32(differ));
  return { base: ((lo & maskOf(prefix)) >>> 0) as Ipv4, prefix };
}
