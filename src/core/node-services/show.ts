import type { Cluster } from '../model/cluster';
import type { ProxyMode } from '../model/scenario';
import type { Netns } from '../linux/types';
import type { ServiceShowWhat } from '../show';
import type { ServiceState } from '../services/types';
import type { RenderWhat } from '../services/proxy/types';
import { nodeRules, proxyModule } from '../services/proxy/registry';
import { podResolvConf, renderResolvConf, type ResolvConf } from '../dns/resolvconf';
import { formatIpv4 } from '../net/ipv4';

/** Which proxy mode prints each Service view, and as which render. */
const VIEW: Record<
  Exclude<ServiceShowWhat, 'resolv.conf'>,
  { mode: ProxyMode; render: RenderWhat; absent: string }
> = {
  'iptables-save': {
    mode: 'iptables',
    render: 'iptables-save',
    absent: '# kube-proxy is not in iptables mode on this node: there are no KUBE-SERVICES chains.\n',
  },
  nft: {
    mode: 'nftables',
    render: 'nft',
    absent:
      'Error: No such file or directory; table ip kube-proxy does not exist (kube-proxy is not in nftables mode).\n',
  },
  ipvsadm: {
    mode: 'ipvs',
    render: 'ipvsadm',
    absent:
      'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n',
  },
  ipset: { mode: 'ipvs', render: 'ipset', absent: '' },
  'ebpf-maps': {
    mode: 'ebpf',
    render: 'bpf-lb',
    absent: '# No eBPF service maps: kube-proxy replacement is off.\n',
  },
};

/** The node's own /etc/resolv.conf: its router as resolver (what CoreDNS forwards to). */
export function nodeResolvConf(cluster: Cluster): ResolvConf {
  return { search: [], nameservers: [formatIpv4(cluster.networks.underlayGateway)], options: [] };
}

/**
 * The Service views of a netns: kube-proxy's rules exist only in node netns (a Pod netns has none);
 * each mode prints its own tool's view, and a view of another mode prints what that tool would say
 * on a node where the mode is off. `resolv.conf` is the Pod's file as kubelet writes it.
 */
export function showServiceView(
  state: ServiceState,
  cluster: Cluster,
  ns: Netns,
  proxy: ProxyMode,
  what: ServiceShowWhat,
): string {
  if (what === 'resolv.conf') {
    if (ns.kind === 'node') return renderResolvConf(nodeResolvConf(cluster));
    const i = cluster.podByKey.get(ns.id);
    const pod = i === undefined ? null : cluster.pods[i]!;
    const spec = i === undefined ? undefined : cluster.scenario.pods[i]?.spec;
    const client = {
      namespace: pod?.namespace ?? 'default',
      hostNetwork: pod?.hostNetwork ?? false,
      ...(spec?.dnsPolicy ? { dnsPolicy: spec.dnsPolicy } : {}),
      ...(spec?.dnsConfig ? { dnsConfig: spec.dnsConfig } : {}),
    };
    return renderResolvConf(podResolvConf(client, state, nodeResolvConf(cluster)));
  }
  if (ns.kind !== 'node') return '';
  const v = VIEW[what];
  // A view exists when the node's proxy mode programs that tool's state (IPVS mode writes
  // iptables rules too), else the tool prints what it prints on a node without it.
  const m = proxyModule(proxy);
  if (!m.renders.includes(v.render)) return v.absent;
  return m.render(
    nodeRules(proxy, state, cluster, ns.nodeIndex, { addresses: () => ns.ownAddresses }),
    v.render,
  );
}
