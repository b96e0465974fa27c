import { cidrOverlaps, formatCidr, parseCidr } from '../net/cidr';
import { parseIpv4 } from '../net/ipv4';
import type { ClusterNetworks, Problem } from '../model/cluster';
import type { ClusterSettings } from '../model/scenario';

/**
 * Parses and checks the cluster-wide ranges the way kubeadm's validation does: each CIDR must be
 * well formed, and the Pod CIDR, Service CIDR and node network must not overlap (an overlap makes
 * routing ambiguous: a packet to such an address could be a Pod, a Service or a node).
 */
export function parseNetworks(s: ClusterSettings, problems: Problem[]): ClusterNetworks | null {
  const at = (field: string) => `cluster.${field}`;
  const parse = (field: 'underlayCidr' | 'podCidr' | 'serviceCidr') => {
    const c = parseCidr(String(s[field]));
    if (!c) {
      problems.push({
        code: 'INVALID_CIDR',
        path: at(field),
        message: `"${s[field]}" is not an IPv4 CIDR with zero host bits (like 10.244.0.0/16)`,
      });
    }
    return c;
  };
  const underlay = parse('underlayCidr');
  const podCidr = parse('podCidr');
  const serviceCidr = parse('serviceCidr');
  const gateway = parseIpv4(String(s.underlayGateway));
  if (gateway === null) {
    problems.push({
      code: 'INVALID_IP',
      path: at('underlayGateway'),
      message: `"${s.underlayGateway}" is not an IPv4 address`,
    });
  }
  const mask = s.nodeCidrMaskSize;
  if (!Number.isInteger(mask) || mask < 1 || mask > 30 || (podCidr && mask < podCidr.prefix)) {
    problems.push({
      code: 'INVALID_VALUE',
      path: at('nodeCidrMaskSize'),
      message: `node CIDR mask size ${mask} must be an integer between the Pod CIDR's prefix (/${podCidr?.prefix ?? '?'}) and 30`,
    });
  }
  if (!Number.isInteger(s.mtu) || s.mtu < 576 || s.mtu > 9216) {
    problems.push({ code: 'INVALID_VALUE', path: at('mtu'), message: `MTU ${s.mtu} must be 576–9216` });
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
      if (a && b && cidrOverlaps(a, b)) {
        problems.push({
          code: 'CIDR_OVERLAP',
          path: at(nb),
          message: `${nb} ${formatCidr(b)} overlaps ${na} ${formatCidr(a)}`,
        });
      }
    }
  }
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s.clusterDomain)) {
    problems.push({
      code: 'INVALID_VALUE',
      path: at('clusterDomain'),
      message: `"${s.clusterDomain}" is not a DNS domain`,
    });
  }
  if (!underlay || !podCidr || !serviceCidr || gateway === null || problems.length > 0) return null;
  return {
    underlay,
    underlayGateway: gateway,
    podCidr,
    nodeCidrMaskSize: mask,
    serviceCidr,
    clusterDomain: s.clusterDomain,
    mtu: s.mtu,
  };
}
