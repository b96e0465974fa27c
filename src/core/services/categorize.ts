import type { EndpointState, ServicePortState } from './types';

/**
 * kube-proxy's endpoint selection per node (K8S pkg/proxy/topology.go `CategorizeEndpoints`, and
 * the `UsesClusterEndpoints` / `UsesLocalEndpoints` helpers of pkg/proxy/serviceport.go): which
 * endpoints the "Cluster" and "Local" policy chains list on a given node, with the fallback to
 * serving-and-terminating endpoints when nothing is ready. Shared by every proxy mode.
 */

/** NodePort, LoadBalancer IP or externalIP: the service has "external" destinations. */
export const externallyAccessible = (sp: ServicePortState): boolean =>
  sp.nodePort !== 0 || sp.loadBalancerIPs.length > 0 || sp.externalIPs.length > 0;

export const externalPolicyLocal = (sp: ServicePortState): boolean =>
  externallyAccessible(sp) && sp.externalTrafficPolicy === 'Local';

export const internalPolicyLocal = (sp: ServicePortState): boolean => sp.internalTrafficPolicy === 'Local';

export const usesClusterEndpoints = (sp: ServicePortState): boolean =>
  !internalPolicyLocal(sp) || externallyAccessible(sp);

export const usesLocalEndpoints = (sp: ServicePortState): boolean =>
  internalPolicyLocal(sp) || externalPolicyLocal(sp);

/** True when the rules for this port differ from node to node (a Local policy is in play). */
export const nodeDependent = usesLocalEndpoints;

export interface Categorized {
  clusterEndpoints: EndpointState[];
  localEndpoints: EndpointState[];
  /** Endpoints that get a KUBE-SEP chain on this node (cluster ∪ local). */
  reachable: EndpointState[];
  /** Some usable endpoint exists anywhere in the cluster. */
  hasAny: boolean;
}

/** Splits a port's endpoints for the node named `nodeName` (null: a node-independent view). */
export function categorize(sp: ServicePortState, nodeName: string | null): Categorized {
  const eps = sp.endpoints;
  let clusterEndpoints: EndpointState[] = [];
  let localEndpoints: EndpointState[] = [];
  let hasAny = false;
  if (usesClusterEndpoints(sp)) {
    clusterEndpoints = eps.filter((e) => e.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = eps.filter((e) => e.serving && e.terminating);
    hasAny = clusterEndpoints.length > 0;
  }
  if (!usesLocalEndpoints(sp))
    return { clusterEndpoints, localEndpoints, reachable: clusterEndpoints, hasAny };
  const isLocal = (e: EndpointState) => nodeName !== null && e.nodeName === nodeName;
  let localReady = false;
  let localTerminating = false;
  for (const e of eps) {
    if (e.ready) {
      hasAny = true;
      if (isLocal(e)) localReady = true;
    } else if (e.serving && e.terminating) {
      hasAny = true;
      if (isLocal(e)) localTerminating = true;
    }
  }
  if (localReady) localEndpoints = eps.filter((e) => isLocal(e) && e.ready);
  else if (localTerminating) localEndpoints = eps.filter((e) => isLocal(e) && e.serving && e.terminating);
  if (!usesClusterEndpoints(sp))
    return { clusterEndpoints, localEndpoints, reachable: localEndpoints, hasAny };
  const seen = new Set(clusterEndpoints);
  const reachable = [...clusterEndpoints, ...localEndpoints.filter((e) => !seen.has(e))];
  return { clusterEndpoints, localEndpoints, reachable, hasAny };
}

/** Which chains a port's rules jump to, decided the same way by every rule-writing proxy mode. */
export interface PolicyChains<C> {
  /** The "Cluster" policy chain lists endpoints on this node. */
  usesClusterChain: boolean;
  /** The "Local" policy chain lists endpoints on this node. */
  usesLocalChain: boolean;
  /** Where traffic to the ClusterIP goes, and whether it has anywhere to go. */
  internalChain: C;
  hasInternal: boolean;
  /** Where external traffic goes once the masquerade decision is made, and whether it can. */
  externalPolicyChain: C;
  hasExternal: boolean;
  /** NodePort / LB / externalIP rules are written (an external chain exists). */
  usesExternal: boolean;
  /** The LB has source ranges: its traffic goes through the firewall chain first. */
  usesFirewall: boolean;
}

/**
 * The policy-chain choice of kube-proxy's iptables and nftables proxiers (K8S
 * pkg/proxy/iptables/proxier.go and pkg/proxy/nftables/proxier.go `syncProxyRules`: "internal
 * traffic" goes to the Local chain under internalTrafficPolicy Local, "external traffic" to the
 * Local chain under externalTrafficPolicy Local; with no local endpoint there, the port rejects).
 */
export function policyChains<C>(sp: ServicePortState, cat: Categorized, svc: C, local: C): PolicyChains<C> {
  const { clusterEndpoints, localEndpoints, hasAny } = cat;
  const intLocal = internalPolicyLocal(sp);
  const extLocal = externalPolicyLocal(sp);
  return {
    usesClusterChain: clusterEndpoints.length > 0 && usesClusterEndpoints(sp),
    usesLocalChain: localEndpoints.length > 0 && usesLocalEndpoints(sp),
    internalChain: intLocal ? local : svc,
    hasInternal: hasAny && !(intLocal && localEndpoints.length === 0),
    externalPolicyChain: extLocal ? local : svc,
    hasExternal: hasAny && !(extLocal && localEndpoints.length === 0),
    usesExternal: hasAny && externallyAccessible(sp),
    usesFirewall: hasAny && sp.loadBalancerIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0,
  };
}
