import { formatIpv4 } from '../net/ipv4';
import type { ServiceState } from '../services/types';
import { serviceNamed } from '../services/lookup';
import type { PodDnsConfig } from '../model/k8s';

/**
 * `/etc/resolv.conf` as kubelet computes it for a Pod (kubernetes/kubernetes
 * pkg/kubelet/network/dns/dns.go `GetPodDNS`, `getPodDNSType`, `appendDNSConfig`,
 * `formDNSConfigFitsLimits`):
 * - `ClusterFirst` (the default): nameserver = the kube-dns ClusterIP, search =
 *   `<ns>.svc.<domain> svc.<domain> <domain>` plus the node's own search domains, `options ndots:5`;
 *   a hostNetwork Pod falls back to `Default` unless its policy is `ClusterFirstWithHostNet`.
 * - `Default`: the node's own file. `None`: an empty base.
 * - `spec.dnsConfig` is then appended to whichever base: nameservers and searches added with
 *   duplicates removed, options merged by name (a dnsConfig option replaces the base's value).
 * - The result is cut to 3 nameservers and 32 search domains (MaxDNSNameservers, MaxDNSSearchPaths).
 */

export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

export interface ResolvConf {
  search: string[];
  nameservers: string[];
  options: string[];
}

/** Who is asking: a Pod's namespace and DNS settings. */
export interface DnsClient {
  namespace: string;
  dnsPolicy?: DnsPolicy;
  hostNetwork?: boolean;
  dnsConfig?: PodDnsConfig;
}

/** dns.go limits: validation.MaxDNSNameservers and MaxDNSSearchPaths. */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

/** The address of `kube-system/kube-dns` (kubelet `clusterDNS`), or null when the Service is missing. */
export function clusterDnsIp(state: ServiceState): string | null {
  const svc = serviceNamed(state, 'kube-system', 'kube-dns');
  return svc?.clusterIP != null ? formatIpv4(svc.clusterIP) : null;
}

const unique = (list: string[]): string[] => [...new Set(list)];

/** `mergeDNSOptions`: options by name, a dnsConfig option overriding the base's (base order, then new). */
function mergeOptions(base: string[], extra: NonNullable<PodDnsConfig['options']>): string[] {
  const byName = new Map<string, string>();
  for (const op of base) {
    const i = op.indexOf(':');
    byName.set(i === -1 ? op : op.slice(0, i), i === -1 ? '' : op.slice(i + 1));
  }
  for (const op of extra) byName.set(op.name, op.value ?? '');
  return [...byName].map(([name, value]) => (value ? `${name}:${value}` : name));
}

/** The effective resolv.conf of a Pod; `node` is the node's own file (default: its gateway as resolver). */
export function podResolvConf(client: DnsClient, state: ServiceState, node: ResolvConf): ResolvConf {
  const policy = client.dnsPolicy ?? 'ClusterFirst';
  const clusterFirst =
    policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !client.hostNetwork);
  const dns = clusterDnsIp(state);
  let base: ResolvConf;
  if (policy === 'None') base = { search: [], nameservers: [], options: [] };
  else if (!clusterFirst || dns === null) base = { ...node };
  else {
    const d = state.clusterDomain;
    base = {
      search: unique([`${client.namespace}.svc.${d}`, `svc.${d}`, d, ...node.search]),
      nameservers: [dns],
      options: ['ndots:5'],
    };
  }
  const cfg = client.dnsConfig;
  const merged: ResolvConf = cfg
    ? {
        nameservers: unique([...base.nameservers, ...(cfg.nameservers ?? [])]),
        search: unique([...base.search, ...(cfg.searches ?? [])]),
        options: cfg.options ? mergeOptions(base.options, cfg.options) : base.options,
      }
    : base;
  return {
    nameservers: merged.nameservers.slice(0, MAX_NAMESERVERS),
    search: merged.search.slice(0, MAX_SEARCHES),
    options: merged.options,
  };
}

/** The file as containerd writes it: search, nameserver, options lines. */
export function renderResolvConf(rc: ResolvConf): string {
  const lines: string[] = [];
  if (rc.search.length) lines.push(`search ${rc.search.join(' ')}`);
  for (const n of rc.nameservers) lines.push(`nameserver ${n}`);
  if (rc.options.length) lines.push(`options ${rc.options.join(' ')}`);
  return lines.join('\n') + '\n';
}

/** `ndots` from the options (resolv.conf(5) default 1). */
export function ndotsOf(rc: ResolvConf): number {
  const o = rc.options.find((x) => x.startsWith('ndots:'));
  return o ? Number(o.slice(6)) : 1;
}
