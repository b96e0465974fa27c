import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { IntraDesign } from '../model/scenario';
import type { Protocol } from '../model/k8s';
import type { PolicyIndex } from './compile';
import { formatSelector } from './selector';
import type { Decision } from './types';

/**
 * How the `policy` hop of a trace shows where a Decision is enforced (projectcalico/calico felix/rules/endpoints.go, policy.go; cilium/cilium pkg/maps/policymap):
 * - bridge / routed: Calico Felix iptables chains — `cali-tw-<iface>` (to workload = the Pod's
 *   ingress) / `cali-fw-<iface>` (from workload = its egress), jumping to one chain per policy,
 *   `cali-pi-<id>` / `cali-po-<id>`, for the Kubernetes policy that Calico names `knp.default.<name>`;
 *   Pods no policy selects fall through to the namespace profile `cali-pri-kns.<ns>` / `cali-pro-kns.<ns>`.
 * - ebpf: Cilium's per-endpoint policy map `cilium_policy_v2_<endpoint id>`, looked up by
 *   (peer identity, port, protocol, direction) in bpf_lxc.
 */
export interface Enforcement {
  /** Where the rule lives: `iptables filter` or `bpf map`. */
  table: string;
  /** The deciding entry, as iptables-save or `cilium bpf policy get` would show it. */
  rule: string;
  /** The entries around it, in evaluation order (dispatch → workload chain → policy chain). */
  lines: string[];
  explain: string;
}

/** Optional names the CNI builder chose; anything missing is derived as the real plugin would. */
export interface EnforcementContext {
  /** Host-side veth of the Pod whose direction is enforced. */
  iface?: string;
  /** Cilium endpoint ID of that Pod (1..4095 per node). */
  endpointId?: number;
  /** Cilium security identity of the peer. */
  peerIdentity?: number;
  /** Lets selectors and peer labels be rendered exactly. */
  index?: PolicyIndex;
}

const b64url = (bytes: Uint8Array): string => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += abc[(n >>> (18 - 6 * k)) & 63];
  }
  return out;
};

/** Calico's workload interface: `cali` + 11 hex chars of sha1("<ns>.<pod>") (workload_endpoint_default.go). */
export function calicoIfaceName(namespace: string, pod: string): string {
  return `cali${bytesToHex(sha1(utf8ToBytes(`${namespace}.${pod}`))).slice(0, 11)}`;
}

/**
 * Felix's chain-name shortening (libcalico-go hash.GetLengthLimitedID): prefix + suffix when it
 * fits in 28 characters, otherwise prefix + "_" + base64url(sha256(suffix)) truncated.
 */
export function lengthLimitedId(prefix: string, suffix: string, max = 28): string {
  const s = suffix.length === 0 ? '_' : suffix;
  if (prefix.length + s.length > max || (prefix.length + s.length === max && s[0] === '_'))
    return `${prefix}_${b64url(sha256(utf8ToBytes(s))).slice(0, max - 1 - prefix.length)}`;
  return prefix + s;
}

/** The policy chain of a Kubernetes NetworkPolicy (`cali-pi-`/`cali-po-` + `<ns>/knp.default.<name>`). */
export function calicoPolicyChain(direction: 'ingress' | 'egress', policyKey: string): string {
  const [ns, name] = policyKey.split('/');
  return lengthLimitedId(direction === 'ingress' ? 'cali-pi-' : 'cali-po-', `${ns}/knp.default.${name}`);
}

/** A Calico selector ipset name (`cali40s:` + base64url(sha224(selector)), 31 chars; derived). */
function calicoIpset(selector: string): string {
  return `cali40s:${b64url(sha224(utf8ToBytes(selector))).slice(0, 23)}`;
}

const PROTO_NUM: Record<Protocol, number> = { TCP: 6, UDP: 17, SCTP: 132 };

/** Cilium endpoint IDs are small per-node integers; derive a stable one from the Pod name. */
function endpointIdOf(pod: string): number {
  const h = sha256(utf8ToBytes(pod));
  return 1 + (((h[0]! << 8) | h[1]!) % 4095);
}

/** Cilium identity of a peer: reserved `world` (2) for outside addresses, else one per label set (>= 256). */
function identityOf(decision: Decision, index: PolicyIndex | undefined): { id: number; text: string } {
  if (!decision.peer.includes('/')) {
    const isNode = index?.nodeIps.some((ip) => formatIp(ip) === decision.peer);
    return isNode ? { id: 6, text: 'reserved:remote-node' } : { id: 2, text: 'reserved:world' };
  }
  const [ns, name] = decision.peer.split('/');
  const pod = index?.pods.find((p) => p.namespace === ns && p.name === name);
  const labels = pod ? Object.entries(pod.labels).sort() : [];
  const text = [`k8s:io.kubernetes.pod.namespace=${ns}`, ...labels.map(([k, v]) => `k8s:${k}=${v}`)].join(
    ',',
  );
  const h = sha256(utf8ToBytes(text));
  return { id: 256 + (((h[0]! << 16) | (h[1]! << 8) | h[2]!) % 65280), text };
}

const formatIp = (ip: number): string =>
  `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;

function calicoRuleMatch(decision: Decision, index: PolicyIndex | undefined): string {
  const allowed = decision.allowedBy;
  const pol = allowed && index?.policies.get(allowed.policy);
  const rule = pol
    ? (allowed.direction === 'ingress' ? pol.ingress : pol.egress)?.[allowed.ruleIndex]
    : undefined;
  const proto = decision.protocol.toLowerCase();
  const parts: string[] = [];
  const side = decision.direction === 'ingress' ? 'src' : 'dst';
  const flag = decision.direction === 'ingress' ? '-s' : '-d';
  if (rule && rule.ports !== null) {
    const p = rule.ports.find((x) => x.protocol === decision.protocol) ?? rule.ports[0]!;
    parts.push(`-p ${p.protocol.toLowerCase()}`);
    if (p.kind === 'range')
      parts.push(
        p.from === p.to
          ? `-m ${proto} --dport ${p.from}`
          : `-m multiport --destination-ports ${p.from}:${p.to}`,
      );
    else if (p.kind === 'named') parts.push(`-m set --match-set cali40n:${p.name} dst,dst`);
  }
  if (rule && rule.peers !== null && index) {
    for (const a of rule.peers) {
      const spec = index.atoms[a]!.spec;
      if (spec.kind === 'ip') {
        parts.push(`${flag} ${spec.text.split(' ')[0]}`);
        break;
      }
      if (spec.kind === 'pods') {
        parts.push(
          `-m set --match-set ${calicoIpset(`projectcalico.org/namespace == '${spec.namespace}' && ${formatSelector(spec.pod)}`)} ${side}`,
        );
        break;
      }
      if (spec.kind === 'nsPods') {
        parts.push(
          `-m set --match-set ${calicoIpset(`ns(${formatSelector(spec.ns)}) && ${spec.pod ? formatSelector(spec.pod) : 'all()'}`)} ${side}`,
        );
        break;
      }
    }
  }
  return parts.join(' ');
}

/** The rule text for a Decision on the given intra-node design. */
export function describeEnforcement(
  intra: IntraDesign,
  decision: Decision,
  ctx: EnforcementContext = {},
): Enforcement {
  const dir = decision.direction;
  if (decision.pod === null || decision.hostNetwork)
    return {
      table: intra === 'ebpf' ? 'bpf map' : 'iptables filter',
      rule: '',
      lines: [],
      explain: decision.explain,
    };
  const [ns, podName] = decision.pod.split('/') as [string, string];
  if (intra === 'ebpf') {
    const ep = String(ctx.endpointId ?? endpointIdOf(decision.pod)).padStart(5, '0');
    const map = `cilium_policy_v2_${ep}`;
    const ident =
      ctx.peerIdentity !== undefined ? { id: ctx.peerIdentity, text: '' } : identityOf(decision, ctx.index);
    const key = `{identity=${ident.id}, dport=${decision.port}, proto=${PROTO_NUM[decision.protocol]}, direction=${dir}}`;
    const prog = dir === 'egress' ? 'bpf_lxc (cil_from_container)' : 'bpf_lxc (cil_to_container)';
    if (!decision.isolated)
      return {
        table: 'bpf map',
        rule: `${map}: ${dir} policy enforcement off for endpoint ${Number(ep)} (no policy selects it) → allow`,
        lines: [`${prog}: endpoint ${Number(ep)} (${decision.pod})`],
        explain: decision.explain,
      };
    const rule = decision.allowed
      ? decision.allowedBy
        ? `${map} ${key} → allow (${decision.allowedBy.policy} ${dir}[${decision.allowedBy.ruleIndex}])`
        : `${map}: ${dir} from reserved:host → allow (traffic from the local node is always allowed)`
      : `${map} ${key} → miss → DROP (Policy denied)`;
    return {
      table: 'bpf map',
      rule,
      lines: [
        `${prog}: endpoint ${Number(ep)} (${decision.pod})`,
        ident.text ? `peer identity ${ident.id}: ${ident.text}` : '',
        rule,
      ].filter(Boolean),
      explain: decision.explain,
    };
  }
  // Calico Felix (iptables): filter table chains
  const iface = ctx.iface ?? calicoIfaceName(ns, podName);
  const wl = `${dir === 'ingress' ? 'cali-tw-' : 'cali-fw-'}${iface}`;
  const dispatch =
    dir === 'ingress'
      ? `-A cali-to-wl-dispatch -o ${iface} -m comment --comment "cali:to-wl" -g ${wl}`
      : `-A cali-from-wl-dispatch -i ${iface} -m comment --comment "cali:from-wl" -g ${wl}`;
  const ct = `-A ${wl} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`;
  if (!decision.isolated) {
    const profile = `${dir === 'ingress' ? 'cali-pri-kns.' : 'cali-pro-kns.'}${ns}`;
    const rule = `-A ${wl} -j ${profile}`;
    return {
      table: 'iptables filter',
      rule,
      lines: [
        dispatch,
        ct,
        `-A ${wl} -j MARK --set-xmark 0x0/0x10000`,
        rule,
        `-A ${profile} -j MARK --set-xmark 0x10000/0x10000`,
      ],
      explain: `${decision.explain} (no policy chain: the namespace profile ${profile} accepts)`,
    };
  }
  const jumps = decision.selectedBy.map(
    (p) => `-A ${wl} -m mark --mark 0x0/0x20000 -j ${calicoPolicyChain(dir, p)}`,
  );
  const ret = `-A ${wl} -m comment --comment "Return if policy accepted" -m mark --mark 0x10000/0x10000 -j RETURN`;
  const drop = `-A ${wl} -m comment --comment "Drop if no policies passed packet" -m mark --mark 0x0/0x20000 -j DROP`;
  const head = [dispatch, ct, `-A ${wl} -j MARK --set-xmark 0x0/0x10000`, ...jumps, ret];
  if (decision.allowed && decision.allowedBy) {
    const chain = calicoPolicyChain(dir, decision.allowedBy.policy);
    const match = calicoRuleMatch(decision, ctx.index);
    const rule = `-A ${chain} ${match ? `${match} ` : ''}-j MARK --set-xmark 0x10000/0x10000`;
    return {
      table: 'iptables filter',
      rule,
      lines: [
        ...head,
        `# ${chain} = Calico policy ${decision.allowedBy.policy.replace('/', '/knp.default.')}`,
        rule,
        `-A ${chain} -m mark --mark 0x10000/0x10000 -j RETURN`,
      ],
      explain: decision.explain,
    };
  }
  if (decision.allowed)
    // traffic from the Pod's own node: allowed by Kubernetes semantics, not by a policy rule
    return { table: 'iptables filter', rule: '', lines: head, explain: decision.explain };
  return { table: 'iptables filter', rule: drop, lines: [...head, drop], explain: decision.explain };
}
