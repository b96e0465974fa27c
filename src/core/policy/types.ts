import type { Ipv4 } from '../net/ipv4';
import type { ClusterPod } from '../model/cluster';
import type { Protocol } from '../model/k8s';

/**
 * Shared result types of NetworkPolicy evaluation (networking.k8s.io/v1 semantics, see
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/). Plain JSON.
 */

/** Which side of a flow a policy governs: `Ingress` isolates the destination, `Egress` the source. */
export type Direction = 'ingress' | 'egress';

/**
 * One end of a flow: a Pod of the cluster, or a bare address (an external client, a node's IP).
 * An address that is some Pod's IP is resolved to that Pod, as a CNI's ipsets/identities would.
 */
export type Endpoint = ClusterPod | { ip: Ipv4 };

/** The policy rule that allowed a direction: `ns/name`, the index in `spec.ingress`/`spec.egress`. */
export interface AllowedBy {
  policy: string;
  ruleIndex: number;
  direction: Direction;
}

/**
 * The verdict of one direction of a flow. A Pod is isolated for a direction only when some policy
 * selects it and lists that direction in its (defaulted) `policyTypes`; then the union of the
 * rules of all those policies decides.
 */
export interface Decision {
  direction: Direction;
  /** The Pod this direction belongs to (`NS/POD`), null when that end is not a Pod. */
  pod: string | null;
  /** The other end: `NS/POD` or a dotted-quad address. */
  peer: string;
  port: number;
  protocol: Protocol;
  /** The Pod uses the host network: NetworkPolicy does not apply to it. */
  hostNetwork: boolean;
  isolated: boolean;
  allowed: boolean;
  /** `ns/name` of every policy selecting the Pod for this direction, sorted. */
  selectedBy: string[];
  allowedBy: AllowedBy | null;
  /** Why, in one English sentence. */
  explain: string;
}

/** A flow needs the source's egress AND the destination's ingress. */
export interface FlowVerdict {
  allowed: boolean;
  egress: Decision;
  ingress: Decision;
}

/** One port/protocol a reachability matrix or probe list is computed for. */
export interface PortProto {
  port: number;
  protocol: Protocol;
}
