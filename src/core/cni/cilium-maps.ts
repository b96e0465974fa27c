import { formatCidr } from '../net/cidr';
import { formatIpv4, type Ipv4 } from '../net/ipv4';
import type { Cluster, ClusterPod } from '../model/cluster';
import type { BpfMap } from '../linux/types';

/**
 * Cilium's eBPF maps as cilium-agent fills them (cilium/cilium pkg/maps/policymap, pkg/maps/ipcache): security identities derived from
 * label sets, the cluster-wide `cilium_ipcache` (IP/prefix → identity and, in tunnel mode, the
 * tunnel endpoint = the Node IP hosting it) and the node-local endpoint map `cilium_lxc`.
 */

/** Reserved identities (cilium pkg/identity: host = 1, world = 2, remote-node = 6). */
export const IDENTITY_HOST = 1;
export const IDENTITY_WORLD = 2;
export const IDENTITY_REMOTE_NODE = 6;
/** First identity allocated for a label set (cluster-local identities start at 256). */
const FIRST_IDENTITY = 256;

const identityCache = new WeakMap<Cluster, Int32Array>();

/** The security identity of each Pod: one number per distinct (namespace, labels) set, in Pod order. */
export function podIdentities(cluster: Cluster): Int32Array {
  let ids = identityCache.get(cluster);
  if (ids) return ids;
  ids = new Int32Array(cluster.pods.length);
  const byLabels = new Map<string, number>();
  for (const pod of cluster.pods) {
    const key = `${pod.namespace}|${Object.entries(pod.labels)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}`;
    let id = byLabels.get(key);
    if (id === undefined) {
      id = FIRST_IDENTITY + byLabels.size;
      byLabels.set(key, id);
    }
    ids[pod.index] = id;
  }
  identityCache.set(cluster, ids);
  return ids;
}

export interface IpcacheEntry {
  /** The matched key as `cilium bpf ipcache list` prints it (`10.244.1.5/32`). */
  key: string;
  identity: number;
  /** Node IP to tunnel to (tunnel mode, remote destinations only). */
  tunnelEndpoint: Ipv4 | null;
  /** The Pod this entry describes, if any. */
  pod: ClusterPod | null;
}

/**
 * LPM lookup in `cilium_ipcache` as seen on node `self`: Pods (/32), nodes (/32), remote Pod CIDRs,
 * else world (0.0.0.0/0). Only destinations on other nodes carry a tunnel endpoint.
 */
export function ipcacheLookup(cluster: Cluster, ip: Ipv4, tunnel: boolean, self: number): IpcacheEntry {
  const podIndex = cluster.podByIp.get(ip);
  if (podIndex !== undefined) {
    const pod = cluster.pods[podIndex]!;
    return {
      key: `${formatIpv4(ip)}/32`,
      identity: podIdentities(cluster)[podIndex]!,
      tunnelEndpoint: tunnel && pod.nodeIndex !== self ? cluster.nodes[pod.nodeIndex]!.ip : null,
      pod,
    };
  }
  const nodeIndex = cluster.nodeByIp.get(ip);
  if (nodeIndex !== undefined)
    return { key: `${formatIpv4(ip)}/32`, identity: IDENTITY_REMOTE_NODE, tunnelEndpoint: null, pod: null };
  const mask = cluster.networks.nodeCidrMaskSize;
  const base = (ip & ~(2 ** (32 - mask) - 1)) >>> 0;
  const owner = cluster.nodeByPodCidrBase.get(base);
  if (owner !== undefined) {
    const node = cluster.nodes[owner]!;
    return {
      key: formatCidr(node.podCidr),
      identity: IDENTITY_WORLD,
      tunnelEndpoint: tunnel ? node.ip : null,
      pod: null,
    };
  }
  return { key: '0.0.0.0/0', identity: IDENTITY_WORLD, tunnelEndpoint: null, pod: null };
}

export function formatIpcacheRow(e: IpcacheEntry): string {
  const tunnel = e.tunnelEndpoint === null ? '0.0.0.0' : formatIpv4(e.tunnelEndpoint);
  return `${e.key.padEnd(20)} identity=${e.identity} encryptkey=0 tunnelendpoint=${tunnel}`;
}

/** Rows shown when dumping the ipcache; capped so XL dumps stay readable. */
const DUMP_LIMIT = 400;

/** `cilium_ipcache` as the datapath reads it: an LPM lookup (bpf/lib/eps.h `ipcache_lookup4`). */
export interface IpcacheMap extends BpfMap {
  name: 'cilium_ipcache';
  lookup(ip: Ipv4): IpcacheEntry;
}

/** The node's `cilium_ipcache`, if the netns has one (the eBPF design puts it there). */
export function ipcacheOf(maps: readonly BpfMap[]): IpcacheMap | null {
  return (maps.find((m) => m.name === 'cilium_ipcache' && 'lookup' in m) as IpcacheMap | undefined) ?? null;
}

/**
 * `cilium_ipcache` on node `self` (the same entries everywhere; tunnel endpoints differ for local
 * ones). cilium-agent fills `tunnelendpoint` only in tunnel routing mode (pkg/maps/ipcache,
 * pkg/datapath/linux/ipcache): with native routing every entry says 0.0.0.0.
 */
export function ipcacheMap(cluster: Cluster, tunnel: boolean, self: number): IpcacheMap {
  return {
    name: 'cilium_ipcache',
    lookup: (ip) => ipcacheLookup(cluster, ip, tunnel, self),
    keyHeader: 'IP PREFIX/ADDRESS',
    valueHeader: 'IDENTITY',
    rows() {
      const rows: { key: string; value: string }[] = [];
      for (const node of cluster.nodes) {
        rows.push({
          key: `${formatIpv4(node.ip)}/32`,
          value: `identity=${IDENTITY_REMOTE_NODE} encryptkey=0 tunnelendpoint=0.0.0.0`,
        });
        if (rows.length >= DUMP_LIMIT) break;
      }
      for (const pod of cluster.pods) {
        if (rows.length >= DUMP_LIMIT || pod.hostNetwork) break;
        const e = ipcacheLookup(cluster, pod.ip, tunnel, self);
        const row = formatIpcacheRow(e);
        rows.push({ key: e.key, value: row.slice(row.indexOf('identity=')) });
      }
      return rows;
    },
  };
}

/** One local endpoint in `cilium_lxc`. */
export interface LxcEntry {
  ip: Ipv4;
  endpointId: number;
  identity: number;
  ifindex: number;
  /** MAC of the Pod's eth0. */
  mac: string;
  /** MAC of the host-side lxc device. */
  nodeMac: string;
}

/** `cilium_lxc`: the endpoints (Pods) local to this node and the interface to redirect to. */
export function lxcMap(entries: LxcEntry[]): BpfMap {
  return {
    name: 'cilium_lxc',
    keyHeader: 'ENDPOINT IP',
    valueHeader: 'VALUE',
    rows: () =>
      entries.map((e) => ({
        key: `${formatIpv4(e.ip)}:0`,
        value: formatLxcValue(e),
      })),
  };
}

export function formatLxcValue(e: LxcEntry): string {
  return `id=${e.endpointId} sec_id=${e.identity} flags=0x0000 ifindex=${e.ifindex} mac=${e.mac} nodemac=${e.nodeMac}`;
}
