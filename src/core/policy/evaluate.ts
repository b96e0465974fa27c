import type { ClusterPod } from '../model/cluster';
import type { Protocol } from '../model/k8s';
import { type Ipv4, formatIpv4 } from '../net/ipv4';
import { type CompiledPolicy, type CompiledRule, type PolicyIndex, groupHasAtom, ipInBlock } from './compile';
import { formatPort, portMatches } from './ports';
import type { Decision, Direction, Endpoint, FlowVerdict } from './types';

/**
 * Evaluating one flow against the compiled NetworkPolicies, the way every conforming plugin must
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/ and the upstream e2e
 * suite test/e2e/network/netpol): a connection needs the source's egress AND the destination's
 * ingress; each side is open unless some policy isolates it, and then the union of the rules of
 * all policies selecting it decides. Reply packets ride on conntrack.
 */

/** Resolves an endpoint: an address that is a Pod's IP becomes that Pod. */
export function resolveEndpoint(index: PolicyIndex, e: Endpoint): ClusterPod | { ip: number } {
  if ('name' in e) return e;
  const p = index.podByIp.get(e.ip);
  return p === undefined ? e : index.pods[p]!;
}

const isPod = (e: ClusterPod | { ip: number }): e is ClusterPod => 'name' in e;
const label = (e: ClusterPod | { ip: number }): string =>
  isPod(e) ? `${e.namespace}/${e.name}` : formatIpv4(e.ip as Ipv4);

/**
 * Whether `other` is `self`'s own node: its node IP, or a hostNetwork Pod on that node (such a Pod
 * is indistinguishable from the node, "Case 2" of the hostNetwork notes in the Kubernetes docs).
 */
export function fromOwnNode(
  index: PolicyIndex,
  self: ClusterPod,
  other: ClusterPod | { ip: number },
): boolean {
  if (isPod(other)) return other.hostNetwork && other.nodeIndex === self.nodeIndex;
  return index.nodeIps[self.nodeIndex] === other.ip;
}

/**
 * The policies that isolate a Pod for a direction, sorted by `ns/name`. hostNetwork Pods are never
 * selected: policy does not apply to the host network namespace.
 */
export function selectingPolicies(
  index: PolicyIndex,
  pod: ClusterPod,
  direction: Direction,
): CompiledPolicy[] {
  if (pod.hostNetwork) return [];
  const group = index.groups[index.groupOfPod[pod.index]!]!;
  const out: CompiledPolicy[] = [];
  for (const atom of group.atoms) {
    const keys = index.policiesByTarget.get(atom);
    if (!keys) continue;
    for (const k of keys) {
      const p = index.policies.get(k)!;
      if ((direction === 'ingress' ? p.ingress : p.egress) !== null) out.push(p);
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Whether a peer atom matches an endpoint (selectors see only non-hostNetwork Pods; ipBlocks see any address). */
export function peerMatches(index: PolicyIndex, atomId: number, e: ClusterPod | { ip: number }): boolean {
  const atom = index.atoms[atomId]!;
  switch (atom.spec.kind) {
    case 'ip':
      return ipInBlock(atom.spec, e.ip);
    case 'none':
      return false;
    default:
      if (!isPod(e) || e.hostNetwork) return false;
      return groupHasAtom(index.groups[index.groupOfPod[e.index]!]!, atomId);
  }
}

function ruleMatches(
  index: PolicyIndex,
  rule: CompiledRule,
  peer: ClusterPod | { ip: number },
  dst: ClusterPod | { ip: number },
  port: number,
  protocol: Protocol,
): { peer: boolean; port: boolean } {
  const peerOk = rule.peers === null || rule.peers.some((a) => peerMatches(index, a, peer));
  const dstPorts = isPod(dst) ? dst.ports : null;
  const portOk = rule.ports === null || rule.ports.some((p) => portMatches(p, port, protocol, dstPorts));
  return { peer: peerOk, port: portOk };
}

function decide(
  index: PolicyIndex,
  direction: Direction,
  self: ClusterPod | { ip: number },
  other: ClusterPod | { ip: number },
  dst: ClusterPod | { ip: number },
  port: number,
  protocol: Protocol,
): Decision {
  const base = {
    direction,
    pod: isPod(self) ? label(self) : null,
    peer: label(other),
    hostNetwork: isPod(self) && self.hostNetwork,
    port,
    protocol,
  };
  const what = `${port}/${protocol}`;
  const toFrom = direction === 'ingress' ? 'from' : 'to';
  if (!isPod(self))
    return {
      ...base,
      isolated: false,
      allowed: true,
      selectedBy: [],
      allowedBy: null,
      explain: `${label(self)} is not a Pod, so no NetworkPolicy applies to its ${direction}.`,
    };
  if (self.hostNetwork)
    return {
      ...base,
      isolated: false,
      allowed: true,
      selectedBy: [],
      allowedBy: null,
      explain: `${base.pod} uses the host network; NetworkPolicy does not apply to hostNetwork Pods.`,
    };
  const policies = selectingPolicies(index, self, direction);
  const selectedBy = policies.map((p) => p.key);
  if (policies.length === 0)
    return {
      ...base,
      isolated: false,
      allowed: true,
      selectedBy,
      allowedBy: null,
      explain: `No NetworkPolicy selects ${base.pod} for ${direction}, so it is not isolated and all ${direction} is allowed.`,
    };
  // "If a Pod is isolated for ingress, the only allowed connections into the Pod are those from the
  // Pod's node and those allowed by the ingress list" (Kubernetes docs, "The two sorts of pod isolation").
  if (direction === 'ingress' && fromOwnNode(index, self, other))
    return {
      ...base,
      isolated: true,
      allowed: true,
      selectedBy,
      allowedBy: null,
      explain: `${base.pod} is isolated for ingress, but traffic from its own node (${label(other)}) is always allowed.`,
    };
  let nearMiss = '';
  for (const p of policies) {
    const rules = (direction === 'ingress' ? p.ingress : p.egress)!;
    for (const r of rules) {
      const m = ruleMatches(index, r, other, dst, port, protocol);
      if (m.peer && m.port)
        return {
          ...base,
          isolated: true,
          allowed: true,
          selectedBy,
          allowedBy: { policy: p.key, ruleIndex: r.index, direction },
          explain: `${base.pod} is isolated for ${direction} by ${selectedBy.join(', ')}; rule ${direction}[${r.index}] of ${p.key} allows ${toFrom} ${label(other)} on ${what}.`,
        };
      if (m.peer && !nearMiss)
        nearMiss = ` (rule ${direction}[${r.index}] of ${p.key} matches ${label(other)} but only ports ${(r.ports ?? []).map(formatPort).join(', ')})`;
    }
  }
  const none = policies.every((p) => (direction === 'ingress' ? p.ingress : p.egress)!.length === 0);
  return {
    ...base,
    isolated: true,
    allowed: false,
    selectedBy,
    allowedBy: null,
    explain: none
      ? `${base.pod} is isolated for ${direction} by ${selectedBy.join(', ')}, which list no ${direction} rules: all ${direction} is denied.`
      : `${base.pod} is isolated for ${direction} by ${selectedBy.join(', ')}; no rule allows ${toFrom} ${label(other)} on ${what}${nearMiss}, so the packet is dropped.`,
  };
}

/**
 * The NetworkPolicy verdict of one connection attempt (its first packet) from `src` to `dst` on
 * `port/protocol`: the source's egress decision and the destination's ingress decision.
 */
export function evaluateFlow(
  index: PolicyIndex,
  src: Endpoint,
  dst: Endpoint,
  port: number,
  protocol: Protocol,
): FlowVerdict {
  const s = resolveEndpoint(index, src);
  const d = resolveEndpoint(index, dst);
  const egress = decide(index, 'egress', s, d, d, port, protocol);
  const ingress = decide(index, 'ingress', d, s, d, port, protocol);
  return { allowed: egress.allowed && ingress.allowed, egress, ingress };
}

/**
 * Reply traffic of a connection: NetworkPolicy is stateful, so the packets of an allowed
 * connection in the reverse direction are accepted by conntrack (`ctstate RELATED,ESTABLISHED`
 * in Calico's chains, the CT map in Cilium) without consulting the rules again.
 */
export function replyAllowed(forward: FlowVerdict): { allowed: boolean; explain: string } {
  return forward.allowed
    ? {
        allowed: true,
        explain: `Reply of an allowed connection (${forward.ingress.peer} → ${forward.egress.peer}): conntrack state ESTABLISHED, accepted without policy lookup.`,
      }
    : {
        allowed: false,
        explain: 'No connection was established (the request was denied), so there is no reply to allow.',
      };
}
