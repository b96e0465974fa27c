import type { Cidr } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';
import { MASQ_MARK } from '../types';
import {
  type IptRule,
  type IptTable,
  type IptablesRules,
  type Part,
  type TableName,
  jump,
  rule,
} from '../iptables/model';
import { ipsetInfo } from './ipsets';

/**
 * The iptables rules IPVS mode keeps next to IPVS (K8S pkg/proxy/ipvs/proxier.go
 * `createAndLinkKubeChain`, `writeIptablesRules`, `acceptIPVSTraffic`): IPVS only load-balances;
 * marking for masquerade, hairpin SNAT, the LoadBalancer source-range firewall and the filter that
 * keeps host ports from answering on Service VIPs (KUBE-IPVS-FILTER, kubernetes#72236) are
 * netfilter's. ipsets keep the rule count constant whatever the number of Services.
 */

/** What decides which rules exist on a node: which sets have members, and the cluster CIDR. */
export interface IpvsNetfilterInput {
  nodeIndex: number;
  clusterCidr: Cidr;
  nonEmpty: (set: string) => boolean;
  /** LoadBalancer IP:port/proto whose source ranges do not cover the node (KUBE-IPVS-OUT-FILTER). */
  lbNoNodeAccess: { ip: Ipv4; proto: 'tcp' | 'udp' | 'sctp'; port: number }[];
  /** `-j MASQUERADE --random-fully` when iptables supports it (every current distribution). */
  randomFully: boolean;
}

const c = (text: string): Part => ({ t: 'comment', text });
const set = (name: string, flags: string): Part => ({ t: 'set', name, flags });

/** `iptablesJumpChain`, applied with EnsureRule(Prepend) one after the other: the last lands on top. */
const JUMPS: [TableName, string, string, string][] = [
  ['nat', 'OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals'],
  ['nat', 'PREROUTING', 'KUBE-SERVICES', 'kubernetes service portals'],
  ['nat', 'POSTROUTING', 'KUBE-POSTROUTING', 'kubernetes postrouting rules'],
  ['filter', 'FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules'],
  ['filter', 'INPUT', 'KUBE-NODE-PORT', 'kubernetes health check rules'],
  ['filter', 'INPUT', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
  ['filter', 'FORWARD', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
  ['filter', 'INPUT', 'KUBE-IPVS-FILTER', 'kubernetes ipvs access filter'],
  ['filter', 'OUTPUT', 'KUBE-IPVS-OUT-FILTER', 'kubernetes ipvs access filter'],
];

/** `iptablesChains`: the chains IPVS mode owns. */
const CHAINS: Record<TableName, string[]> = {
  nat: ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ'],
  filter: [
    'KUBE-FORWARD',
    'KUBE-NODE-PORT',
    'KUBE-PROXY-FIREWALL',
    'KUBE-SOURCE-RANGES-FIREWALL',
    'KUBE-IPVS-FILTER',
    'KUBE-IPVS-OUT-FILTER',
  ],
};

/** `ipsetWithIptablesChain`: set → (table, from chain, target, match flags, `-p`). */
const SET_CHAINS: [string, TableName, string, string, string, 'tcp' | 'udp' | 'sctp' | null][] = [
  ['KUBE-LOOP-BACK', 'nat', 'KUBE-POSTROUTING', 'MASQUERADE', 'dst,dst,src', null],
  ['KUBE-LOAD-BALANCER', 'nat', 'KUBE-SERVICES', 'KUBE-LOAD-BALANCER', 'dst,dst', null],
  ['KUBE-LOAD-BALANCER-LOCAL', 'nat', 'KUBE-LOAD-BALANCER', 'RETURN', 'dst,dst', null],
  ['KUBE-NODE-PORT-LOCAL-TCP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'tcp'],
  ['KUBE-NODE-PORT-TCP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'tcp'],
  ['KUBE-NODE-PORT-LOCAL-UDP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'udp'],
  ['KUBE-NODE-PORT-UDP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'udp'],
  ['KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst,dst', 'sctp'],
  ['KUBE-NODE-PORT-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst,dst', 'sctp'],
  ['KUBE-LOAD-BALANCER-FW', 'filter', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'dst,dst', null],
  ['KUBE-LOAD-BALANCER-SOURCE-CIDR', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', null],
  ['KUBE-LOAD-BALANCER-SOURCE-IP', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', null],
];

const targetOf = (to: string) =>
  to === 'RETURN'
    ? { t: 'RETURN' as const }
    : to === 'MASQUERADE'
      ? { t: 'MASQUERADE' as const, randomFully: false }
      : jump(to);

function table(name: TableName, rules: IptRule[]): IptTable {
  const chains = new Map<string, IptRule[]>();
  for (const ch of CHAINS[name]) chains.set(ch, []);
  for (const r of rules) {
    let list = chains.get(r.chain);
    if (!list) chains.set(r.chain, (list = []));
    list.push(r);
  }
  return {
    name,
    chain: (ch) => chains.get(ch),
    order: CHAINS[name],
    local: chains,
    shared: new Map(),
  };
}

/** Builds the nat and filter tables kube-proxy writes in IPVS mode on one node. */
export function ipvsNetfilter(x: IpvsNetfilterInput): IptablesRules {
  const nat: IptRule[] = [];
  const filter: IptRule[] = [];
  const push = (t: TableName, r: IptRule) => (t === 'nat' ? nat : filter).push(r);
  // Jumps from the built-in chains (prepended: reverse order within each chain).
  for (const [t, from, to, comment] of [...JUMPS].reverse()) push(t, rule(from, [c(comment)], jump(to)));
  const comment = (name: string) => c(ipsetInfo(name).comment);

  nat.push(
    rule('KUBE-SERVICES', [{ t: 'src', cidr: { base: 0x7f000000 as Ipv4, prefix: 8 }, neg: false }], {
      t: 'RETURN',
    }),
  );
  for (const [name, t, from, to, flags, proto] of SET_CHAINS) {
    if (!x.nonEmpty(name)) continue;
    push(
      t,
      rule(
        from,
        [...(proto ? [{ t: 'proto' as const, proto }] : []), comment(name), set(name, flags)],
        targetOf(to),
      ),
    );
  }
  if (x.nonEmpty('KUBE-CLUSTER-IP'))
    nat.push(
      rule(
        'KUBE-SERVICES',
        [
          comment('KUBE-CLUSTER-IP'),
          set('KUBE-CLUSTER-IP', 'dst,dst'),
          { t: 'src', cidr: x.clusterCidr, neg: true },
        ],
        jump('KUBE-MARK-MASQ'),
      ),
    );
  const externalIpRules = (name: string) => {
    const base = [comment(name), set(name, 'dst,dst')];
    nat.push(
      rule(
        'KUBE-SERVICES',
        [...base, { t: 'physdev', neg: true }, { t: 'addrtype', dir: 'src', neg: true }],
        { t: 'ACCEPT' },
      ),
    );
    nat.push(rule('KUBE-SERVICES', [...base, { t: 'addrtype', dir: 'dst' }], { t: 'ACCEPT' }));
  };
  if (x.nonEmpty('KUBE-EXTERNAL-IP')) {
    nat.push(
      rule(
        'KUBE-SERVICES',
        [comment('KUBE-EXTERNAL-IP'), set('KUBE-EXTERNAL-IP', 'dst,dst')],
        jump('KUBE-MARK-MASQ'),
      ),
    );
    externalIpRules('KUBE-EXTERNAL-IP');
  }
  if (x.nonEmpty('KUBE-EXTERNAL-IP-LOCAL')) externalIpRules('KUBE-EXTERNAL-IP-LOCAL');
  nat.push(rule('KUBE-SERVICES', [{ t: 'addrtype', dir: 'dst' }], jump('KUBE-NODE-PORT')));
  nat.push(rule('KUBE-LOAD-BALANCER', [], jump('KUBE-MARK-MASQ')));
  filter.push(rule('KUBE-SOURCE-RANGES-FIREWALL', [], { t: 'DROP' }));
  for (const e of x.lbNoNodeAccess)
    filter.push(
      rule(
        'KUBE-IPVS-OUT-FILTER',
        [
          { t: 'src', cidr: { base: e.ip, prefix: 32 }, neg: false },
          { t: 'ipvs', vaddr: e.ip, vproto: e.proto, vport: e.port },
        ],
        { t: 'DROP' },
      ),
    );
  // acceptIPVSTraffic: must be the end of KUBE-SERVICES.
  for (const name of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER'])
    if (x.nonEmpty(name)) nat.push(rule('KUBE-SERVICES', [set(name, 'dst,dst')], { t: 'ACCEPT' }));
  filter.push(
    rule('KUBE-FORWARD', [c('kubernetes forwarding rules'), { t: 'mark', neg: false, value: MASQ_MARK }], {
      t: 'ACCEPT',
    }),
    rule(
      'KUBE-FORWARD',
      [
        c('kubernetes forwarding conntrack rule'),
        { t: 'ctstate', neg: false, states: 'RELATED,ESTABLISHED' },
      ],
      { t: 'ACCEPT' },
    ),
    rule(
      'KUBE-NODE-PORT',
      [comment('KUBE-HEALTH-CHECK-NODE-PORT'), set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')],
      {
        t: 'ACCEPT',
      },
    ),
  );
  for (const name of ['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL'])
    filter.push(rule('KUBE-IPVS-FILTER', [set(name, 'dst,dst')], { t: 'RETURN' }));
  filter.push(
    rule('KUBE-IPVS-FILTER', [set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], { t: 'RETURN' }),
    rule('KUBE-IPVS-FILTER', [{ t: 'ctstate', neg: false, states: 'NEW' }, set('KUBE-IPVS-IPS', 'dst')], {
      t: 'REJECT',
    }),
  );
  nat.push(
    rule('KUBE-POSTROUTING', [{ t: 'mark', neg: true, value: MASQ_MARK }], { t: 'RETURN' }),
    rule('KUBE-POSTROUTING', [], { t: 'MARK', op: 'xor', value: MASQ_MARK }),
    rule('KUBE-POSTROUTING', [c('kubernetes service traffic requiring SNAT')], {
      t: 'MASQUERADE',
      randomFully: x.randomFully,
    }),
    rule('KUBE-MARK-MASQ', [], { t: 'MARK', op: 'or', value: MASQ_MARK }),
  );
  return {
    mode: 'iptables',
    nodeIndex: x.nodeIndex,
    nat: table('nat', nat),
    filter: table('filter', filter),
    canary: false,
  };
}
