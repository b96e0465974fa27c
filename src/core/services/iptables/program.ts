import { type Cidr, cidr, cidrContains } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';
import {
  type Categorized,
  categorize,
  externalPolicyLocal,
  externallyAccessible,
  internalPolicyLocal,
  nodeDependent,
  usesClusterEndpoints,
  usesLocalEndpoints,
} from '../categorize';
import { MASQ_MARK, type EndpointState, type ServicePortState, type ServiceState } from '../types';
import {
  type IptRule,
  type IptTable,
  type IptablesRules,
  type Part,
  type TableName,
  type Target,
  jump,
  rule,
} from './model';
import { endpointText, protoLower, sepChain, serviceChains } from './names';

/**
 * kube-proxy's iptables-mode `syncProxyRules` for one node (K8S pkg/proxy/iptables/proxier.go, modern
 * revision; facts §1). Per service port the same branches as upstream decide which KUBE-SERVICES,
 * KUBE-NODEPORTS, KUBE-EXT/FW/SVC/SVL/SEP and filter rules exist. Ports without Local policies or
 * source ranges produce identical rules on every node and are built once and shared.
 */

export interface IptablesOptions {
  /** `--cluster-cidr` for the local-traffic detector (`! -s <cidr>`). Defaults to the state's. */
  clusterCidr?: Cidr;
  /** `--masquerade-all`. */
  masqueradeAll?: boolean;
  /** `MASQUERADE --random-fully` (real nodes support it; upstream's fake iptables does not). */
  randomFully?: boolean;
  /** `--iptables-localhost-nodeports` (default true: adds the KUBE-FIREWALL localnet rule). */
  localhostNodePorts?: boolean;
}

const KUBE_SERVICES = 'KUBE-SERVICES';
const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
const KUBE_EXTERNAL = 'KUBE-EXTERNAL-SERVICES';
const KUBE_FORWARD = 'KUBE-FORWARD';
const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
const KUBE_FIREWALL = 'KUBE-FIREWALL';
export const KUBE_PROXY_CANARY = 'KUBE-PROXY-CANARY';
/** Above this many endpoints kube-proxy drops per-endpoint comments (`largeClusterEndpointsThreshold`). */
export const LARGE_CLUSTER_ENDPOINTS = 1000;

const LOOPBACK: Cidr = cidr('127.0.0.0/8');
const host = (ip: Ipv4): Cidr => ({ base: ip, prefix: 32 });
const comment = (text: string): Part => ({ t: 'comment', text });

/**
 * The rules one service port contributes, split by the chain/buffer they go to. Its own nat chains
 * (SVC/SVL/EXT/FW/SEP) are built by `natChains()` on first use and then kept.
 */
interface Fragment {
  natServices: IptRule[];
  natNodePorts: IptRule[];
  natChains: () => Map<string, IptRule[]>;
  filterServices: IptRule[];
  filterExternal: IptRule[];
  filterNodePorts: IptRule[];
  filterFirewall: IptRule[];
}

interface Ctx {
  clusterCidr: Cidr;
  masqueradeAll: boolean;
  large: boolean;
  nodeIp: Ipv4 | null;
}

/** `computeProbability`: Go `%0.10f` of 1/n. */
export const probability = (n: number): string => (1 / n).toFixed(10);

function writeServiceToEndpointRules(
  sp: ServicePortState,
  chain: string,
  eps: EndpointState[],
  c: Ctx,
): IptRule[] {
  const out: IptRule[] = [];
  const cm = (e: EndpointState): Part[] => (c.large ? [] : [comment(`${sp.name} -> ${endpointText(e)}`)]);
  if (sp.sessionAffinity === 'ClientIP') {
    for (const e of eps) {
      const sep = sepChain(sp, e);
      out.push(
        rule(
          chain,
          [...cm(e), { t: 'recent', op: 'rcheck', name: sep, seconds: sp.affinityTimeoutSeconds }],
          jump(sep),
        ),
      );
    }
  }
  eps.forEach((e, i) => {
    const parts = cm(e);
    if (i < eps.length - 1) parts.push({ t: 'statistic', p: probability(eps.length - i) });
    out.push(rule(chain, parts, { t: 'jump', chain: sepChain(sp, e), endpoint: endpointText(e) }));
  });
  return out;
}

function fragment(sp: ServicePortState, cat: Categorized, c: Ctx): Fragment {
  const f: Fragment = {
    natServices: [],
    natNodePorts: [],
    natChains: () => new Map(),
    filterServices: [],
    filterExternal: [],
    filterNodePorts: [],
    filterFirewall: [],
  };
  const proto = protoLower(sp);
  const l4: Part = { t: 'l4', proto };
  const name = sp.name;
  const ch = serviceChains(sp);
  const { clusterEndpoints, localEndpoints, reachable, hasAny } = cat;
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && usesClusterEndpoints(sp);
  const usesLocalPolicyChain = localEndpoints.length > 0 && usesLocalEndpoints(sp);
  let internalChain = ch.svc;
  let hasInternal = hasAny;
  if (internalPolicyLocal(sp)) {
    internalChain = ch.svl;
    if (localEndpoints.length === 0) hasInternal = false;
  }
  let externalPolicyChain = ch.svc;
  let hasExternal = hasAny;
  if (externalPolicyLocal(sp)) {
    externalPolicyChain = ch.svl;
    if (localEndpoints.length === 0) hasExternal = false;
  }
  const usesExt = hasAny && externallyAccessible(sp);
  const usesFW = hasAny && sp.loadBalancerIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const lbChain = usesFW ? ch.fw : ch.ext;
  let intTarget: Target = { t: 'REJECT' };
  let intComment = `${name} has no endpoints`;
  let extTarget: Target = { t: 'REJECT' };
  let extComment = intComment;
  if (hasAny) {
    intTarget = extTarget = { t: 'DROP' };
    intComment = extComment = `${name} has no local endpoints`;
  }
  const vip = (ip: Ipv4): Part[] => [
    l4,
    { t: 'dst', cidr: host(ip), neg: false },
    { t: 'dport', port: sp.port },
  ];
  const clusterIP = sp.clusterIP!;

  if (hasInternal)
    f.natServices.push(
      rule('KUBE-SERVICES', [comment(`${name} cluster IP`), ...vip(clusterIP)], jump(internalChain)),
    );
  else f.filterServices.push(rule(KUBE_SERVICES, [comment(intComment), ...vip(clusterIP)], intTarget));

  for (const ip of sp.externalIPs) {
    if (hasAny)
      f.natServices.push(rule(KUBE_SERVICES, [comment(`${name} external IP`), ...vip(ip)], jump(ch.ext)));
    if (!hasExternal)
      f.filterExternal.push(rule(KUBE_EXTERNAL, [comment(extComment), ...vip(ip)], extTarget));
  }
  for (const ip of sp.loadBalancerIPs) {
    if (hasAny)
      f.natServices.push(
        rule(KUBE_SERVICES, [comment(`${name} loadbalancer IP`), ...vip(ip)], jump(lbChain)),
      );
    if (usesFW)
      f.filterFirewall.push(
        rule(KUBE_PROXY_FIREWALL, [comment(`${name} traffic not accepted by ${ch.fw}`), ...vip(ip)], {
          t: 'DROP',
        }),
      );
  }
  if (!hasExternal)
    for (const ip of sp.loadBalancerIPs)
      f.filterExternal.push(rule(KUBE_EXTERNAL, [comment(extComment), ...vip(ip)], extTarget));
  if (sp.nodePort !== 0) {
    const np: Part = { t: 'dport', port: sp.nodePort };
    if (hasAny) f.natNodePorts.push(rule(KUBE_NODEPORTS, [comment(name), l4, np], jump(ch.ext)));
    if (!hasExternal)
      f.filterExternal.push(
        rule(KUBE_EXTERNAL, [comment(extComment), { t: 'addrtype', dir: 'dst' }, l4, np], extTarget),
      );
  }
  if (sp.healthCheckNodePort !== 0)
    f.filterNodePorts.push(
      rule(
        KUBE_NODEPORTS,
        [
          comment(`${name} health check node port`),
          { t: 'l4', proto: 'tcp' },
          { t: 'dport', port: sp.healthCheckNodePort },
        ],
        { t: 'ACCEPT' },
      ),
    );

  let built: Map<string, IptRule[]> | null = null;
  f.natChains = () => (built ??= buildChains());
  return f;

  function buildChains(): Map<string, IptRule[]> {
    const chains = new Map<string, IptRule[]>();
    const add = (chain: string, r: IptRule) => {
      const list = chains.get(chain);
      if (list) list.push(r);
      else chains.set(chain, [r]);
    };
    const masqInternal = () => {
      if (!hasInternal) return;
      const parts: Part[] = [comment(`${name} cluster IP`), ...vip(clusterIP)];
      if (!c.masqueradeAll) parts.push({ t: 'src', cidr: c.clusterCidr, neg: true });
      add(internalChain, rule(internalChain, parts, jump(KUBE_MARK_MASQ)));
    };
    if (usesExt) {
      chains.set(ch.ext, []);
      if (!externalPolicyLocal(sp)) {
        add(
          ch.ext,
          rule(
            ch.ext,
            [comment(`masquerade traffic for ${name} external destinations`)],
            jump(KUBE_MARK_MASQ),
          ),
        );
      } else {
        add(
          ch.ext,
          rule(
            ch.ext,
            [
              comment(`pod traffic for ${name} external destinations`),
              { t: 'src', cidr: c.clusterCidr, neg: false },
            ],
            jump(ch.svc),
          ),
        );
        add(
          ch.ext,
          rule(
            ch.ext,
            [
              comment(`masquerade LOCAL traffic for ${name} external destinations`),
              { t: 'addrtype', dir: 'src' },
            ],
            jump(KUBE_MARK_MASQ),
          ),
        );
        add(
          ch.ext,
          rule(
            ch.ext,
            [comment(`route LOCAL traffic for ${name} external destinations`), { t: 'addrtype', dir: 'src' }],
            jump(ch.svc),
          ),
        );
      }
      if (hasExternal) add(ch.ext, rule(ch.ext, [], jump(externalPolicyChain)));
    }
    if (usesFW) {
      chains.set(ch.fw, []);
      const lbc = comment(`${name} loadbalancer IP`);
      let allowFromNode = false;
      for (const r of sp.loadBalancerSourceRanges) {
        add(ch.fw, rule(ch.fw, [lbc, { t: 'src', cidr: r, neg: false }], jump(ch.ext)));
        if (c.nodeIp !== null && cidrContains(r, c.nodeIp)) allowFromNode = true;
      }
      if (allowFromNode)
        for (const ip of sp.loadBalancerIPs)
          add(ch.fw, rule(ch.fw, [lbc, { t: 'src', cidr: host(ip), neg: false }], jump(ch.ext)));
      add(
        ch.fw,
        rule(ch.fw, [comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)], {
          t: 'none',
        }),
      );
    }
    if (usesClusterPolicyChain) {
      chains.set(ch.svc, chains.get(ch.svc) ?? []);
      if (internalChain === ch.svc) masqInternal();
      for (const r of writeServiceToEndpointRules(sp, ch.svc, clusterEndpoints, c)) add(ch.svc, r);
    }
    if (usesLocalPolicyChain) {
      chains.set(ch.svl, chains.get(ch.svl) ?? []);
      if (internalChain === ch.svl) masqInternal();
      for (const r of writeServiceToEndpointRules(sp, ch.svl, localEndpoints, c)) add(ch.svl, r);
    }
    for (const e of reachable) {
      const sep = sepChain(sp, e);
      const cm: Part[] = c.large ? [] : [comment(name)];
      const dnatParts: Part[] = [...cm];
      if (sp.sessionAffinity === 'ClientIP')
        dnatParts.push({ t: 'recent', op: 'set', name: sep, seconds: 0 });
      dnatParts.push(l4);
      chains.set(sep, [
        rule(sep, [...cm, { t: 'src', cidr: host(e.ip), neg: false }], jump(KUBE_MARK_MASQ)),
        rule(sep, dnatParts, { t: 'DNAT', ip: e.ip, port: e.port }),
      ]);
    }
    return chains;
  }
}

/** Everything identical on every node, built once per ServiceState and options. */
interface SharedIpt {
  /** Per service port; null where the port's rules depend on the node (Local policies, source ranges). */
  fragments: (Fragment | null)[];
  /** KUBE-SVC/SVL/EXT/FW name → index of the service port owning it (every port). */
  owner: Map<string, number>;
  /** Fixed chains, plus the assembled KUBE-SERVICES & co. when no port depends on the node. */
  nat: Map<string, IptRule[]>;
  filter: Map<string, IptRule[]>;
  anyNodeDependent: boolean;
  ctx: Ctx;
}

const sharedCache = new WeakMap<ServiceState, Map<string, SharedIpt>>();

const isNodeDependent = (sp: ServicePortState) => nodeDependent(sp) || sp.loadBalancerSourceRanges.length > 0;

function ctxOf(state: ServiceState, o: IptablesOptions, nodeIp: Ipv4 | null): Ctx {
  let total = 0;
  for (const p of state.ports) total += p.endpoints.length;
  return {
    clusterCidr: o.clusterCidr ?? state.clusterCidr,
    masqueradeAll: o.masqueradeAll ?? false,
    large: total > LARGE_CLUSTER_ENDPOINTS,
    nodeIp,
  };
}

function baseNat(o: IptablesOptions): [string, IptRule[]][] {
  const masq: Target = { t: 'MASQUERADE', randomFully: o.randomFully ?? true };
  return [
    ['PREROUTING', [rule('PREROUTING', [comment('kubernetes service portals')], jump(KUBE_SERVICES))]],
    ['OUTPUT', [rule('OUTPUT', [comment('kubernetes service portals')], jump(KUBE_SERVICES))]],
    ['POSTROUTING', [rule('POSTROUTING', [comment('kubernetes postrouting rules')], jump(KUBE_POSTROUTING))]],
    [KUBE_PROXY_CANARY, []],
    [
      KUBE_POSTROUTING,
      [
        rule(KUBE_POSTROUTING, [{ t: 'mark', neg: true, value: MASQ_MARK }], { t: 'RETURN' }),
        rule(KUBE_POSTROUTING, [], { t: 'MARK', op: 'xor', value: MASQ_MARK }),
        rule(KUBE_POSTROUTING, [comment('kubernetes service traffic requiring SNAT')], masq),
      ],
    ],
    [KUBE_MARK_MASQ, [rule(KUBE_MARK_MASQ, [], { t: 'MARK', op: 'or', value: MASQ_MARK })]],
  ];
}

/** Built-in chain jumps, in the order they end up after kube-proxy's Prepend (kubelet's KUBE-FIREWALL stays last). */
function baseFilter(o: IptablesOptions): [string, IptRule[]][] {
  const isNew: Part = { t: 'ctstate', neg: false, states: 'NEW' };
  const j = (from: string, to: string, text: string | null, ctNew: boolean) =>
    rule(from, [...(ctNew ? [isNew] : []), ...(text ? [comment(text)] : [])], jump(to));
  const fw = 'kubernetes load balancer firewall';
  const out: [string, IptRule[]][] = [
    [
      'INPUT',
      [
        j('INPUT', KUBE_PROXY_FIREWALL, fw, true),
        j('INPUT', KUBE_NODEPORTS, 'kubernetes health check service ports', false),
        j('INPUT', KUBE_EXTERNAL, 'kubernetes externally-visible service portals', true),
        j('INPUT', KUBE_FIREWALL, null, false),
      ],
    ],
    [
      'FORWARD',
      [
        j('FORWARD', KUBE_PROXY_FIREWALL, fw, true),
        j('FORWARD', KUBE_FORWARD, 'kubernetes forwarding rules', false),
        j('FORWARD', KUBE_SERVICES, 'kubernetes service portals', true),
        j('FORWARD', KUBE_EXTERNAL, 'kubernetes externally-visible service portals', true),
      ],
    ],
    [
      'OUTPUT',
      [
        j('OUTPUT', KUBE_PROXY_FIREWALL, fw, true),
        j('OUTPUT', KUBE_SERVICES, 'kubernetes service portals', true),
        j('OUTPUT', KUBE_FIREWALL, null, false),
      ],
    ],
    [KUBE_PROXY_CANARY, []],
  ];
  if (o.localhostNodePorts ?? true)
    out.push([
      KUBE_FIREWALL,
      [
        rule(
          KUBE_FIREWALL,
          [
            comment('block incoming localnet connections'),
            { t: 'dst', cidr: LOOPBACK, neg: false },
            { t: 'src', cidr: LOOPBACK, neg: true },
            { t: 'ctstate', neg: true, states: 'RELATED,ESTABLISHED,DNAT' },
          ],
          { t: 'DROP' },
        ),
      ],
    ]);
  return out;
}

function forwardChain(): IptRule[] {
  return [
    rule(KUBE_FORWARD, [{ t: 'ctstate', neg: false, states: 'INVALID' }], { t: 'DROP' }),
    rule(
      KUBE_FORWARD,
      [comment('kubernetes forwarding rules'), { t: 'mark', neg: false, value: MASQ_MARK }],
      { t: 'ACCEPT' },
    ),
    rule(
      KUBE_FORWARD,
      [
        comment('kubernetes forwarding conntrack rule'),
        { t: 'ctstate', neg: false, states: 'RELATED,ESTABLISHED' },
      ],
      {
        t: 'ACCEPT',
      },
    ),
  ];
}

function shared(state: ServiceState, o: IptablesOptions): SharedIpt {
  const key = JSON.stringify([
    o.clusterCidr ?? null,
    o.masqueradeAll ?? false,
    o.randomFully ?? true,
    o.localhostNodePorts ?? true,
  ]);
  let byOpts = sharedCache.get(state);
  if (!byOpts) sharedCache.set(state, (byOpts = new Map()));
  const hit = byOpts.get(key);
  if (hit) return hit;
  const c = ctxOf(state, o, null);
  const nat = new Map<string, IptRule[]>(baseNat(o));
  const filter = new Map<string, IptRule[]>(baseFilter(o));
  filter.set(KUBE_FORWARD, forwardChain());
  const owner = new Map<string, number>();
  let anyNodeDependent = false;
  const fragments = state.ports.map((sp, i) => {
    const ch = serviceChains(sp);
    owner.set(ch.svc, i).set(ch.svl, i).set(ch.ext, i).set(ch.fw, i);
    if (isNodeDependent(sp)) {
      anyNodeDependent = true;
      return null;
    }
    return fragment(sp, categorize(sp, null), c);
  });
  const s: SharedIpt = { fragments, owner, nat, filter, anyNodeDependent, ctx: c };
  if (!anyNodeDependent) assemble(fragments, nat, filter);
  byOpts.set(key, s);
  return s;
}

/** Concatenates the per-port pieces into KUBE-SERVICES, KUBE-NODEPORTS and the filter chains. */
function assemble(
  frags: (Fragment | null)[],
  nat: Map<string, IptRule[]>,
  filter: Map<string, IptRule[]>,
): void {
  const natServices: IptRule[] = [];
  const natNodePorts: IptRule[] = [];
  const fServices: IptRule[] = [];
  const fExternal: IptRule[] = [];
  const fNodePorts: IptRule[] = [];
  const fFirewall: IptRule[] = [];
  const append = (to: IptRule[], from: IptRule[]) => {
    for (const r of from) to.push(r);
  };
  for (const f of frags) {
    if (!f) continue;
    append(natServices, f.natServices);
    append(natNodePorts, f.natNodePorts);
    append(fServices, f.filterServices);
    append(fExternal, f.filterExternal);
    append(fNodePorts, f.filterNodePorts);
    append(fFirewall, f.filterFirewall);
  }
  natServices.push(
    rule(
      KUBE_SERVICES,
      [
        comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'),
        { t: 'addrtype', dir: 'dst' },
      ],
      jump(KUBE_NODEPORTS),
    ),
  );
  nat.set(KUBE_SERVICES, natServices);
  nat.set(KUBE_NODEPORTS, natNodePorts);
  filter.set(KUBE_SERVICES, fServices);
  filter.set(KUBE_EXTERNAL, fExternal);
  filter.set(KUBE_NODEPORTS, fNodePorts);
  filter.set(KUBE_PROXY_FIREWALL, fFirewall);
}

const NAT_FIXED = [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ];
const FILTER_FIXED = [KUBE_SERVICES, KUBE_EXTERNAL, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL];

/**
 * A table seen from one node: its own chains first, then the shared ones; per-port chains come
 * from the owning port's fragment (the node's own for node-dependent ports) and are built on demand.
 */
class NodeTable implements IptTable {
  /** Chains of already-built fragments by name (SEP chains are only reachable this way). */
  private readonly built = new Map<string, IptRule[]>();
  private readonly seen = new Set<Fragment>();
  constructor(
    readonly name: TableName,
    private readonly fixedOrder: string[],
    private readonly ownFixed: Map<string, IptRule[]>,
    private readonly sharedFixed: Map<string, IptRule[]>,
    /** Every port's fragment as this node sees it (empty for filter). */
    private readonly frags: readonly (Fragment | null)[],
    private readonly isOwn: (i: number) => boolean,
    private readonly owner: Map<string, number>,
  ) {}

  private use(f: Fragment): Map<string, IptRule[]> {
    const m = f.natChains();
    if (!this.seen.has(f)) {
      this.seen.add(f);
      for (const [n, r] of m) this.built.set(n, r);
    }
    return m;
  }

  private all(): void {
    for (const f of this.frags) if (f) this.use(f);
  }

  chain(name: string): IptRule[] | undefined {
    const fixed = this.ownFixed.get(name) ?? this.sharedFixed.get(name);
    if (fixed) return fixed;
    const i = this.owner.get(name);
    if (i !== undefined) {
      const f = this.frags[i];
      return f ? this.use(f).get(name) : undefined;
    }
    if (!this.built.has(name) && this.frags.length > 0 && name.startsWith('KUBE-')) this.all();
    return this.built.get(name);
  }

  get order(): string[] {
    const out = [...this.fixedOrder];
    for (const f of this.frags) if (f) for (const n of this.use(f).keys()) out.push(n);
    return out;
  }

  private collect(own: boolean): Map<string, IptRule[]> {
    const out = new Map(own ? this.ownFixed : this.sharedFixed);
    this.frags.forEach((f, i) => {
      if (f && this.isOwn(i) === own) for (const [n, r] of this.use(f)) out.set(n, r);
    });
    return out;
  }

  get local(): Map<string, IptRule[]> {
    return this.collect(true);
  }

  get shared(): Map<string, IptRule[]> {
    return this.collect(false);
  }
}

/** Programs node `nodeIndex`: shares every node-independent chain, builds only what differs. */
export function programIptables(
  state: ServiceState,
  nodeIndex: number,
  o: IptablesOptions = {},
): IptablesRules {
  const s = shared(state, o);
  const natLocal = new Map<string, IptRule[]>();
  const filterLocal = new Map<string, IptRule[]>();
  let frags = s.fragments;
  const own = new Set<number>();
  if (s.anyNodeDependent) {
    const nodeName = state.nodeNames[nodeIndex] ?? null;
    const c: Ctx = { ...s.ctx, nodeIp: state.nodeIps[nodeIndex] ?? null };
    frags = state.ports.map((sp, i) => {
      const f = s.fragments[i];
      if (f) return f;
      own.add(i);
      return fragment(sp, categorize(sp, nodeName), c);
    });
    assemble(frags, natLocal, filterLocal);
  }
  const filterOrder = [...FILTER_FIXED];
  if (o.localhostNodePorts ?? true) filterOrder.push(KUBE_FIREWALL);
  const isOwn = (i: number) => own.has(i);
  return {
    mode: 'iptables',
    nodeIndex,
    nat: new NodeTable('nat', NAT_FIXED, natLocal, s.nat, frags, isOwn, s.owner),
    filter: new NodeTable('filter', filterOrder, filterLocal, s.filter, [], isOwn, new Map()),
  };
}
