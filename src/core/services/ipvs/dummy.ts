import type { ClusterNode } from '../../model/cluster';
import type { NetnsBuilder } from '../../cni/builder';
import type { Address } from '../../linux/types';
import type { ServiceState } from '../types';
import { perState } from '../per-state';

/** ifindex of kube-ipvs0 on a node (after the design devices, before Pod veths). */
export const KUBE_IPVS0_IFINDEX = 7;

/** The same addresses on every node: built once per control-plane state and shared by every node. */
const collect = perState((state): { addresses: Address[]; ips: Set<number> } => {
  const addresses: Address[] = [];
  const ips = new Set<number>();
  for (const sp of state.ports) {
    for (const ip of [sp.clusterIP, ...sp.externalIPs, ...sp.loadBalancerIPs]) {
      if (ip !== null && !ips.has(ip)) {
        ips.add(ip);
        addresses.push({ dev: 'kube-ipvs0', ip, prefix: 32, scope: 'global' });
      }
    }
  }
  return { addresses, ips };
});

/**
 * What the IPVS proxier programs into a node's netns (K8S pkg/proxy/ipvs/proxier.go
 * `syncProxyRules`: `EnsureDummyDevice(kube-ipvs0)`, then `syncService(…, bindAddr)` for every
 * ClusterIP, externalIP and load-balancer IP): the dummy device with each VIP as a /32, so the
 * kernel treats VIPs as local and IPVS can take them at INPUT. The device is never brought up:
 * `<BROADCAST,NOARP>`, state DOWN.
 */
export function kubeIpvs0(b: NetnsBuilder, _node: ClusterNode, stateOf: () => ServiceState): void {
  b.link({
    ifindex: KUBE_IPVS0_IFINDEX,
    name: 'kube-ipvs0',
    kind: 'dummy',
    mac: '6a:2b:00:00:00:07',
    mtu: 1500,
    state: 'DOWN',
    flags: ['BROADCAST', 'NOARP'],
  });
  b.shared = collect(stateOf());
}
