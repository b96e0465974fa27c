import type { Ipv4 } from '../../net/ipv4';
import { categorize, externalPolicyLocal, nodeDependent } from '../categorize';
import type { ServicePortState } from '../types';
import {
  vkey,
  type IpvsPort,
  type RealServer,
  type SharedIpvs,
  type SourceRange,
  type VirtualServer,
} from './types';
import { perState } from '../per-state';

export function compilePort(sp: ServicePortState, nodeName: string | null): IpvsPort {
  const cat = categorize(sp, nodeName);
  const toReal = (e: RealServer) => ({ ip: e.ip, port: e.port });
  const clusterReals = (sp.internalTrafficPolicy === 'Local' ? cat.localEndpoints : cat.clusterEndpoints).map(
    toReal,
  );
  const extReals = (externalPolicyLocal(sp) ? cat.localEndpoints : cat.clusterEndpoints).map(toReal);
  const persistent = sp.sessionAffinity === 'ClientIP' ? sp.affinityTimeoutSeconds : 0;
  const vs = (ip: Ipv4, port: number, kind: VirtualServer['kind'], reals: RealServer[]): VirtualServer => ({
    protocol: sp.protocol,
    vip: ip,
    port,
    persistent,
    reals,
    service: sp.name,
    kind,
    localPolicy: kind !== 'cluster' && externalPolicyLocal(sp),
  });
  const servers = [vs(sp.clusterIP!, sp.port, 'cluster', clusterReals)];
  for (const ip of sp.externalIPs) servers.push(vs(ip, sp.port, 'external', extReals));
  for (const ip of sp.loadBalancerIPs) servers.push(vs(ip, sp.port, 'loadbalancer', extReals));
  const nodePort = sp.nodePort ? vs(0 as Ipv4, sp.nodePort, 'nodeport', extReals) : null;
  return { sp, servers, nodePort, reachable: cat.reachable };
}

export const sharedIpvs = perState((state): SharedIpvs => {
  const virtual = new Map<string, VirtualServer>();
  const nodePorts = new Map<string, VirtualServer>();
  const vips = new Set<number>();
  const ports = state.ports.map((sp) => {
    // Every VIP is bound to kube-ipvs0 whatever the policies (proxier.go `syncService(…, bindAddr=true)`).
    vips.add(sp.clusterIP!);
    for (const ip of [...sp.externalIPs, ...sp.loadBalancerIPs]) vips.add(ip);
    if (nodeDependent(sp)) return null;
    const p = compilePort(sp, null);
    for (const v of p.servers) virtual.set(vkey(v.protocol, v.vip, v.port), v);
    if (p.nodePort) nodePorts.set(vkey(p.nodePort.protocol, 0, p.nodePort.port), p.nodePort);
    return p;
  });
  const healthChecks = new Set(state.ports.map((sp) => sp.healthCheckNodePort).filter((p) => p > 0));
  const sourceRanges = state.ports.flatMap((sp) =>
    sp.loadBalancerIPs.flatMap((ip) =>
      sp.loadBalancerSourceRanges.map((net) => ({
        ip,
        proto: sp.protocol.toLowerCase() as SourceRange['proto'],
        port: sp.port,
        net,
      })),
    ),
  );
  return {
    ports,
    virtual,
    nodePorts,
    vips: [...vips].sort((a, b) => a - b) as Ipv4[],
    vipSet: vips,
    healthChecks,
    sourceRanges,
  };
});
