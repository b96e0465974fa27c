import type { Protocol } from '../core/model/k8s';
import type { ReachProbe } from '../core/policy';
import type { ResolveResult } from '../core/queries';

/**
 * Output of the query commands: `resolve` (what a Pod's stub resolver and CoreDNS answer, the way
 * `dig` prints records) and `reach` (NetworkPolicy verdicts for every ordered Pod pair, laid out as
 * the upstream netpol e2e truth table prints them).
 */

/** The `resolve --json` document: the answers as `dig` prints records, and every name tried. */
export interface ResolveJson {
  answers: string[];
  tried: { name: string; rcode: string }[];
}

/** One record the way dig's answer section prints it (single spaces instead of dig's tabs). */
export const digLine = (a: ResolveResult['answers'][number]): string =>
  `${a.name} ${a.ttl} IN ${a.type} ${a.data}`;

export function resolveToJson(r: ResolveResult): ResolveJson {
  return {
    answers: r.answers.map(digLine),
    tried: r.tried.map((t) => ({ name: t.name, rcode: t.rcode })),
  };
}

/** The readable listing: the client's resolv.conf, each name the stub resolver tried, the answers. */
export function resolveText(r: ResolveResult, from: string, name: string, type: string): string {
  const lines = [`resolve ${name} ${type} from ${from}`, '', '/etc/resolv.conf:'];
  for (const l of r.resolvConf.trimEnd().split('\n')) lines.push(`  ${l}`);
  lines.push('', `tried${r.server ? ` (server ${r.server})` : ''}:`);
  const width = Math.max(0, ...r.tried.map((t) => t.name.length));
  r.tried.forEach((t, i) => lines.push(`  ${i + 1}. ${t.name.padEnd(width)}  ${t.rcode}`));
  if (r.forwarded) {
    lines.push('  (outside the cluster zone: CoreDNS forwards it upstream, which is not modelled)');
  }
  lines.push('', 'answers:');
  if (r.answers.length === 0) lines.push('  none');
  for (const a of r.answers) lines.push(`  ${digLine(a)}`);
  return `${lines.join('\n')}\n`;
}

/** The `reach --json` document. */
export interface ReachJson {
  probes: ReachProbe[];
}

export function reachToJson(probes: readonly ReachProbe[]): ReachJson {
  return {
    probes: probes.map((p) => ({
      from: p.from,
      to: p.to,
      port: p.port,
      protocol: p.protocol,
      allowed: p.allowed,
    })),
  };
}

/** Above this many Pods the table gives per-port counts only (the JSON always has every probe). */
export const REACH_TABLE_POD_LIMIT = 60;

/**
 * One matrix per port/protocol: rows are sources, columns destinations (numbered like the rows);
 * `.` allowed, `X` denied, as kubernetes test/e2e/network/netpol/truthtable.go PrettyPrint marks them.
 */
export function reachTable(probes: readonly ReachProbe[], pods: readonly string[]): string {
  const groups = new Map<string, { port: number; protocol: Protocol; cells: Map<string, boolean> }>();
  for (const p of probes) {
    const key = `${p.protocol}/${p.port}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { port: p.port, protocol: p.protocol, cells: new Map() }));
    g.cells.set(`${p.from}\n${p.to}`, p.allowed);
  }
  const lines = [
    `reach: ${pods.length} Pods, ${groups.size} port${groups.size === 1 ? '' : 's'}   (. allowed, X denied; row = from, column = to)`,
  ];
  if (groups.size === 0) lines.push('', 'no ports to probe: no container declares a port; pass --port N');
  const num = String(pods.length).length;
  const nameWidth = Math.max(0, ...pods.map((p) => p.length));
  for (const [key, g] of groups) {
    let allowed = 0;
    for (const v of g.cells.values()) if (v) allowed++;
    lines.push('', `${key}: ${allowed} of ${g.cells.size} allowed`);
    if (pods.length > REACH_TABLE_POD_LIMIT) continue;
    const head = pods.map((_, j) => String(j + 1).padStart(num)).join(' ');
    lines.push(`${' '.repeat(num + 2 + nameWidth)}  ${head}`);
    pods.forEach((from, i) => {
      const row = pods.map((to) => {
        const v = g.cells.get(`${from}\n${to}`);
        return (v === undefined ? '?' : v ? '.' : 'X').padStart(num);
      });
      lines.push(`${String(i + 1).padStart(num)}  ${from.padEnd(nameWidth)}  ${row.join(' ')}`);
    });
  }
  if (pods.length > REACH_TABLE_POD_LIMIT) {
    lines.push('', `(more than ${REACH_TABLE_POD_LIMIT} Pods: counts only; --json lists every probe)`);
  }
  return `${lines.join('\n')}\n`;
}
