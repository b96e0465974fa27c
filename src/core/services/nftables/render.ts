import { formatCidr } from '../../net/cidr';
import { formatIpv4 } from '../../net/ipv4';
import type { NftRules } from './model';

/**
 * Two printers (kubernetes pkg/proxy/nftables/proxier_test.go): the `nft -f` transaction kube-proxy sends (per-service blocks in the
 * shape upstream's `TestOverallNFTablesRules` expects), and `nft list table ip kube-proxy`, the nested
 * form an operator sees (standard priorities by name — rendering details recalled, not verified).
 */

/** Base chains: name, hook type and priority as written by kube-proxy, and as `nft list` names it. */
export const BASE_CHAINS: { name: string; type: string; hook: string; prio: number; named: string }[] = [
  {
    name: 'filter-prerouting-pre-dnat',
    type: 'filter',
    hook: 'prerouting',
    prio: -110,
    named: 'dstnat - 10',
  },
  { name: 'filter-output-pre-dnat', type: 'filter', hook: 'output', prio: -110, named: 'dstnat - 10' },
  { name: 'filter-forward', type: 'filter', hook: 'forward', prio: 0, named: 'filter' },
  { name: 'filter-input', type: 'filter', hook: 'input', prio: 0, named: 'filter' },
  { name: 'filter-output', type: 'filter', hook: 'output', prio: 0, named: 'filter' },
  { name: 'nat-output', type: 'nat', hook: 'output', prio: -100, named: 'dstnat' },
  { name: 'nat-postrouting', type: 'nat', hook: 'postrouting', prio: 100, named: 'srcnat' },
  { name: 'nat-prerouting', type: 'nat', hook: 'prerouting', prio: -100, named: 'dstnat' },
];

/** The fixed rules of the table (proxier_test `baseRules`), by chain, in order. */
export function baseRules(r: NftRules): [string, string[]][] {
  return [
    [
      'cluster-ips-check',
      [
        'ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"',
        `ip daddr { ${formatCidr(r.serviceCidr)} } drop comment "Drop traffic to unallocated ClusterIPs"`,
      ],
    ],
    ['filter-prerouting-pre-dnat', ['ct state new jump firewall-check']],
    ['filter-forward', ['ct state new jump service-endpoints-check', 'ct state new jump cluster-ips-check']],
    [
      'filter-input',
      ['ct state new jump nodeport-endpoints-check', 'ct state new jump service-endpoints-check'],
    ],
    ['filter-output', ['ct state new jump service-endpoints-check', 'ct state new jump cluster-ips-check']],
    ['filter-output-pre-dnat', ['ct state new jump firewall-check']],
    ['firewall-check', ['ip daddr . meta l4proto . th dport vmap @firewall-ips']],
    ['mark-for-masquerade', ['mark set mark or 0x4000']],
    ['masquerading', ['mark and 0x4000 == 0 return', 'mark set mark xor 0x4000', 'masquerade fully-random']],
    ['nat-output', ['jump services']],
    ['nat-postrouting', ['jump masquerading']],
    ['nat-prerouting', ['jump services']],
    [
      'nodeport-endpoints-check',
      ['ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports'],
    ],
    ['reject-chain', ['reject']],
    [
      'services',
      [
        'ip daddr . meta l4proto . th dport vmap @service-ips',
        'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports',
      ],
    ],
    ['service-endpoints-check', ['ip daddr . meta l4proto . th dport vmap @no-endpoint-services']],
  ];
}

const SETS: [string, string, string][] = [
  ['set', 'cluster-ips', 'type ipv4_addr ; comment "Active ClusterIPs"'],
  ['set', 'nodeport-ips', 'type ipv4_addr ; comment "IPs that accept NodePort traffic"'],
  [
    'map',
    'firewall-ips',
    'type ipv4_addr . inet_proto . inet_service : verdict ; comment "destinations that are subject to LoadBalancerSourceRanges"',
  ],
  [
    'map',
    'no-endpoint-nodeports',
    'type inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to service nodeports with no endpoints"',
  ],
  [
    'map',
    'no-endpoint-services',
    'type ipv4_addr . inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to services with no endpoints"',
  ],
  [
    'map',
    'service-ips',
    'type ipv4_addr . inet_proto . inet_service : verdict ; comment "ClusterIP, ExternalIP and LoadBalancer IP traffic"',
  ],
  ['map', 'service-nodeports', 'type inet_proto . inet_service : verdict ; comment "NodePort traffic"'],
];

/** `nft -f` transaction: table, sets, base chains and rules, then one block per service port. */
export function renderTransaction(r: NftRules): string {
  const T = 'ip kube-proxy';
  const out: string[] = [`add table ${T} { comment "rules for kube-proxy" ; }`];
  for (const [kind, name, spec] of SETS) out.push(`add ${kind} ${T} ${name} { ${spec} ; }`);
  const chains = [
    'cluster-ips-check',
    ...BASE_CHAINS.map((b) => b.name),
    'firewall-check',
    'mark-for-masquerade',
    'masquerading',
    'nodeport-endpoints-check',
    'reject-chain',
    'services',
    'service-endpoints-check',
  ];
  for (const c of [...new Set(chains)]) {
    const b = BASE_CHAINS.find((x) => x.name === c);
    const extra = b
      ? ` { type ${b.type} hook ${b.hook} priority ${b.prio} ; }`
      : c === 'reject-chain'
        ? ' { comment "helper for @no-endpoint-services / @no-endpoint-nodeports" ; }'
        : '';
    out.push(`add chain ${T} ${c}${extra}`);
  }
  for (const [chain, rules] of baseRules(r)) for (const x of rules) out.push(`add rule ${T} ${chain} ${x}`);
  if (r.nodeportIps.length)
    out.push(`add element ${T} nodeport-ips { ${r.nodeportIps.map(formatIpv4).join(', ')} }`);
  for (const block of r.blocks) out.push('', ...block);
  return out.join('\n') + '\n';
}

/**
 * A time as nft prints it (netfilter nftables src/datatype.c `time_print`): days, hours, minutes,
 * seconds and milliseconds, each only when non-zero: 10800 s is `3h`, 90 s is `1m30s`.
 */
export function nftTime(seconds: number): string {
  let ms = seconds * 1000;
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86400000],
    ['h', 3600000],
    ['m', 60000],
    ['s', 1000],
  ] as const) {
    const n = Math.floor(ms / size);
    ms -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  if (ms > 0) parts.push(`${ms}ms`);
  return parts.join('') || '0s';
}

/**
 * `elements = { … }` as nft lists a named set (src/expression.c `set_expr_print`,
 * `calculate_delim`): IPv4 addresses two to a line, concatenations and maps one to a line, the
 * continuation indented to the brace.
 */
function elementsOf(list: string[], perLine: number): string[] {
  if (!list.length) return [];
  const lines: string[] = [];
  for (let i = 0; i < list.length; i += perLine) lines.push(list.slice(i, i + perLine).join(', '));
  return [`\t\telements = { ${lines.join(',\n\t\t\t     ')} }`];
}

/** `nft list table ip kube-proxy`. */
export function renderList(r: NftRules): string {
  const o: string[] = ['table ip kube-proxy {', '\tcomment "rules for kube-proxy"'];
  const elements = (list: string[], perLine = 1) => elementsOf(list, perLine);
  const setBody = (name: string): string[] => {
    switch (name) {
      case 'cluster-ips':
        return elements(
          [...r.clusterIps].sort((a, b) => a - b).map((x) => formatIpv4(x as never)),
          2,
        );
      case 'nodeport-ips':
        return elements(r.nodeportIps.map(formatIpv4), 2);
      default: {
        const map = {
          'firewall-ips': r.firewallIps,
          'no-endpoint-nodeports': r.noEndpointNodeports,
          'no-endpoint-services': r.noEndpointServices,
          'service-ips': r.serviceIps,
          'service-nodeports': r.serviceNodeports,
        }[name];
        return elements(
          [...(map?.values() ?? [])].map(
            (e) => `${e.key}${e.comment ? ` comment "${e.comment}"` : ''} : ${String(e.value)}`,
          ),
        );
      }
    }
  };
  for (const [kind, name, spec] of SETS) {
    const [type, comment] = spec.split(' ; ');
    o.push('', `\t${kind} ${name} {`, `\t\t${type}`, `\t\t${comment}`, ...setBody(name), '\t}');
  }
  for (const [name, timeout] of r.affinitySets)
    o.push(
      '',
      `\tset ${name} {`,
      '\t\ttype ipv4_addr',
      '\t\tflags dynamic,timeout',
      `\t\ttimeout ${nftTime(timeout)}`,
      '\t}',
    );
  const base = new Map(baseRules(r));
  const chainNames = [...new Set([...base.keys(), ...BASE_CHAINS.map((b) => b.name)])].sort();
  for (const c of chainNames) {
    const b = BASE_CHAINS.find((x) => x.name === c);
    o.push('', `\tchain ${c} {`);
    if (b) o.push(`\t\ttype ${b.type} hook ${b.hook} priority ${b.named}; policy accept;`);
    if (c === 'reject-chain')
      o.push('\t\tcomment "helper for @no-endpoint-services / @no-endpoint-nodeports"');
    for (const x of base.get(c) ?? []) o.push(`\t\t${x}`);
    o.push('\t}');
  }
  for (const [c, rules] of r.chains) {
    o.push('', `\tchain ${c} {`);
    for (const x of rules) o.push(`\t\t${x.text}`);
    o.push('\t}');
  }
  o.push('}');
  return o.join('\n') + '\n';
}
