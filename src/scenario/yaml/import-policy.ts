import type { K8sNetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../../core/model/k8s';
import { cidrContains, parseCidr } from '../../core/net/cidr';
import { PROTOCOLS, readCidrText, readMeta } from './import-core';
import { readIntOrName } from './import-service';
import { type Obj, type Path, type ReadCtx, fail, readEnum, readInt, readList, readObj } from './reader';
import { readSelector } from './selector';

/**
 * networking.k8s.io/v1 NetworkPolicy, validated as pkg/apis/networking/validation does: a peer
 * is either an ipBlock or selectors, `except` lies inside `cidr`, `endPort` needs a numeric `port`
 * no greater than it. Port protocol defaults to TCP (SetDefaults_NetworkPolicyPort). `policyTypes`
 * is left as written: its default depends on the rules and belongs to the policy engine.
 */

const POLICY_TYPES = ['Ingress', 'Egress'] as const;

function readPeer(c: ReadCtx, v: unknown, path: Path): NetworkPolicyPeer | undefined {
  const o = readObj(c, v, path, ['podSelector', 'namespaceSelector', 'ipBlock'], true);
  if (!o) return undefined;
  const peer: NetworkPolicyPeer = {};
  const pod = readSelector(c, o.podSelector, [...path, 'podSelector']);
  if (pod) peer.podSelector = pod;
  // `namespaceSelector: {}` selects every namespace; `namespaceSelector:` (null) is absent, as in Go.
  const ns = readSelector(c, o.namespaceSelector, [...path, 'namespaceSelector']);
  if (ns) peer.namespaceSelector = ns;
  const ipb = readObj(c, o.ipBlock, [...path, 'ipBlock'], ['cidr', 'except']);
  if (ipb) {
    const cidr = readCidrText(c, ipb.cidr, [...path, 'ipBlock', 'cidr'], false);
    if (cidr === undefined && (ipb.cidr === undefined || ipb.cidr === null)) {
      fail(c, [...path, 'ipBlock', 'cidr'], 'import.field.missing');
    }
    const except: string[] = [];
    readList(c, ipb.except, [...path, 'ipBlock', 'except'])?.forEach((item, i) => {
      const t = readCidrText(c, item, [...path, 'ipBlock', 'except', i], false);
      if (t !== undefined) except.push(t);
    });
    const outer = cidr !== undefined ? parseCidr(cidr, false) : null;
    except.forEach((e, i) => {
      const inner = parseCidr(e, false);
      if (outer && inner && !(inner.prefix > outer.prefix && cidrContains(outer, inner.base))) {
        fail(c, [...path, 'ipBlock', 'except', i], 'import.field.except', { cidr: String(cidr) });
      }
    });
    if (cidr !== undefined) peer.ipBlock = except.length > 0 ? { cidr, except } : { cidr };
    if (peer.podSelector || peer.namespaceSelector) {
      fail(c, path, 'import.field.peerMixed');
    }
  }
  if (!peer.podSelector && !peer.namespaceSelector && !peer.ipBlock && !o.ipBlock) {
    fail(c, path, 'import.field.peerEmpty');
  }
  return peer;
}

function readPort(c: ReadCtx, v: unknown, path: Path): NetworkPolicyPort | undefined {
  const o = readObj(c, v, path, ['protocol', 'port', 'endPort'], true);
  if (!o) return undefined;
  const out: NetworkPolicyPort = {
    protocol: readEnum(c, o.protocol, [...path, 'protocol'], PROTOCOLS) ?? 'TCP',
  };
  const port = readIntOrName(c, o.port, [...path, 'port']);
  if (port !== undefined) out.port = port;
  const endPort = readInt(c, o.endPort, [...path, 'endPort'], 1, 65535);
  if (endPort !== undefined) {
    if (typeof port !== 'number') fail(c, [...path, 'endPort'], 'import.field.endPortNumeric');
    else if (endPort < port) fail(c, [...path, 'endPort'], 'import.field.endPort', { port });
    out.endPort = endPort;
  }
  return out;
}

interface RuleRead {
  peers?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

function readRules(c: ReadCtx, v: unknown, dir: 'ingress' | 'egress'): RuleRead[] | undefined {
  const peerKey = dir === 'ingress' ? 'from' : 'to';
  const list = readList(c, v, ['spec', dir]);
  if (!list) return undefined;
  const rules: RuleRead[] = [];
  list.forEach((item, i) => {
    const p: Path = ['spec', dir, i];
    // An empty rule (`- {}`) allows everything in that direction.
    const r = readObj(c, item ?? {}, p, [peerKey, 'ports']);
    if (!r) return;
    const rule: RuleRead = {};
    const peers = readList(c, r[peerKey], [...p, peerKey]);
    if (peers) {
      rule.peers = [];
      peers.forEach((peer, j) => {
        const x = readPeer(c, peer, [...p, peerKey, j]);
        if (x) rule.peers!.push(x);
      });
    }
    const ports = readList(c, r.ports, [...p, 'ports']);
    if (ports) {
      rule.ports = [];
      ports.forEach((port, j) => {
        const x = readPort(c, port, [...p, 'ports', j]);
        if (x) rule.ports!.push(x);
      });
    }
    rules.push(rule);
  });
  return rules;
}

/** networking.k8s.io/v1 NetworkPolicy. */
export function readNetworkPolicy(c: ReadCtx, o: Obj): K8sNetworkPolicy | undefined {
  readObj(c, o, [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const meta = readMeta(c, o.metadata, { namespaced: true, rule: 'subdomain' });
  const s = readObj(c, o.spec, ['spec'], ['podSelector', 'policyTypes', 'ingress', 'egress'], true);
  if (!meta || !s) return undefined;
  const spec: K8sNetworkPolicy['spec'] = {
    podSelector: readSelector(c, s.podSelector, ['spec', 'podSelector']) ?? {},
  };
  const types = readList(c, s.policyTypes, ['spec', 'policyTypes']);
  if (types) {
    spec.policyTypes = [];
    types.forEach((t, i) => {
      const x = readEnum(c, t, ['spec', 'policyTypes', i], POLICY_TYPES, true);
      if (x && !spec.policyTypes!.includes(x)) spec.policyTypes!.push(x);
    });
  }
  const ingress = readRules(c, s.ingress, 'ingress');
  if (ingress) {
    spec.ingress = ingress.map((r) => ({
      ...(r.peers ? { from: r.peers } : {}),
      ...(r.ports ? { ports: r.ports } : {}),
    }));
  }
  const egress = readRules(c, s.egress, 'egress');
  if (egress) {
    spec.egress = egress.map((r) => ({
      ...(r.peers ? { to: r.peers } : {}),
      ...(r.ports ? { ports: r.ports } : {}),
    }));
  }
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta, spec };
}
