import { formatIpv4 } from '../net/ipv4';
import type { ServiceState } from '../services/types';

/**
 * `/etc/resolv.conf` as kubelet computes it for a Pod (K8S pkg/kubelet/network/dns/dns.go; facts
 * §8.1). ClusterFirst (the default): nameserver = the kube-dns ClusterIP, search =
 * `<ns>.svc.<domain> svc.<domain> <domain>` plus the node's own search domains, `options ndots:5`.
 * `Default` copies the node's file; ClusterFirst with hostNetwork falls back to Default unless the
 * policy is ClusterFirstWithHostNet; `None` uses only `spec.dnsConfig` (empty here).
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
}

/** The address of `kube-system/kube-dns` (kubelet `clusterDNS`), or null when the Service is missing. */
export function clusterDnsIp(state: ServiceState): string | null {
  const svc = state.services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
  return svc?.clusterIP != null ? formatIpv4(svc.clusterIP) : null;
}

/** The effective resolv.conf of a Pod; `node` is the node's own file (default: its gateway as resolver). */
export function podResolvConf(client: DnsClient, state: ServiceState, node: ResolvConf): ResolvConf {
  const policy = client.dnsPolicy ?? 'ClusterFirst';
  const clusterFirst =
    policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !client.hostNetwork);
  if (policy === 'None') return { search: [], nameservers: [], options: [] };
  const dns = clusterDnsIp(state);
  if (!clusterFirst || dns === null) return node;
  const d = state.clusterDomain;
  const search = [`${client.namespace}.svc.${d}`, `svc.${d}`, d];
  for (const s of node.search) if (!search.includes(s)) search.push(s);
  return { search, nameservers: [dns], options: ['ndots:5'] };
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
