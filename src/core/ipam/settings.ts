import { isDns1123Subdomain } from '../model/validate-names';
import { cidrOverlaps, formatCidr, parseCidr } from '../net/cidr';
import { parseIpv4 } from '../net/ipv4';
import type { ClusterNetworks, Problem } from '../model/cluster';
import type { ClusterSettings } from '../model/scenario';
import { problem } from '../model/problem-messages';

/**
 * Parses and checks the cluster-wide ranges the way kubeadm's validation does: each CIDR must be
 * well formed, and the Pod CIDR, Service CIDR and node network must not overlap (an overlap makes
 * routing ambiguous: a packet to such an address could be a Pod, a Service or a node).
 */
export function parseNetworks(
  s: ClusterSettings,
  problems: Problem[],
  /** Pods live on the node network (VPC-native): the Pod CIDR is the node network itself. */
  podsOnNodeNetwork = false,
): ClusterNetworks | null {
  const at = (field: string) => `cluster.${field}`;
  const parse = (field: 'underlayCidr' | 'podCidr' | 'serviceCidr') => {
    const c = parseCidr(String(s[field]));
    if (!c) {
      problems.push(problem('INVALID_CIDR', at(field), 'problem.cluster.cidr', { value: String(s[field]) }));
    }
    return c;
  };
  const underlay = parse('underlayCidr');
  const podCidr = parse('podCidr');
  const serviceCidr = parse('serviceCidr');
  const gateway = parseIpv4(String(s.underlayGateway));
  if (gateway === null) {
    problems.push(
      problem('INVALID_IP', at('underlayGateway'), 'problem.cluster.gateway', {
        value: String(s.underlayGateway),
      }),
    );
  }
  const mask = s.nodeCidrMaskSize;
  if (!Number.isInteger(mask) || mask < 1 || mask > 30 || (podCidr && mask < podCidr.prefix)) {
    problems.push(
      problem('INVALID_VALUE', at('nodeCidrMaskSize'), 'problem.cluster.nodeMask', {
        mask: String(mask),
        prefix: String(podCidr?.prefix ?? '?'),
      }),
    );
  }
  if (!Number.isInteger(s.mtu) || s.mtu < 576 || s.mtu > 9216) {
    problems.push(problem('INVALID_VALUE', at('mtu'), 'problem.cluster.mtu', { mtu: String(s.mtu) }));
  }
  const named = [
    ['underlayCidr', underlay],
    ['podCidr', podCidr],
    ['serviceCidr', serviceCidr],
  ] as const;
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      const [na, a] = named[i]!;
      const [nb, b] = named[j]!;
      if (podsOnNodeNetwork && na === 'underlayCidr' && nb === 'podCidr') continue;
      if (a && b && cidrOverlaps(a, b)) {
        problems.push(
          problem('CIDR_OVERLAP', at(nb), 'problem.cluster.overlap', {
            field: nb,
            cidr: formatCidr(b),
            otherField: na,
            other: formatCidr(a),
          }),
        );
      }
    }
  }
  if (!isDns1123Subdomain(String(s.clusterDomain))) {
    problems.push(
      problem('INVALID_VALUE', at('clusterDomain'), 'problem.cluster.domain', {
        value: String(s.clusterDomain),
      }),
    );
  }
  if (!underlay || !podCidr || !serviceCidr || gateway === null || problems.length > 0) return null;
  return {
    underlay,
    underlayGateway: gateway,
    podCidr: podsOnNodeNetwork ? underlay : podCidr,
    nodeCidrMaskSize: podsOnNodeNetwork ? underlay.prefix : mask,
    serviceCidr,
    clusterDomain: s.clusterDomain,
    mtu: s.mtu,
  };
}
