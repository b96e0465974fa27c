import { formatCidr } from '../../net/cidr';
import { type Ipv4, formatIpv4 } from '../../net/ipv4';
import { categorize, nodeDependent, externalPolicyLocal, policyChains } from '../categorize';
import { hashPrefix } from '../hash';
import type { EndpointState, ServicePortState, ServiceState } from '../types';
import type { NftElement, NftMapName, NftRule, NftRules } from './model';
import { perState } from '../per-state';

/**
 * kube-proxy nftables-mode sync for one node (K8S pkg/proxy/nftables/proxier.go `syncProxyRules`,
 * transaction shapes from proxier_test `TestOverallNFTablesRules` in kubernetes pkg/proxy/nftables/proxier_test.go). Chain names are
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
  const names = {
    service: `service-${h}-${b}`,
    local: `local-${h}-${b}`,
    external: `external-${h}-${b}`,
    firewall: `firewall-${h}-${b}`,
  };
  svcNames.set(sp, names);
  return names;
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

type NoEp = 'drop' | 'goto reject-chain';

/** One map element a service port adds, in the order kube-proxy writes them. */
interface PortElement {
  map: NftMapName;
  el: NftElement<string>;
}

/** What one service port programs: map elements (eager) and its chains + transaction text (lazy). */
interface NftPort {
  clusterIP: Ipv4;
  elements: PortElement[];
  chains: () => Map<string, NftRule[]>;
  affinity: () => [string, number][];
  block: () => string[];
}

function compilePort(
  sp: ServicePortState,
  nodeName: string | null,
  cc: ServiceState['clusterCidr'],
): NftPort {
  const proto = sp.protocol.toLowerCase();
  const ch = nftServiceChains(sp);
  const cat = categorize(sp, nodeName);
  const { clusterEndpoints, localEndpoints, reachable, hasAny } = cat;
  const pc = policyChains(sp, cat, ch.service, ch.local);
  const { internalChain, hasInternal, externalPolicyChain, hasExternal } = pc;
  const usesCluster = pc.usesClusterChain;
  const usesLocal = pc.usesLocalChain;
  const usesExt = pc.usesExternal;
  const usesFw = pc.usesFirewall;
  const affinity = sp.sessionAffinity === 'ClientIP';

  const elements: PortElement[] = [];
  const el = (map: NftMapName, key: string, value: string, comment?: string) =>
    elements.push({ map, el: { key, value, ...(comment ? { comment } : {}) } });
  const vipKey = (a: Ipv4) => `${ip(a)} . ${proto} . ${sp.port}`;
  if (hasInternal) el('service-ips', vipKey(sp.clusterIP!), `goto ${internalChain}`);
  if (usesExt) {
    for (const a of sp.externalIPs) el('service-ips', vipKey(a), `goto ${ch.external}`);
    for (const a of sp.loadBalancerIPs) el('service-ips', vipKey(a), `goto ${ch.external}`);
    if (sp.nodePort) el('service-nodeports', `${proto} . ${sp.nodePort}`, `goto ${ch.external}`);
  }
  if (usesFw) for (const a of sp.loadBalancerIPs) el('firewall-ips', vipKey(a), `goto ${ch.firewall}`);
  const noEp: NoEp = hasAny ? 'drop' : 'goto reject-chain';
  if (!hasInternal) el('no-endpoint-services', vipKey(sp.clusterIP!), noEp, sp.name);
  if (!hasExternal) {
    if (sp.nodePort) el('no-endpoint-nodeports', `${proto} . ${sp.nodePort}`, noEp, sp.name);
    for (const a of [...sp.loadBalancerIPs, ...sp.externalIPs])
      el('no-endpoint-services', vipKey(a), noEp, sp.name);
  }

  let built: { chains: Map<string, NftRule[]>; sets: [string, number][]; block: string[] } | null = null;
  const build = () => (built ??= buildChains());
  return {
    clusterIP: sp.clusterIP!,
    elements,
    chains: () => build().chains,
    affinity: () => build().sets,
    block: () => {
      const b = [...build().block, `add element ${TABLE} cluster-ips { ${ip(sp.clusterIP!)} }`];
      for (const { map, el: e } of elements)
        b.push(
          `add element ${TABLE} ${map} { ${e.key}${e.comment ? ` comment "${e.comment}"` : ''} : ${e.value} }`,
        );
      return b;
    },
  };

  function buildChains() {
    const chains = new Map<string, NftRule[]>();
    const sets: [string, number][] = [];
    const block: string[] = [];
    const epChain = (e: EndpointState) => nftEndpointChain(sp, e);
    const affSet = (e: EndpointState) => nftEndpointChain(sp, e, 'affinity');
    const addChain = (name: string, rules: NftRule[]) => {
      chains.set(name, rules);
      block.push(`add chain ${TABLE} ${name}`);
      for (const x of rules) block.push(`add rule ${TABLE} ${name} ${x.text}`);
    };
    const rule = (chain: string, text: string, op: NftRule['op']): NftRule => ({ chain, text, op });
    if (affinity)
      for (const e of reachable) {
        sets.push([affSet(e), sp.affinityTimeoutSeconds]);
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
          { k: 'numgen', targets, endpoints: eps.map((e) => `${ip(e.ip)}:${e.port}`) },
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
    return { chains, sets, block };
  }
}

interface NftMaps {
  clusterIps: Set<number>;
  serviceIps: Map<string, NftElement<string>>;
  serviceNodeports: Map<string, NftElement<string>>;
  firewallIps: Map<string, NftElement<string>>;
  noEndpointServices: Map<string, NftElement<NoEp>>;
  noEndpointNodeports: Map<string, NftElement<NoEp>>;
}

/** Fills the sets and verdict maps from the ports' elements, in port order. */
function fillMaps(ports: readonly NftPort[]): NftMaps {
  const m: NftMaps = {
    clusterIps: new Set(),
    serviceIps: new Map(),
    serviceNodeports: new Map(),
    firewallIps: new Map(),
    noEndpointServices: new Map(),
    noEndpointNodeports: new Map(),
  };
  const byName: Record<NftMapName, Map<string, NftElement<string>>> = {
    'service-ips': m.serviceIps,
    'service-nodeports': m.serviceNodeports,
    'firewall-ips': m.firewallIps,
    'no-endpoint-services': m.noEndpointServices as Map<string, NftElement<string>>,
    'no-endpoint-nodeports': m.noEndpointNodeports as Map<string, NftElement<string>>,
  };
  for (const p of ports) {
    m.clusterIps.add(p.clusterIP);
    for (const { map, el } of p.elements) byName[map].set(el.key, el);
  }
  return m;
}

/** Node-independent part, built once per ServiceState. */
interface SharedNft {
  /** Per port; null where the port depends on the node (Local policies). */
  ports: (NftPort | null)[];
  /** service-/local-/external-/firewall- chain name → owning port index. */
  owner: Map<string, number>;
  /** The maps, when no port depends on the node. */
  maps: NftMaps | null;
}

const sharedNft = perState((state): SharedNft => {
  const owner = new Map<string, number>();
  let any = false;
  const ports = state.ports.map((sp, i) => {
    const ch = nftServiceChains(sp);
    owner.set(ch.service, i).set(ch.local, i).set(ch.external, i).set(ch.firewall, i);
    if (nodeDependent(sp)) {
      any = true;
      return null;
    }
    return compilePort(sp, null, state.clusterCidr);
  });
  return { ports, owner, maps: any ? null : fillMaps(ports as NftPort[]) };
});

/** Programs the nftables table for node `nodeIndex` (shared maps; own entries only for Local-policy ports). */
export function programNftables(state: ServiceState, nodeIndex: number): NftRules {
  const s = sharedNft(state);
  const nodeName = state.nodeNames[nodeIndex] ?? null;
  const nodeIp = state.nodeIps[nodeIndex];
  const ports: readonly NftPort[] = s.maps
    ? (s.ports as NftPort[])
    : state.ports.map((sp, i) => s.ports[i] ?? compilePort(sp, nodeName, state.clusterCidr));
  const maps = s.maps ?? fillMaps(ports);
  const built = new Map<string, NftRule[]>();
  const seen = new Set<NftPort>();
  const materialize = (p: NftPort) => {
    const m = p.chains();
    if (!seen.has(p)) {
      seen.add(p);
      for (const [n, r] of m) built.set(n, r);
    }
    return m;
  };
  return {
    mode: 'nftables',
    nodeIndex,
    clusterCidr: state.clusterCidr,
    serviceCidr: state.serviceCidr,
    nodeportIps: nodeIp !== undefined ? [nodeIp] : [],
    ...maps,
    chain(name) {
      const i = s.owner.get(name);
      if (i !== undefined) return materialize(ports[i]!).get(name);
      // Endpoint chains are reached from their service's chains; a cold lookup by name builds them all.
      if (!built.has(name) && name.includes('/')) for (const p of ports) materialize(p);
      return built.get(name);
    },
    get chains() {
      const out = new Map<string, NftRule[]>();
      for (const p of ports) for (const [n, r] of p.chains()) out.set(n, r);
      return out;
    },
    get affinitySets() {
      return new Map(ports.flatMap((p) => p.affinity()));
    },
    get blocks() {
      return ports.map((p) => p.block());
    },
  };
}
