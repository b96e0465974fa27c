import { cidrContains, formatCidr, type Cidr } from '../../net/cidr';
import { formatIpv4, type Ipv4 } from '../../net/ipv4';
import { hashUint32 } from '../hash';

/**
 * The ipsets kube-proxy's IPVS mode creates (K8S pkg/proxy/ipvs/proxier.go `ipsetInfo`, names and
 * comments from pkg/proxy/ipvs/ipset.go). Every set is created on every sync, empty or not, so
 * `ipset list` always shows all seventeen; the iptables rules that use a set are written only
 * when it has members (`writeIptablesRules` checks `isEmpty()`).
 */

export type IpsetType = 'hash:ip' | 'hash:ip,port' | 'hash:ip,port,ip' | 'hash:ip,port,net' | 'bitmap:port';

export interface IpsetInfo {
  name: string;
  type: IpsetType;
  comment: string;
}

/** `ipsetInfo`, in upstream's order. */
export const IPSET_INFO: readonly IpsetInfo[] = [
  {
    name: 'KUBE-LOOP-BACK',
    type: 'hash:ip,port,ip',
    comment: 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose',
  },
  {
    name: 'KUBE-CLUSTER-IP',
    type: 'hash:ip,port',
    comment: 'Kubernetes service cluster ip + port for masquerade purpose',
  },
  {
    name: 'KUBE-EXTERNAL-IP',
    type: 'hash:ip,port',
    comment: 'Kubernetes service external ip + port for masquerade and filter purpose',
  },
  {
    name: 'KUBE-EXTERNAL-IP-LOCAL',
    type: 'hash:ip,port',
    comment: 'Kubernetes service external ip + port with externalTrafficPolicy=local',
  },
  { name: 'KUBE-LOAD-BALANCER', type: 'hash:ip,port', comment: 'Kubernetes service lb portal' },
  {
    name: 'KUBE-LOAD-BALANCER-FW',
    type: 'hash:ip,port',
    comment: 'Kubernetes service load balancer ip + port for load balancer with sourceRange',
  },
  {
    name: 'KUBE-LOAD-BALANCER-LOCAL',
    type: 'hash:ip,port',
    comment: 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local',
  },
  {
    name: 'KUBE-LOAD-BALANCER-SOURCE-IP',
    type: 'hash:ip,port,ip',
    comment: 'Kubernetes service load balancer ip + port + source IP for packet filter purpose',
  },
  {
    name: 'KUBE-LOAD-BALANCER-SOURCE-CIDR',
    type: 'hash:ip,port,net',
    comment: 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose',
  },
  {
    name: 'KUBE-NODE-PORT-TCP',
    type: 'bitmap:port',
    comment: 'Kubernetes nodeport TCP port for masquerade purpose',
  },
  {
    name: 'KUBE-NODE-PORT-LOCAL-TCP',
    type: 'bitmap:port',
    comment: 'Kubernetes nodeport TCP port with externalTrafficPolicy=local',
  },
  {
    name: 'KUBE-NODE-PORT-UDP',
    type: 'bitmap:port',
    comment: 'Kubernetes nodeport UDP port for masquerade purpose',
  },
  {
    name: 'KUBE-NODE-PORT-LOCAL-UDP',
    type: 'bitmap:port',
    comment: 'Kubernetes nodeport UDP port with externalTrafficPolicy=local',
  },
  {
    name: 'KUBE-NODE-PORT-SCTP-HASH',
    type: 'hash:ip,port',
    comment: "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'",
  },
  {
    name: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH',
    type: 'hash:ip,port',
    comment: "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'",
  },
  { name: 'KUBE-HEALTH-CHECK-NODE-PORT', type: 'bitmap:port', comment: 'Kubernetes health check node port' },
  { name: 'KUBE-IPVS-IPS', type: 'hash:ip', comment: 'Addresses on the ipvs interface' },
];

export const ipsetInfo = (name: string): IpsetInfo => IPSET_INFO.find((s) => s.name === name)!;

/** Entry spellings of pkg/proxy/ipvs/ipset `Entry.String`. */
export const entryIpPort = (ip: Ipv4, proto: string, port: number) => `${formatIpv4(ip)},${proto}:${port}`;
export const entryIpPortIp = (ip: Ipv4, proto: string, port: number, ip2: Ipv4) =>
  `${entryIpPort(ip, proto, port)},${formatIpv4(ip2)}`;
export const entryIpPortNet = (ip: Ipv4, proto: string, port: number, net: Cidr) =>
  `${entryIpPort(ip, proto, port)},${formatCidr(net)}`;

/** Does a `hash:ip,port,net` member list hold (dst, proto:port, src in net)? */
export function inSourceCidrs(
  members: readonly { ip: Ipv4; proto: string; port: number; net: Cidr }[],
  dst: Ipv4,
  proto: string,
  port: number,
  src: Ipv4,
): boolean {
  return members.some(
    (m) => m.ip === dst && m.proto === proto && m.port === port && cidrContains(m.net, src),
  );
}

/**
 * The kernel's set revision and the `Header:` line `ipset list` prints (ipset 7.x userspace on a
 * 5.x+ kernel: hash types carry `bucketsize 12` and a random `initval`, here hashed from the
 * name so the view is reproducible; kube-proxy creates hash sets with `family inet hashsize 1024
 * maxelem 65536` and bitmap sets with `range 0-65535`, util/ipset `createSet`).
 */
function header(s: IpsetInfo): { revision: number; header: string } {
  if (s.type === 'bitmap:port') return { revision: 3, header: 'range 0-65535' };
  const initval = (hashUint32(s.name) >>> 0).toString(16).padStart(8, '0');
  return {
    revision: s.type === 'hash:ip,port,net' ? 8 : 6,
    header: `family inet hashsize 1024 maxelem 65536 bucketsize 12 initval 0x${initval}`,
  };
}

/** `ipset list`: every set kube-proxy created, in `ipsetInfo` order, with its members. */
export function renderIpsetList(
  members: (name: string) => string[],
  references: (name: string) => number,
): string {
  const out: string[] = [];
  for (const s of IPSET_INFO) {
    const h = header(s);
    const m = members(s.name);
    out.push(
      `Name: ${s.name}`,
      `Type: ${s.type}`,
      `Revision: ${h.revision}`,
      `Header: ${h.header}`,
      `References: ${references(s.name)}`,
      `Number of entries: ${m.length}`,
      'Members:',
      ...m,
      '',
    );
  }
  return out.join('\n');
}
