import type { Engine } from '../core/engine';
import type { K8sNetworkPolicy, Protocol } from '../core/model/k8s';
import {
  type FlipSummary,
  type PortProto,
  changedScope,
  compilePolicies,
  computeMatrix,
  diff,
  flipSummary,
  podFlips,
  podKeys,
  policyKey,
} from '../core/policy';
import { policyIndexOf } from '../core/queries';
import { decidingHops, traceWithPolicies } from '../core/what-if';
import type { Trace } from '../core/trace/types';
import { formatIssue, importYaml } from '../scenario/manifests';
import { type FlagSpec, type ParsedFlags, UsageError } from './args';
import { ChunkedWriter, num } from './reach-format';
import { type CliIo, EXIT } from './scenario';

/**
 * `reach --what-if FILE` / `--without NS/NAME`: what a NetworkPolicy change would do before it is
 * applied. The core diffs the class matrices before and after (only the rows and columns of the
 * Pods the changed policies select); the CLI prints the flipped flows and their per-namespace-pair
 * summary, and `--trace` follows one flow through the datapath before and after.
 */

export const WHAT_IF_FLAGS: readonly FlagSpec[] = [
  {
    name: 'what-if',
    value: 'FILE',
    repeat: true,
    help: 'NetworkPolicies to apply (create or replace by namespace/name) before comparing',
  },
  { name: 'without', value: 'NS/NAME', repeat: true, help: 'a NetworkPolicy to delete before comparing' },
  {
    name: 'trace',
    value: 'FROM,TO,PORT[/PROTO]',
    help: 'with --what-if/--without: trace one flow before and after, showing the hops where policy decides',
  },
];

const list = (v: ParsedFlags[string] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** The policies of the `--what-if` files, read as `kubectl apply -f` reads them. */
function readPolicies(
  files: string[],
  io: CliIo,
  base: Engine['cluster']['scenario'],
): K8sNetworkPolicy[] | null {
  const out: K8sNetworkPolicy[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = io.readFile(f);
    } catch (e) {
      throw new UsageError(`cannot read --what-if ${f}: ${(e as Error).message}`, 'reach');
    }
    const r = importYaml(text, base, { mode: 'replace' });
    if (!r.scenario) {
      for (const e of r.errors) io.stderr(`error: ${f}: ${formatIssue(e)}\n`);
      return null;
    }
    if (r.scenario.networkPolicies.length === 0) {
      io.stderr(`error: ${f}: no NetworkPolicy in the file\n`);
      return null;
    }
    out.push(...r.scenario.networkPolicies);
  }
  return out;
}

/** `FROM,TO,PORT[/PROTO]` of `--trace`. */
function parseTrace(
  v: string,
  pods: Set<string>,
): { from: string; to: string; port: number; protocol: Protocol } {
  const m = /^([^,\s]+),([^,\s]+),(\d{1,5})(?:\/(TCP|UDP|SCTP))?$/.exec(v);
  const port = m ? Number(m[3]) : NaN;
  if (!m || !(port >= 1 && port <= 65535))
    throw new UsageError(
      `--trace must be FROM,TO,PORT[/PROTO] (e.g. shop/web,shop/db,80/TCP); got ${JSON.stringify(v)}`,
      'reach',
    );
  for (const p of [m[1]!, m[2]!]) if (!pods.has(p)) throw new UsageError(`--trace: no Pod ${p}`, 'reach');
  return { from: m[1]!, to: m[2]!, port, protocol: (m[4] as Protocol | undefined) ?? 'TCP' };
}

const verdict = (b: boolean): 'allowed' | 'denied' => (b ? 'allowed' : 'denied');

function traceText(label: string, t: Trace): string {
  const lines = [`${label}: ${t.verdict === 'delivered' ? 'delivered' : `dropped (${t.reason ?? '?'})`}`];
  const hops = decidingHops(t);
  if (hops.length === 0) lines.push('  no policy hop: no NetworkPolicy isolates either end');
  for (const { index, hop } of hops) {
    lines.push(`  hop ${index + 1}  ${hop.netns}  ${hop.device ?? '-'}  ${hop.kind}`);
    lines.push(`    ${hop.explain}`);
    if (hop.rule) lines.push(`    rule: ${hop.rule.split('\n')[0]}`);
  }
  return lines.join('\n');
}

const FLIPS_SHOWN = 20;

export function runWhatIf(flags: ParsedFlags, io: CliIo, engine: Engine, ports: PortProto[]): number {
  const before = policyIndexOf(engine);
  const scenario = engine.cluster.scenario;
  const without = list(flags.without);
  const known = new Set(scenario.networkPolicies.map(policyKey));
  for (const k of without)
    if (!known.has(k))
      throw new UsageError(
        `--without: no NetworkPolicy ${k} (policies: ${[...known].slice(0, 8).join(', ') || 'none'})`,
        'reach',
      );
  const files = list(flags['what-if']);
  if (files.length === 0 && without.length === 0)
    throw new UsageError('--trace goes with --what-if FILE or --without NS/NAME', 'reach');
  const added = readPolicies(files, io, scenario);
  if (!added) return EXIT.invalidInput;
  const addedKeys = new Set(added.map(policyKey));
  const policies = [
    ...scenario.networkPolicies.filter(
      (p) => !without.includes(policyKey(p)) && !addedKeys.has(policyKey(p)),
    ),
    ...added,
  ];
  const after = compilePolicies(engine.cluster, scenario.namespaces, policies);
  const names = podKeys(before);
  if (typeof flags.trace === 'string') {
    const probe = parseTrace(flags.trace, new Set(names));
    io.stdout(`trace ${probe.from} → ${probe.to} ${probe.protocol}/${probe.port}\n\n`);
    io.stdout(`${traceText('before', traceWithPolicies(engine, before, probe))}\n\n`);
    io.stdout(`${traceText('after', traceWithPolicies(engine, after, probe))}\n`);
    return EXIT.ok;
  }
  const d = diff(computeMatrix(before, ports), computeMatrix(after, ports), changedScope(before, after));
  const summary = flipSummary(d, after);
  if (flags.json === true) {
    const out = new ChunkedWriter(io);
    out.write('{');
    if (flags.compact !== true) {
      out.write('"flips":[');
      let first = true;
      for (const f of podFlips(d)) {
        const pp = ports[f.layer]!;
        out.write(
          `${first ? '' : ','}{"from":${JSON.stringify(names[f.from])},"to":${JSON.stringify(names[f.to])},"port":${pp.port},"protocol":"${pp.protocol}","before":"${verdict(f.before)}","after":"${verdict(!f.before)}"}`,
        );
        first = false;
      }
      out.write('],');
    }
    out.write(`"summary":${JSON.stringify(summary)}}\n`);
    out.flush();
    return EXIT.ok;
  }
  io.stdout(whatIfText(summary, [...firstFlips(d, names, ports)], { added: [...addedKeys], without, known }));
  return EXIT.ok;
}

function* firstFlips(d: ReturnType<typeof diff>, names: string[], ports: PortProto[]): Generator<string> {
  let k = 0;
  for (const f of podFlips(d)) {
    if (k++ >= FLIPS_SHOWN) return;
    const pp = ports[f.layer]!;
    yield `  ${names[f.from]} → ${names[f.to]}  ${pp.protocol}/${pp.port}  ${verdict(f.before)} → ${verdict(!f.before)}`;
  }
}

function whatIfText(
  summary: FlipSummary[],
  flips: string[],
  change: { added: string[]; without: string[]; known: Set<string> },
): string {
  const what = [
    ...change.added.map((k) => `${change.known.has(k) ? '~' : '+'}${k}`),
    ...change.without.map((k) => `-${k}`),
  ];
  let ad = 0;
  let da = 0;
  for (const r of summary) {
    ad += r.allowedToDenied;
    da += r.deniedToAllowed;
  }
  const lines = [
    `what-if: ${what.join(' ')}   (+ new, ~ replaced, - deleted)`,
    '',
    `flows that flip: ${num(ad)} allowed → denied, ${num(da)} denied → allowed`,
  ];
  if (summary.length > 0) {
    const rows = summary.map((r) => [
      r.fromNamespace,
      r.toNamespace,
      `${r.protocol}/${r.port}`,
      num(r.allowedToDenied),
      num(r.deniedToAllowed),
    ]);
    const head = ['from', 'to', 'port', 'allowed→denied', 'denied→allowed'];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]): string =>
      `  ${r
        .map((c, i) => c.padEnd(w[i]!))
        .join('  ')
        .trimEnd()}`;
    lines.push('', fmt(head), ...rows.map(fmt));
    lines.push('', `first flipped flows (of ${num(ad + da)}):`, ...flips);
    lines.push('', 'trace one before and after: add --trace FROM,TO,PORT/PROTO');
  }
  return `${lines.join('\n')}\n`;
}
