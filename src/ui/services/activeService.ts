import type { TopologyService } from '../../core/topology/types';
import type { AppState } from '../../store';

/** Does a `vip` argument of a dnat/lb hop (`IP:port`) address this Service (VIP, LB/external IP, NodePort)? */
export function serviceMatchesVip(s: TopologyService, vip: string): boolean {
  const i = vip.lastIndexOf(':');
  const ip = vip.slice(0, i);
  const port = Number(vip.slice(i + 1));
  const ips = [s.clusterIP, ...s.loadBalancerIPs, ...s.externalIPs];
  return s.ports.some((p) => (ips.includes(ip) && p.port === port) || p.nodePort === port);
}

/** The Service the current hop translates for (a DNAT or load-balancer hop), else null. */
export function selectHopService(st: AppState): string | null {
  const hop = st.trace?.hops[st.hopIndex];
  if (!hop || (hop.kind !== 'dnat' && hop.kind !== 'lb')) return null;
  const vip = hop.say.args.vip;
  if (typeof vip !== 'string') return null;
  return st.topology?.services.find((s) => serviceMatchesVip(s, vip))?.key ?? null;
}
