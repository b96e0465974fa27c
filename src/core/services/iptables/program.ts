import { type Cidr } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';
import { categorize, nodeDependent } from '../categorize';
import { MASQ_MARK, type ServicePortState, type ServiceState } from '../types';
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
import { serviceChains } from './names';
import {
  KUBE_SERVICES,
  KUBE_NODEPORTS,
  KUBE_EXTERNAL,
  KUBE_FORWARD,
  KUBE_POSTROUTING,
  KUBE_MARK_MASQ,
  KUBE_PROXY_FIREWALL,
  KUBE_FIREWALL,
  KUBE_PROXY_CANARY,
  LARGE_CLUSTER_ENDPOINTS,
  LOOPBACK,
  comment,
  fragment,
  probability,
  type Ctx,
  type Fragment,
} from './port-rules';

export { KUBE_PROXY_CANARY, LARGE_CLUSTER_ENDPOINTS, probability };

/**
 * kube-proxy's iptables-mode `syncProxyRules` for one node (K8S pkg/proxy/iptables/proxier.go, modern
 * revision). Per service port the same branches as upstream decide which KUBE-SERVICES,
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
