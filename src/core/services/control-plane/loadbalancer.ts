import { type Cidr, cidr, cidrSize, nthAddress } from '../../net/cidr';
import { type Ipv4, parseIpv4 } from '../../net/ipv4';
import type { K8sService } from '../../model/k8s';
import { serviceKey } from './clusterip';

/**
 * The external load balancer's addresses. A cloud or MetalLB controller, not Kubernetes, fills
 * `status.loadBalancer.ingress` (kubernetes/cloud-provider controllers/service/controller.go); when a scenario gives no status we play that controller
 * and hand out addresses from a pool outside the cluster (TEST-NET-2, RFC 5737), in `ns/name` order.
 */
export const DEFAULT_LB_POOL: Cidr = cidr('198.51.100.0/24');

/** LoadBalancer ingress IPs per Service (`ns/name`); empty for other types. */
export function allocateLoadBalancerIPs(
  services: K8sService[],
  pool: Cidr = DEFAULT_LB_POOL,
): Map<string, Ipv4[]> {
  const out = new Map<string, Ipv4[]>();
  const used = new Set<number>();
  const sorted = [...services].sort((a, b) => (serviceKey(a) < serviceKey(b) ? -1 : 1));
  const waiting: string[] = [];
  for (const s of sorted) {
    if (s.spec.type !== 'LoadBalancer') continue;
    // Ingress entries with ipMode Proxy are not captured by kube-proxy; hostname-only entries carry no IP.
    const given = (s.status?.loadBalancer?.ingress ?? [])
      .map((i) => (i.ip ? parseIpv4(i.ip) : null))
      .filter((ip): ip is Ipv4 => ip !== null);
    if (given.length > 0) {
      given.forEach((ip) => used.add(ip));
      out.set(serviceKey(s), given);
    } else waiting.push(serviceKey(s));
  }
  let next = 10;
  for (const key of waiting) {
    while (next < cidrSize(pool) - 1 && used.has(nthAddress(pool, next))) next++;
    if (next >= cidrSize(pool) - 1) {
      out.set(key, []);
      continue;
    }
    const ip = nthAddress(pool, next++);
    used.add(ip);
    out.set(key, [ip]);
  }
  return out;
}
