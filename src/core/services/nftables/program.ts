import { formatCidr } from '../../net/cidr';
import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import {
  categorize,
  externalPolicyLocal,
  externallyAccessible,
  internalPolicyLocal,
  usesClusterEndpoints,
  usesLocalEndpoints,
} from '../categorize';
import { hashPrefix } from '../hash';
import type { EndpointState, ServicePortState, ServiceState } from '../types';
import type { NftElement, NftRule, NftRules } from './model';

/**
 * kube-proxy nftables-mode sync for one node (K8S pkg/proxy/nftables/proxier.go `syncProxyRules`,
 * transaction shapes from proxier_test `TestOverallNFTablesRules`; facts §2). Chain names are
 * `<prefix>-<H8>-<ns>/<svc>/<proto>/<port>` with H8 = base32(sha256(name))[0:8] (`hashAndTruncate`).
 */

const TABLE = 'ip kube-proxy';

const base = (sp: ServicePortState) =>
  `${sp.namespace}/${sp.service}/${sp.protocol.toLowerCase()}/${sp.portName}`;
const named = (prefix: string, name: string) => `${prefix}-${hashPrefix(name, 8)}-${name}`;

export interface NftChainNames {
  service: string;
  local: string;
  external: string;
  firewall: string;
}

/** service-/local-/external-/firewall- chain names of a port. */
const svcNames = new WeakMap<ServicePortState, NftChainNames>();

export function nftServiceChains(sp: ServicePortState): NftChainNames {
  const hit = svcNames.get(sp);
  if (hit) return hit;
  const b = base(sp);
  const h = hashPrefix(b, 8);
  return {
    service: `service-${h}-${b}`,
    local: `local-${h}-${b}`,
    external: `external-${h}-${b}`,
    firewall: `firewall-${h}-${b}`,
  };
}

const epNames = new WeakMap<EndpointState, Map<string, string>>();

/** endpoint-<H8>-ns/svc/proto/port__IP/port (and the matching affinity- set name); memoised per endpoint. */
export function nftEndpointChain(sp: ServicePortState, e: EndpointState, prefix = 'endpoint'): string {
  let m = epNames.get(e);
  if (!m) epNames.set(e, (m = new Map()));
  const k = `${prefix}|${sp.name}|${sp.protocol}`;
  let n = m.get(k);
  if (n === undefined) m.set(k, (n = named(prefix, `${base(sp)}__${formatIpv4(e.ip)}/${e.port}`)));
  return n;
}

const ip = formatIpv4;

/** Programs the nftables table for node `nodeIndex`. */
export function programNftables(state: ServiceState, nodeIndex: number): NftRules {
  const nodeName = state.nodeNames[nodeIndex] ?? null;
  const nodeIp = state.nodeIps[nodeIndex];
  const cc = state.clusterCidr;
  const r: NftRules = {
    mode: 'nftables',
    nodeIndex,
    clusterCidr: cc,
    serviceCidr: state.serviceCidr,
    clusterIps: new Set(),
    nodeportIps: nodeIp !== undefined ? [nodeIp] : [],
    serviceIps: new Map(),
    serviceNodeports: new Map(),
    firewallIps: new Map(),
    noEndpointServices: new Map(),
    noEndpointNodeports: new Map(),
    chains: new Map(),
    affinitySets: new Map(),
    blocks: [],
    endpointOf: new Map(),
  };
  for (const sp of state.ports) {
    const block: string[] = [];
    const proto = sp.protocol.toLowerCase();
    const ch = nftServiceChains(sp);
    const { clusterEndpoints, localEndpoints, reachable, hasAny } = categorize(sp, nodeName);
    const usesCluster = clusterEndpoints.length > 0 && usesClusterEndpoints(sp);
    const usesLocal = localEndpoints.length > 0 && usesLocalEndpoints(sp);
    let internalChain = ch.service;
    let hasInternal = hasAny;
    if (internalPolicyLocal(sp)) {
      internalChain = ch.local;
      if (localEndpoints.length === 0) hasInternal = false;
    }
    let externalPolicyChain = ch.service;
    let hasExternal = hasAny;
    if (externalPolicyLocal(sp)) {
      externalPolicyChain = ch.local;
      if (localEndpoints.length === 0) hasExternal = false;
    }
    const usesExt = hasAny && externallyAccessible(sp);
    const usesFw = hasAny && sp.loadBalancerIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
    const affinity = sp.sessionAffinity === 'ClientIP';
    const epChain = (e: EndpointState) => nftEndpointChain(sp, e);
    const affSet = (e: EndpointState) => nftEndpointChain(sp, e, 'affinity');
    const addChain = (name: string, rules: NftRule[]) => {
      r.chains.set(name, rules);
      block.push(`add chain ${TABLE} ${name}`);
      for (const x of rules) block.push(`add rule ${TABLE} ${name} ${x.text}`);
    };
    const rule = (chain: string, text: string, op: NftRule['op']): NftRule => ({ chain, text, op });
    if (affinity)
      for (const e of reachable) {
        r.affinitySets.set(affSet(e), sp.affinityTimeoutSeconds);
        block.push(
          `add set ${TABLE} ${affSet(e)} { type ipv4_addr ; flags dynamic,timeout ; timeout ${sp.affinityTimeoutSeconds}s ; }`,
        );
      }
    const policyChain = (name: string, eps: EndpointState[]) => {
      const rules: NftRule[] = [];
      if (name === internalChain && hasInternal)
        rules.push(
          rule(name, `ip daddr ${ip(sp.clusterIP!)} ip saddr != ${formatCidr(cc)} jump mark-for-masquerade`, {
            k: 'masq',
            daddr: sp.clusterIP!,
            notSaddr: cc,
          }),
        );
      if (affinity)
        for (const e of eps)
          rules.push(
            rule(name, `ip saddr @${affSet(e)} goto ${epChain(e)}`, {
              k: 'affinity',
              set: affSet(e),
              goto: epChain(e),
            }),
          );
      const targets = eps.map(epChain);
      rules.push(
        rule(
          name,
          `numgen random mod ${eps.length} vmap { ${targets.map((t, i) => `${i} : goto ${t}`).join(' , ')} }`,
          { k: 'numgen', targets },
        ),
      );
      addChain(name, rules);
    };
    if (usesCluster) policyChain(ch.service, clusterEndpoints);
    if (usesLocal) policyChain(ch.local, localEndpoints);
    if (usesExt) {
      const rules: NftRule[] = [];
      if (!externalPolicyLocal(sp)) rules.push(rule(ch.external, 'jump mark-for-masquerade', { k: 'mark' }));
      else {
        rules.push(
          rule(
            ch.external,
            `ip saddr ${formatCidr(cc)} goto ${ch.service} comment "short-circuit pod traffic"`,
            { k: 'podShort', saddr: cc, goto: ch.service },
          ),
        );
        rules.push(
          rule(
            ch.external,
            'fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"',
            { k: 'localMasq' },
          ),
        );
        rules.push(
          rule(ch.external, `fib saddr type local goto ${ch.service} comment "short-circuit local traffic"`, {
            k: 'localShort',
            goto: ch.service,
          }),
        );
      }
      if (hasExternal)
        rules.push(
          rule(ch.external, `goto ${externalPolicyChain}`, { k: 'goto', chain: externalPolicyChain }),
        );
      addChain(ch.external, rules);
    }
    for (const e of [...reachable].sort((a, b) => (epChain(a) < epChain(b) ? -1 : 1))) {
      const name = epChain(e);
      r.endpointOf.set(name, `${ip(e.ip)}:${e.port}`);
      const rules: NftRule[] = [
        rule(name, `ip saddr ${ip(e.ip)} jump mark-for-masquerade`, { k: 'hairpin', ip: e.ip }),
      ];
      if (affinity)
        rules.push(rule(name, `update @${affSet(e)} { ip saddr }`, { k: 'affinityUpdate', set: affSet(e) }));
      rules.push(
        rule(name, `meta l4proto ${proto} dnat to ${ip(e.ip)}:${e.port}`, {
          k: 'dnat',
          ip: e.ip,
          port: e.port,
          proto,
        }),
      );
      addChain(name, rules);
    }
    if (usesFw) {
      const ranges = sp.loadBalancerSourceRanges;
      addChain(ch.firewall, [
        rule(ch.firewall, `ip saddr != { ${ranges.map(formatCidr).join(', ')} } drop`, {
          k: 'fwDrop',
          ranges,
        }),
      ]);
    }
    const el = <V>(
      map: Map<string, NftElement<V>>,
      setName: string,
      key: string,
      value: V,
      comment?: string,
    ) => {
      map.set(key, { key, value, ...(comment ? { comment } : {}) });
      block.push(
        `add element ${TABLE} ${setName} { ${key}${comment ? ` comment "${comment}"` : ''} : ${String(value)} }`,
      );
    };
    const vipKey = (a: Ipv4) => `${ip(a)} . ${proto} . ${sp.port}`;
    r.clusterIps.add(sp.clusterIP!);
    block.push(`add element ${TABLE} cluster-ips { ${ip(sp.clusterIP!)} }`);
    if (hasInternal) el(r.serviceIps, 'service-ips', vipKey(sp.clusterIP!), `goto ${internalChain}`);
    if (usesExt) {
      for (const a of sp.externalIPs) el(r.serviceIps, 'service-ips', vipKey(a), `goto ${ch.external}`);
      for (const a of sp.loadBalancerIPs) el(r.serviceIps, 'service-ips', vipKey(a), `goto ${ch.external}`);
      if (sp.nodePort)
        el(r.serviceNodeports, 'service-nodeports', `${proto} . ${sp.nodePort}`, `goto ${ch.external}`);
    }
    if (usesFw)
      for (const a of sp.loadBalancerIPs) el(r.firewallIps, 'firewall-ips', vipKey(a), `goto ${ch.firewall}`);
    const noEp: 'drop' | 'goto reject-chain' = hasAny ? 'drop' : 'goto reject-chain';
    if (!hasInternal) el(r.noEndpointServices, 'no-endpoint-services', vipKey(sp.clusterIP!), noEp, sp.name);
    if (!hasExternal) {
      if (sp.nodePort)
        el(r.noEndpointNodeports, 'no-endpoint-nodeports', `${proto} . ${sp.nodePort}`, noEp, sp.name);
      for (const a of [...sp.loadBalancerIPs, ...sp.externalIPs])
        el(r.noEndpointServices, 'no-endpoint-services', vipKey(a), noEp, sp.name);
    }
    r.blocks.push(block);
  }
  return r;
}
