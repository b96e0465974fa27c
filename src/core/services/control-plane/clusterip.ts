import { type Cidr, cidrContains, cidrSize, nthAddress } from '../../net/cidr';
import { type Ipv4, parseIpv4 } from '../../net/ipv4';
import type { K8sService } from '../../model/k8s';
import { hashUint32 } from '../hash';

/**
 * ClusterIP allocation as the apiserver's service IP allocator does it. kubeadm pins
 * `default/kubernetes` to index 1 and `kube-system/kube-dns` to index 10 of the Service CIDR
 * (kubernetes cmd/kubeadm/app/constants/constants.go GetAPIServerVirtualIP / GetDNSIP). Dynamic allocation prefers the
 * upper band (KEP-3070: the lower "static" band has min(max(16, size/16), 256) addresses); the real
 * allocator picks at random, we pick a hash of `ns/name` so the same scenario gets the same IPs.
 */

export const KUBERNETES_SERVICE_INDEX = 1;
export const DNS_SERVICE_INDEX = 10;

/** Size of the lower (static) band of a Service CIDR (KEP-3070). */
export function staticBandSize(cidr: Cidr): number {
  const size = cidrSize(cidr);
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

/** Result for one Service: an address, `None` (headless) or nothing (ExternalName / range full). */
export type ClusterIpResult = { kind: 'ip'; ip: Ipv4 } | { kind: 'headless' } | { kind: 'none' };

export const serviceKey = (s: K8sService): string =>
  `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;

/** Allocates every Service's ClusterIP; manifest-specified addresses win. Keyed by `ns/name`. */
export function allocateClusterIPs(services: K8sService[], serviceCidr: Cidr): Map<string, ClusterIpResult> {
  const out = new Map<string, ClusterIpResult>();
  const used = new Set<number>();
  const size = cidrSize(serviceCidr);
  const pending: string[] = [];
  // Network and broadcast addresses are never allocated (kubernetes pkg/registry/core/service/ipallocator).
  used.add(serviceCidr.base);
  used.add(serviceCidr.base + size - 1);

  const sorted = [...services].sort((a, b) => (serviceKey(a) < serviceKey(b) ? -1 : 1));
  for (const svc of sorted) {
    const key = serviceKey(svc);
    if (svc.spec.type === 'ExternalName') {
      out.set(key, { kind: 'none' });
      continue;
    }
    const given = svc.spec.clusterIP ?? svc.spec.clusterIPs?.[0];
    if (given === 'None') {
      out.set(key, { kind: 'headless' });
      continue;
    }
    const ip = given ? parseIpv4(given) : null;
    if (ip !== null && !used.has(ip)) {
      used.add(ip);
      out.set(key, { kind: 'ip', ip });
      continue;
    }
    pending.push(key);
  }
  const wellKnown: [string, number][] = [
    ['default/kubernetes', KUBERNETES_SERVICE_INDEX],
    ['kube-system/kube-dns', DNS_SERVICE_INDEX],
  ];
  for (const [key, index] of wellKnown) {
    const at = pending.indexOf(key);
    const ip = nthAddress(serviceCidr, index);
    if (at >= 0 && index < size - 1 && !used.has(ip)) {
      used.add(ip);
      out.set(key, { kind: 'ip', ip });
      pending.splice(at, 1);
    }
  }
  const lower = staticBandSize(serviceCidr);
  for (const key of pending) {
    const ip = pick(serviceCidr, size, lower, hashUint32(key), used);
    if (ip === null) out.set(key, { kind: 'none' });
    else {
      used.add(ip);
      out.set(key, { kind: 'ip', ip });
    }
  }
  return out;
}

/** Linear probe from a hashed start in the upper band, then the lower band. */
function pick(cidr: Cidr, size: number, lower: number, h: number, used: Set<number>): Ipv4 | null {
  const bands: [number, number][] = [
    [lower, size - 1],
    [1, Math.min(lower, size - 1)],
  ];
  for (const [from, to] of bands) {
    const span = to - from;
    if (span <= 0) continue;
    const start = h % span;
    for (let i = 0; i < span; i++) {
      const ip = nthAddress(cidr, from + ((start + i) % span));
      if (!used.has(ip) && cidrContains(cidr, ip)) return ip;
    }
  }
  return null;
}
