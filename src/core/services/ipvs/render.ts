import { formatIpv4 } from '../../net/ipv4';
import { KUBE_IPVS0_IFINDEX } from './dummy';
import type { IpvsRules, RealServer, VirtualServer } from './types';

const pad = (s: string, n: number) => s.padEnd(n);
export const serviceLine = (v: VirtualServer) =>
  `${pad(v.protocol, 4)} ${formatIpv4(v.vip)}:${v.port} rr${v.persistent ? ` persistent ${v.persistent}` : ''}`;
export const realLine = (r: RealServer) =>
  `  -> ${pad(`${formatIpv4(r.ip)}:${r.port}`, 28)} ${pad('Masq', 7)} ${pad('1', 6)} ${pad('0', 10)} 0`;

/** `ipvsadm -Ln` (format from the kube-proxy IPVS README; version/size come from the kernel module). */
export function renderIpvsadm(r: IpvsRules): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  const sorted = [...r.virtual.values()].sort(
    (a, b) => a.protocol.localeCompare(b.protocol) || a.vip - b.vip || a.port - b.port,
  );
  for (const v of sorted) {
    lines.push(serviceLine(v));
    for (const real of v.reals) lines.push(realLine(real));
  }
  return lines.join('\n') + '\n';
}

/** `ip -4 addr show kube-ipvs0` (the device is never brought up). */
export function renderKubeIpvs0(r: IpvsRules): string {
  const lines = [
    `${KUBE_IPVS0_IFINDEX}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default`,
  ];
  for (const ip of r.vips)
    lines.push(
      `    inet ${formatIpv4(ip)}/32 scope global kube-ipvs0`,
      '       valid_lft forever preferred_lft forever',
    );
  return lines.join('\n') + '\n';
}

/** References of a set: the iptables rules that match on it (`ipset list` `References:`). */
export function setReferences(r: IpvsRules, name: string): number {
  let n = 0;
  for (const t of [r.netfilter.nat, r.netfilter.filter])
    for (const rules of t.local.values())
      for (const x of rules) if (x.parts.some((p) => p.t === 'set' && p.name === name)) n++;
  return n;
}
