import type {
  K8sNetworkPolicy,
  LabelSelector,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
} from '../../core/model/k8s';

/**
 * The policy editor's form state: text fields as typed, turned into a NetworkPolicy object that the
 * worker validates (the form itself judges nothing but the `key=value` list syntax).
 */

export type PeerKind = 'pods' | 'namespaces' | 'podsInNamespaces' | 'ipBlock';

export interface PeerForm {
  kind: PeerKind;
  /** `key=value, key=value` (matchLabels); empty = every Pod / namespace. */
  pods: string;
  namespaces: string;
  cidr: string;
  /** Comma-separated CIDRs. */
  except: string;
}

export interface PortForm {
  /** A number, a named container port, or empty (every port). */
  port: string;
  endPort: string;
  protocol: Protocol;
}

export interface RuleForm {
  peers: PeerForm[];
  ports: PortForm[];
}

export interface PolicyForm {
  name: string;
  namespace: string;
  podSelector: string;
  ingressType: boolean;
  egressType: boolean;
  ingress: RuleForm[];
  egress: RuleForm[];
}

export type Direction = 'ingress' | 'egress';

export const emptyPeer = (): PeerForm => ({ kind: 'pods', pods: '', namespaces: '', cidr: '', except: '' });
export const emptyPort = (): PortForm => ({ port: '', endPort: '', protocol: 'TCP' });
export const emptyRule = (): RuleForm => ({ peers: [], ports: [] });

export const emptyForm = (namespace = 'default'): PolicyForm => ({
  name: '',
  namespace,
  podSelector: '',
  ingressType: true,
  egressType: false,
  ingress: [],
  egress: [],
});

/** `a=1, b=2` → {a: '1', b: '2'}; null when an item lacks `=`. */
export function parseLabelList(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    if (eq <= 0) return null;
    out[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return out;
}

export const formatLabelList = (labels: Record<string, string> | undefined): string =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** Form paths (same notation as the importer's issues) of the label lists that do not parse. */
export function labelListErrors(f: PolicyForm): string[] {
  const bad: string[] = [];
  if (parseLabelList(f.podSelector) === null) bad.push('spec.podSelector');
  for (const dir of ['ingress', 'egress'] as const)
    f[dir].forEach((r, i) =>
      r.peers.forEach((p, j) => {
        const at = `spec.${dir}[${i}].${dir === 'ingress' ? 'from' : 'to'}[${j}]`;
        if (usesPods(p.kind) && parseLabelList(p.pods) === null) bad.push(`${at}.podSelector`);
        if (usesNamespaces(p.kind) && parseLabelList(p.namespaces) === null)
          bad.push(`${at}.namespaceSelector`);
      }),
    );
  return bad;
}

export const usesPods = (k: PeerKind): boolean => k === 'pods' || k === 'podsInNamespaces';
export const usesNamespaces = (k: PeerKind): boolean => k === 'namespaces' || k === 'podsInNamespaces';

const selector = (text: string): LabelSelector => {
  const labels = parseLabelList(text) ?? {};
  return Object.keys(labels).length > 0 ? { matchLabels: labels } : {};
};

/** A whole number stays a number; anything else (a port name, a typo) is passed on for the validator. */
const intOrText = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text) : text.trim());

function peerOf(p: PeerForm): NetworkPolicyPeer {
  if (p.kind === 'ipBlock') {
    const except = p.except
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return { ipBlock: { cidr: p.cidr.trim(), ...(except.length ? { except } : {}) } };
  }
  return {
    ...(usesPods(p.kind) ? { podSelector: selector(p.pods) } : {}),
    ...(usesNamespaces(p.kind) ? { namespaceSelector: selector(p.namespaces) } : {}),
  };
}

function portOf(p: PortForm): NetworkPolicyPort {
  const out: NetworkPolicyPort = { protocol: p.protocol };
  if (p.port.trim()) out.port = intOrText(p.port);
  // endPort must be numeric; a typo is passed on (as a string) so the validator names it.
  if (p.endPort.trim()) (out as { endPort?: unknown }).endPort = intOrText(p.endPort);
  return out;
}

/** The object the form describes (not yet validated). */
export function formToPolicy(f: PolicyForm): K8sNetworkPolicy {
  const types: ('Ingress' | 'Egress')[] = [];
  if (f.ingressType) types.push('Ingress');
  if (f.egressType) types.push('Egress');
  const rules = (dir: Direction) =>
    f[dir].map((r) => ({
      ...(r.peers.length ? { [dir === 'ingress' ? 'from' : 'to']: r.peers.map(peerOf) } : {}),
      ...(r.ports.length ? { ports: r.ports.map(portOf) } : {}),
    }));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: f.name.trim(), namespace: f.namespace.trim() },
    spec: {
      podSelector: selector(f.podSelector),
      ...(types.length ? { policyTypes: types } : {}),
      ...(f.ingress.length ? { ingress: rules('ingress') } : {}),
      ...(f.egress.length ? { egress: rules('egress') } : {}),
    },
  };
}

function peerForm(p: NetworkPolicyPeer): PeerForm {
  const base = emptyPeer();
  if (p.ipBlock)
    return { ...base, kind: 'ipBlock', cidr: p.ipBlock.cidr, except: (p.ipBlock.except ?? []).join(', ') };
  const kind: PeerKind =
    p.podSelector && p.namespaceSelector ? 'podsInNamespaces' : p.namespaceSelector ? 'namespaces' : 'pods';
  return {
    ...base,
    kind,
    pods: formatLabelList(p.podSelector?.matchLabels),
    namespaces: formatLabelList(p.namespaceSelector?.matchLabels),
  };
}

const portForm = (p: NetworkPolicyPort): PortForm => ({
  port: p.port === undefined ? '' : String(p.port),
  endPort: p.endPort === undefined ? '' : String(p.endPort),
  protocol: p.protocol ?? 'TCP',
});

/**
 * The form for a policy. `exact` is false when the form cannot hold all of it (matchExpressions):
 * then only the YAML side may edit it.
 */
export function policyToForm(p: K8sNetworkPolicy): { form: PolicyForm; exact: boolean } {
  const types = p.spec.policyTypes;
  const form: PolicyForm = {
    name: p.metadata.name,
    namespace: p.metadata.namespace ?? 'default',
    podSelector: formatLabelList(p.spec.podSelector.matchLabels),
    ingressType: types?.includes('Ingress') ?? false,
    egressType: types?.includes('Egress') ?? false,
    ingress: (p.spec.ingress ?? []).map((r) => ({
      peers: (r.from ?? []).map(peerForm),
      ports: (r.ports ?? []).map(portForm),
    })),
    egress: (p.spec.egress ?? []).map((r) => ({
      peers: (r.to ?? []).map(peerForm),
      ports: (r.ports ?? []).map(portForm),
    })),
  };
  const exact = JSON.stringify(normal(formToPolicy(form))) === JSON.stringify(normal(p));
  return { form, exact };
}

/** Key order and defaulted protocol do not matter for `exact`. */
function normal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normal);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      if (k === 'protocol' && o[k] === 'TCP') continue;
      if (k === 'namespace' && o[k] === 'default') continue;
      out[k] = normal(o[k]);
    }
    return out;
  }
  return v;
}
