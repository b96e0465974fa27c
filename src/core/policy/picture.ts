import type { LabelSelector, NetworkPolicyPeer } from '../model/k8s';
import type { PolicyIndex } from './compile';
import { formatPort } from './ports';

/**
 * One NetworkPolicy as a picture's data: the Pods its podSelector selects (the middle), and per
 * direction whether it isolates them (its defaulted policyTypes) and which peers and ports each
 * rule admits, with how many Pods each peer matches now. A rule admits its peers on its ports;
 * rules of a direction add up; a direction the policy lists with no rules denies everything
 * (Kubernetes NetworkPolicy docs, "Behavior of to and from selectors").
 */

export interface PeerPicture {
  /** `pods` (podSelector in the policy's namespace), `nsPods` (namespaceSelector [+ podSelector]), `ip`, `none`. */
  kind: 'pods' | 'nsPods' | 'ip' | 'none';
  /** The selector or CIDR as written (`app=web`, `{}` for all, `10.0.0.0/8 except …`). */
  text: string;
  /** Pods of the cluster the peer matches now (ipBlocks: Pods whose IP falls in the block). */
  pods: number;
}

export interface RulePicture {
  /** Empty = every peer. */
  peers: PeerPicture[];
  /** Empty = every port. `80/TCP`, `8000-8080/TCP`, `http/TCP`. */
  ports: string[];
}

export interface DirectionPicture {
  /** The policy lists this direction: the selected Pods are isolated for it. */
  isolates: boolean;
  rules: RulePicture[];
}

export interface PolicyPicture {
  key: string;
  namespace: string;
  podSelector: string;
  /** Pods selected (hostNetwork Pods never are), and the first few `NS/POD`. */
  selected: number;
  sample: string[];
  ingress: DirectionPicture;
  egress: DirectionPicture;
}

/** `k=v,k2=v2` and `key In (a,b)`; `{}` selects everything. */
export function selectorText(sel: LabelSelector | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? [])
    parts.push(
      e.values?.length ? `${e.key} ${e.operator} (${e.values.join(',')})` : `${e.key} ${e.operator}`,
    );
  return parts.length ? parts.join(', ') : '{}';
}

function podsOfAtom(index: PolicyIndex, atom: number): number {
  let n = 0;
  for (const g of index.atoms[atom]!.groups) n += index.groups[g]!.pods.length;
  return n;
}

/** The picture of policy `key` (`ns/name`), or null when the index has no such policy. */
export function policyPicture(index: PolicyIndex, key: string, sampleSize = 6): PolicyPicture | null {
  const p = index.policies.get(key);
  if (!p) return null;
  const sample: string[] = [];
  let selected = 0;
  for (const g of index.atoms[p.target]!.groups)
    for (const i of index.groups[g]!.pods) {
      selected++;
      if (sample.length < sampleSize) sample.push(`${index.pods[i]!.namespace}/${index.pods[i]!.name}`);
    }
  const direction = (dir: 'ingress' | 'egress'): DirectionPicture => {
    const rules = dir === 'ingress' ? p.ingress : p.egress;
    const written: (NetworkPolicyPeer[] | undefined)[] =
      dir === 'ingress'
        ? (p.source.spec.ingress ?? []).map((r) => r.from)
        : (p.source.spec.egress ?? []).map((r) => r.to);
    return {
      isolates: rules !== null,
      rules: (rules ?? []).map((r) => ({
        peers: (r.peers ?? []).map((a, j): PeerPicture => {
          const atom = index.atoms[a]!;
          const peer = written[r.index]?.[j];
          switch (atom.spec.kind) {
            case 'ip': {
              let n = 0;
              for (const pod of index.pods)
                if (!pod.hostNetwork && index.podByIp.get(pod.ip) === pod.index) {
                  const s = atom.spec;
                  if (
                    (pod.ip & s.mask) >>> 0 === s.base &&
                    !s.except.some((e) => (pod.ip & e.mask) >>> 0 === e.base)
                  )
                    n++;
                }
              return { kind: 'ip', text: atom.spec.text, pods: n };
            }
            case 'none':
              return { kind: 'none', text: '—', pods: 0 };
            case 'pods':
              return { kind: 'pods', text: selectorText(peer?.podSelector), pods: podsOfAtom(index, a) };
            case 'nsPods':
              return {
                kind: 'nsPods',
                text: `ns: ${selectorText(peer?.namespaceSelector)}${peer?.podSelector ? ` · pods: ${selectorText(peer.podSelector)}` : ''}`,
                pods: podsOfAtom(index, a),
              };
          }
        }),
        ports: (r.ports ?? []).map(formatPort),
      })),
    };
  };
  return {
    key,
    namespace: p.namespace,
    podSelector: selectorText(p.source.spec.podSelector),
    selected,
    sample,
    ingress: direction('ingress'),
    egress: direction('egress'),
  };
}
