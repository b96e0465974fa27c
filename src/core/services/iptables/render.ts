import { formatCidr } from '../../net/cidr';
import { formatIpv4 } from '../../net/ipv4';
import {
  BUILTIN_CHAINS,
  type IptRule,
  type IptTable,
  type IptablesRules,
  type Part,
  type TableName,
  chainRules,
} from './model';
import { KUBE_PROXY_CANARY } from './program';

/** `-m addrtype [!] --src-type|--dst-type LOCAL`, as both renderers print it. */
const addrtypeArgs = (p: { neg?: boolean; dir: 'src' | 'dst' }): string[] => [
  '-m',
  'addrtype',
  ...(p.neg ? ['!'] : []),
  p.dir === 'src' ? '--src-type' : '--dst-type',
  'LOCAL',
];

/** `-m set --match-set NAME FLAGS` (kube-proxy's ipset matches in IPVS mode). */
const setArgs = (p: { name: string; flags: string }): string[] => [
  '-m',
  'set',
  '--match-set',
  p.name,
  p.flags,
];

/**
 * Two printers for the same rules (kubernetes pkg/proxy/iptables/proxier_test.go):
 * - `restore`: the iptables-restore input kube-proxy writes, in the canonical order upstream's
 *   proxier_test `sortIPTablesRules` compares (KUBE-NODEPORTS, KUBE-SERVICES, other KUBE-* chains
 *   alphabetically; rules chain by chain); no `/32`; comments quoted only when kube-proxy quotes them.
 * - `save`: what `iptables-save` prints on the node: built-in chains with policies, all chains sorted,
 *   `-s/-d/-p` hoisted before the matches, `/32` masks, `xtables_save_string` quoting, MARK as
 *   `--set-xmark`, `recent` with mask/rsource, statistic as the kernel's 31-bit fixed point (%.11f),
 *   REJECT with its default `--reject-with`.
 */

const hex = (v: number) => `0x${v.toString(16)}`;

/** libxtables `xtables_save_string`: bare if only [A-Za-z0-9_-], else double-quoted with \ escapes. */
export function saveString(s: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(s)) return s;
  return `"${s.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** libxt_statistic: the kernel keeps lround(2^31·p); iptables-save prints value/2^31 with %.11f. */
export function saveProbability(p: string): string {
  const fixed = Math.round(0x80000000 * Number(p));
  return (fixed / 0x80000000).toFixed(11);
}

const restoreAddr = (p: Extract<Part, { t: 'src' | 'dst' }>) =>
  p.cidr.prefix === 32 ? formatIpv4(p.cidr.base) : formatCidr(p.cidr);

/** One rule in kube-proxy's restore-input spelling (without the leading `-A CHAIN`). */
function restoreArgs(r: IptRule): string[] {
  const a: string[] = [];
  for (const p of r.parts) {
    switch (p.t) {
      case 'comment':
        a.push('-m', 'comment', '--comment', /\s/.test(p.text) ? `"${p.text}"` : p.text);
        break;
      case 'l4':
        a.push('-m', p.proto, '-p', p.proto);
        break;
      case 'src':
      case 'dst':
        if (p.neg) a.push('!');
        a.push(p.t === 'src' ? '-s' : '-d', restoreAddr(p));
        break;
      case 'dport':
        a.push('--dport', String(p.port));
        break;
      case 'addrtype':
        a.push(...addrtypeArgs(p));
        break;
      case 'proto':
        a.push('-p', p.proto);
        break;
      case 'set':
        a.push(...setArgs(p));
        break;
      case 'ipvs':
        a.push(
          '-m',
          'ipvs',
          '--vaddr',
          formatIpv4(p.vaddr),
          '--vproto',
          p.vproto,
          '--vport',
          String(p.vport),
        );
        break;
      case 'physdev':
        a.push('-m', 'physdev', ...(p.neg ? ['!'] : []), '--physdev-is-in');
        break;
      case 'statistic':
        a.push('-m', 'statistic', '--mode', 'random', '--probability', p.p);
        break;
      case 'recent':
        if (p.op === 'set') a.push('-m', 'recent', '--name', p.name, '--set');
        else a.push('-m', 'recent', '--name', p.name, '--rcheck', '--seconds', String(p.seconds), '--reap');
        break;
      case 'mark':
        a.push('-m', 'mark', ...(p.neg ? ['!'] : []), '--mark', `${hex(p.value)}/${hex(p.value)}`);
        break;
      case 'ctstate':
        a.push('-m', 'conntrack', ...(p.neg ? ['!'] : []), '--ctstate', p.states);
        break;
    }
  }
  a.push(...restoreTarget(r));
  return a;
}

function restoreTarget(r: IptRule): string[] {
  const t = r.target;
  switch (t.t) {
    case 'jump':
      return ['-j', t.chain];
    case 'DNAT':
      return ['-j', 'DNAT', '--to-destination', `${formatIpv4(t.ip)}:${t.port}`];
    case 'MARK':
      return ['-j', 'MARK', t.op === 'or' ? '--or-mark' : '--xor-mark', hex(t.value)];
    case 'MASQUERADE':
      return ['-j', 'MASQUERADE', ...(t.randomFully ? ['--random-fully'] : [])];
    case 'none':
      return [];
    default:
      return ['-j', t.t];
  }
}

/** One rule as `iptables-save` prints it, `-A CHAIN …` included. */
export function saveRule(r: IptRule): string {
  const out: string[] = ['-A', r.chain];
  const src = r.parts.find((p) => p.t === 'src');
  const dst = r.parts.find((p) => p.t === 'dst');
  const l4 = r.parts.find((p) => p.t === 'l4' || p.t === 'proto');
  const dport = r.parts.find((p) => p.t === 'dport');
  for (const p of [src, dst]) {
    if (!p || (p.t !== 'src' && p.t !== 'dst')) continue;
    if (p.neg) out.push('!');
    out.push(p.t === 'src' ? '-s' : '-d', formatCidr(p.cidr));
  }
  if (l4 && (l4.t === 'l4' || l4.t === 'proto')) out.push('-p', l4.proto);
  for (const p of r.parts) {
    switch (p.t) {
      case 'comment':
        out.push('-m', 'comment', '--comment', saveString(p.text));
        break;
      case 'l4':
        out.push('-m', p.proto);
        if (dport && dport.t === 'dport') out.push('--dport', String(dport.port));
        break;
      case 'addrtype':
        out.push(...addrtypeArgs(p));
        break;
      case 'set':
        out.push(...setArgs(p));
        break;
      case 'ipvs':
        out.push(
          '-m',
          'ipvs',
          '--vaddr',
          `${formatIpv4(p.vaddr)}/32`,
          '--vproto',
          p.vproto,
          '--vport',
          String(p.vport),
        );
        break;
      case 'physdev':
        out.push('-m', 'physdev', ...(p.neg ? ['!'] : []), '--physdev-is-in');
        break;
      case 'statistic':
        out.push('-m', 'statistic', '--mode', 'random', '--probability', saveProbability(p.p));
        break;
      case 'recent':
        out.push('-m', 'recent', p.op === 'set' ? '--set' : '--rcheck');
        if (p.op === 'rcheck') out.push('--seconds', String(p.seconds), '--reap');
        out.push('--name', p.name, '--mask', '255.255.255.255', '--rsource');
        break;
      case 'mark':
        out.push('-m', 'mark', ...(p.neg ? ['!'] : []), '--mark', `${hex(p.value)}/${hex(p.value)}`);
        break;
      case 'ctstate':
        out.push('-m', 'conntrack', ...(p.neg ? ['!'] : []), '--ctstate', p.states);
        break;
      default:
        break;
    }
  }
  const t = r.target;
  if (t.t === 'MARK')
    out.push(
      '-j',
      'MARK',
      '--set-xmark',
      t.op === 'or' ? `${hex(t.value)}/${hex(t.value)}` : `${hex(t.value)}/0x0`,
    );
  else if (t.t === 'REJECT') out.push('-j', 'REJECT', '--reject-with', 'icmp-port-unreachable');
  else out.push(...restoreTarget(r));
  return out.join(' ');
}

/** One rule in restore spelling, `-A CHAIN …` included. */
export function restoreRule(r: IptRule): string {
  return ['-A', r.chain, ...restoreArgs(r)].join(' ');
}

/** upstream proxier_test chain order: KUBE-NODEPORTS, KUBE-SERVICES, KUBE-* alphabetically, then others. */
function testChainOrder(a: string, b: string): number {
  const rank = (c: string) =>
    c === 'KUBE-NODEPORTS' ? 0 : c === 'KUBE-SERVICES' ? 1 : c.startsWith('KUBE-') ? 2 : 3;
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** kube-proxy's iptables-restore input for the given tables (upstream's canonical test order). */
export function renderRestore(rules: IptablesRules, tables: TableName[] = ['filter', 'nat']): string {
  const lines: string[] = [];
  for (const name of [...tables].sort()) {
    const table = rules[name];
    const chains = [...table.order].sort(testChainOrder);
    lines.push(`*${name}`);
    for (const c of chains) lines.push(`:${c} - [0:0]`);
    for (const c of chains) for (const r of chainRules(table, c) ?? []) lines.push(restoreRule(r));
    lines.push('COMMIT');
  }
  return lines.join('\n') + '\n';
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** User-defined chains of a table as iptables-save lists them (sorted), canary included. */
export function userChains(table: IptTable, canary = true): string[] {
  return [...new Set([...table.order, ...(canary ? [KUBE_PROXY_CANARY] : [])])].sort(byName);
}

/** `iptables-save -t <table>` (or every table) on the node, kube-proxy's share of it. */
export function renderSave(rules: IptablesRules, tables: TableName[] = ['filter', 'nat']): string {
  const lines: string[] = [];
  for (const name of tables) {
    const table = rules[name];
    const builtins = BUILTIN_CHAINS[name];
    const users = userChains(table, rules.canary ?? true);
    lines.push(`*${name}`);
    for (const b of builtins) lines.push(`:${b} ACCEPT [0:0]`);
    for (const c of users) lines.push(`:${c} - [0:0]`);
    for (const c of [...builtins, ...users])
      for (const r of chainRules(table, c) ?? []) lines.push(saveRule(r));
    lines.push('COMMIT');
  }
  return lines.join('\n') + '\n';
}
