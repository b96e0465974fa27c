import { describeEnforcement, evaluateFlow } from '../policy';
import type { Decision } from '../policy';
import type { Netns } from '../linux/types';
import { podIdentities } from '../cni/cilium-maps';
import { endpointIdOf } from '../cni/intra-ebpf';
import { FIRST_VETH_IFINDEX } from '../cni/types';
import type { Ipv4 } from '../net/ipv4';
import type { PacketState } from './state';
import type { Walker } from './walker';

/**
 * NetworkPolicy on the path: egress is checked where the source Pod's traffic enters its node
 * (after any Service translation, so against the real destination), ingress just before the
 * destination Pod's veth. With the eBPF design the decision is a policy-map lookup in bpf_lxc;
 * otherwise it is the filter chains a CNI like Calico programs (projectcalico/calico felix/rules/endpoints.go).
 */
function decisionHop(w: Walker, ns: Netns, podIndex: number, d: Decision, st: PacketState): boolean {
  const p = w.world.placement(podIndex);
  const cluster = w.world.cluster;
  const peerPod = cluster.podByIp.get(d.direction === 'egress' ? st.frame.dst : st.frame.src);
  // Where the Pod's host veth runs Cilium's bpf_lxc, policy is a policy-map lookup there;
  // otherwise it is the iptables filter chains a policy agent programs (projectcalico/calico felix/rules/endpoints.go).
  const hostVeth = w.world.nodeNetns(p.node.index).links.find((l) => l.name === p.hostVethName);
  const bpf = hostVeth?.bpf?.some((b) => b.program === 'cil_from_container') ?? false;
  const e = describeEnforcement(bpf ? 'ebpf' : 'routed', d, {
    iface: p.hostVethName,
    endpointId: endpointIdOf(p.hostIfindex - FIRST_VETH_IFINDEX),
    ...(peerPod !== undefined && bpf ? { peerIdentity: podIdentities(cluster)[peerPod]! } : {}),
    ...(w.env.policy ? { index: w.env.policy } : {}),
  });
  const rule = e.rule || e.lines.join('\n') || null;
  const table = w.world.policyNote ? `${e.table} (${w.world.policyNote})` : e.table;
  const key = d.allowed
    ? d.isolated
      ? 'hop.policy.allowed'
      : 'hop.policy.notIsolated'
    : 'hop.policy.denied';
  const args = {
    pod: d.pod ?? '',
    direction: d.direction,
    policies: d.selectedBy.join(', '),
    by: d.allowedBy ? `${d.allowedBy.policy} ${d.direction}[${d.allowedBy.ruleIndex}]` : '',
    explain: d.explain,
  };
  if (!d.allowed) {
    w.drop('POLICY_DENIED', ns.id, p.hostVethName, 'hop.policy.denied', args, st, rule, table);
    return false;
  }
  w.emit('policy', ns.id, p.hostVethName, key, args, rule, table, st);
  return true;
}

/** Egress of the source Pod, once per trace; false if denied. */
export function checkEgress(w: Walker, ns: Netns, st: PacketState): boolean {
  const index = w.env.policy;
  if (!index || w.egressChecked) return true;
  const src = w.world.cluster.podByIp.get(st.frame.src);
  if (src === undefined || w.world.cluster.pods[src]!.nodeIndex !== ns.nodeIndex) return true;
  w.egressChecked = true;
  const v = evaluateFlow(
    index,
    w.world.cluster.pods[src]!,
    { ip: st.frame.dst as Ipv4 },
    st.frame.dstPort,
    st.frame.protocol,
  );
  return decisionHop(w, ns, src, v.egress, st);
}

/** Ingress of the destination Pod, just before its veth; false if denied. */
export function checkIngress(w: Walker, ns: Netns, podIndex: number, st: PacketState): boolean {
  const index = w.env.policy;
  if (!index || ns.kind !== 'node') return true;
  const v = evaluateFlow(
    index,
    { ip: st.frame.src as Ipv4 },
    w.world.cluster.pods[podIndex]!,
    st.frame.dstPort,
    st.frame.protocol,
  );
  return decisionHop(w, ns, podIndex, v.ingress, st);
}
