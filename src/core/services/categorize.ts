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
