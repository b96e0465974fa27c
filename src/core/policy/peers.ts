import type { NetworkPolicyPeer } from '../model/k8s';
import { maskOf, parseCidr } from '../net/cidr';
import type { Say } from '../trace/types';
import type { AtomSpec } from './compile';
import { type CompiledSelector, compileSelector } from './selector';

/**
 * A NetworkPolicy peer (or target podSelector) as the atom it selects, with the API server's
 * validation of the peer (K8S pkg/apis/networking/validation: an ipBlock may not be combined with a
 * selector, a peer needs at least one of them, CIDRs must parse). `podSelector` alone means the
 * policy's own namespace; with `namespaceSelector` the Pods of the matching namespaces.
 */

/** A problem as a key of core/model/problem-messages.ts (the policy's name is added). */
export type ProblemFn = (where: string, message: Say) => void;

export function podsAtom(
  namespace: string,
  sel: CompiledSelector,
  problem: ProblemFn,
  where: string,
): AtomSpec {
  for (const m of sel.problems) problem(where, m);
  return { kind: 'pods', namespace, pod: sel };
}

export function peerAtom(
  namespace: string,
  peer: NetworkPolicyPeer,
  problem: ProblemFn,
  where: string,
): AtomSpec {
  const hasPod = peer.podSelector !== undefined && peer.podSelector !== null;
  const hasNs = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
  if (peer.ipBlock) {
    if (hasPod || hasNs) {
      problem(where, { key: 'problem.policy.peerMixed', args: {} });
      return { kind: 'none' };
    }
    const c = parseCidr(peer.ipBlock.cidr ?? '', false);
    if (!c) {
      problem(`${where}.ipBlock.cidr`, {
        key: 'problem.policy.cidr',
        args: { cidr: String(peer.ipBlock.cidr) },
      });
      return { kind: 'none' };
    }
    const mask = maskOf(c.prefix);
    const except: { base: number; mask: number }[] = [];
    for (const e of peer.ipBlock.except ?? []) {
      const x = parseCidr(e, false);
      if (!x) problem(`${where}.ipBlock.except`, { key: 'problem.policy.cidr', args: { cidr: String(e) } });
      else except.push({ base: x.base, mask: maskOf(x.prefix) });
    }
    const text = `${peer.ipBlock.cidr}${(peer.ipBlock.except ?? []).length ? ` except ${(peer.ipBlock.except ?? []).join(',')}` : ''}`;
    return { kind: 'ip', text, base: c.base, mask, except };
  }
  if (!hasPod && !hasNs) {
    problem(where, { key: 'problem.policy.peerEmpty', args: {} });
    return { kind: 'none' };
  }
  const pod = hasPod ? compileSelector(peer.podSelector) : null;
  for (const m of pod?.problems ?? []) problem(`${where}.podSelector`, m);
  if (!hasNs) return { kind: 'pods', namespace, pod: pod! };
  const ns = compileSelector(peer.namespaceSelector);
  for (const m of ns.problems) problem(`${where}.namespaceSelector`, m);
  return { kind: 'nsPods', ns, pod };
}
