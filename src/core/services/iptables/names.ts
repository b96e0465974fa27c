import { formatIpv4 } from '../../net/ipv4';
import { hashPrefix } from '../hash';
import type { EndpointState, ServicePortState } from '../types';

/**
 * iptables chain names exactly as kube-proxy computes them (K8S pkg/proxy/iptables/proxier.go
 * `portProtoHash`, `servicePortEndpointChainName`): 16 base32 chars of
 * sha256(ServicePortName + lower-case protocol [+ "IP:port"]) after a 9-char prefix (8 for KUBE-FW-),
 * always within iptables' 28-character limit.
 */

export interface ServiceChains {
  svc: string;
  svl: string;
  ext: string;
  fw: string;
}

const cache = new WeakMap<ServicePortState, ServiceChains>();

export const protoLower = (sp: ServicePortState): 'tcp' | 'udp' | 'sctp' =>
  sp.protocol.toLowerCase() as 'tcp' | 'udp' | 'sctp';

/** KUBE-SVC/SVL/EXT/FW names of a service port (they share one hash). */
export function serviceChains(sp: ServicePortState): ServiceChains {
  let c = cache.get(sp);
  if (!c) {
    const h = hashPrefix(sp.name + protoLower(sp), 16);
    c = { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
    cache.set(sp, c);
  }
  return c;
}

/** `ip:port` as Go's net.JoinHostPort prints an IPv4 endpoint. */
export const endpointText = (e: { ip: number; port: number }): string =>
  `${formatIpv4(e.ip as EndpointState['ip'])}:${e.port}`;

/** KUBE-SEP-… for one endpoint of a service port. */
export function sepChain(sp: ServicePortState, e: EndpointState): string {
  return `KUBE-SEP-${hashPrefix(sp.name + protoLower(sp) + endpointText(e), 16)}`;
}
