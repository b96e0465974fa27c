import type { ClusterNode } from '../model/cluster';
import type { NetnsBuilder } from '../cni/builder';
import type { ServiceState } from '../services/types';
import type { Address } from '../linux/types';

/** ifindex of kube-ipvs0 on a node (after the design devices, before Pod veths). */
const KUBE_IPVS0_IFINDEX = 7;

/**
 * kube-proxy in IPVS mode binds every ClusterIP, externalIP and load-balancer IP to the dummy
 * device `kube-ipvs0` as a /32, so the kernel treats VIPs as local and IPVS can grab them at
 * INPUT. The device is never brought up: `<BROADCAST,NOARP>` and state DOWN (kubernetes pkg/proxy/ipvs/proxier.go).
 */
export function kubeIpvs0Decorator(
  stateOf: () => ServiceState,
): (b: NetnsBuilder, node: ClusterNode) => void {
  // The same addresses on every node: built once and shared by every node's address list.
  let vips: { addresses: Address[]; ips: Set<number> } | null = null;
  const collect = (state: ServiceState): { addresses: Address[]; ips: Set<number> } => {
    const list: Address[] = [];
    const seen = new Set<number>();
    for (const sp of state.ports) {
      for (const ip of [sp.clusterIP, ...sp.externalIPs, ...sp.loadBalancerIPs]) {
        if (ip !== null && !seen.has(ip)) {
          seen.add(ip);
          list.push({ dev: 'kube-ipvs0', ip, prefix: 32, scope: 'global' });
        }
      }
    }
    return { addresses: list, ips: seen };
  };
  return (b) => {
    vips ??= collect(stateOf());
    b.link({
      ifindex: KUBE_IPVS0_IFINDEX,
      name: 'kube-ipvs0',
      kind: 'dummy',
      mac: '6a:2b:00:00:00:07',
      mtu: 1500,
      state: 'DOWN',
      flags: ['BROADCAST', 'NOARP'],
    });
    b.shared = vips;
  };
}
