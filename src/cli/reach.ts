import type { Protocol } from '../core/model/k8s';
import type { Scenario } from '../core/model/scenario';
import {
  type PolicyIndex,
  type PortProto,
  computeMatrix,
  declaredPorts,
  podKeys,
  probes,
} from '../core/policy';
import { policyIndexOf } from '../core/queries';
import { findPreset } from '../scenario/presets/registry';
import { type CommandSpec, type ParsedFlags, UsageError } from './args';
import { REACH_TABLE_POD_LIMIT, reachTable } from './query-format';
import { writeCompact, writeProbes, writeSummary } from './reach-format';
import { runWhatIf, WHAT_IF_FLAGS } from './what-if';
import { type CliIo, EXIT, PROTOCOLS, SCENARIO_FLAGS, build, loadScenario } from './scenario';

/**
 * `reach`: NetworkPolicy verdicts for every ordered Pod pair, like the upstream e2e truth tables
 * (kubernetes test/e2e/network/netpol). The matrix is computed on Pod classes by the core and
 * written out row by row (never a Pod × Pod object): the probe list, the compact `.`/`X` rows, the
 * per-port truth tables for small clusters or the per-namespace-pair summary for large ones; with
 * `--what-if`/`--without`, the flows a policy change would flip.
 */

const SCALE_PRESETS = ['s', 'm', 'l', 'xl'] as const;

export const REACH: CommandSpec = {
  name: 'reach',
  summary: 'NetworkPolicy verdict for every ordered Pod pair, per port/protocol (a reachability matrix).',
  usage:
    'reach [--manifests FILE | --preset s|m|l|xl] [--port N [--protocol TCP|UDP|SCTP]]… [--json [--compact]] [--what-if FILE]… [--without NS/NAME]… [--trace FROM,TO,PORT[/PROTO]]',
  flags: [
    {
      name: 'port',
      value: 'N',
      int: [1, 65535],
      repeat: true,
      help: 'destination port to probe (default: every declared container port)',
    },
    {
      name: 'protocol',
      value: 'PROTO',
      choices: PROTOCOLS,
      repeat: true,
      help: 'protocol: once for all ports, or once per --port in order (default TCP)',
    },
    ...SCENARIO_FLAGS,
    {
      name: 'preset',
      value: 'ID',
      choices: SCALE_PRESETS,
      help: 'a generated scale preset instead of --manifests (xl: 150,000 Pods), seeded by --seed',
    },
    { name: 'json', help: 'print {"probes":[…]} as JSON' },
    {
      name: 'compact',
      help: 'with --json: {"pods":[…],"matrices":[{"port","protocol","rows":[". X …"]}]}, one string per source Pod',
    },
    ...WHAT_IF_FLAGS,
  ],
  details: `examples:
  reach --manifests policies.yaml
  reach --manifests policies.yaml --port 80 --port 53 --protocol TCP --protocol UDP --json
  reach --manifests cluster.yaml --json --compact
  reach --preset xl --port 8080
  reach --manifests cluster.yaml --what-if deny-all.yaml --json
  reach --manifests cluster.yaml --without shop/allow-web --trace shop/a,shop/b,80/TCP`,
};

const list = <T>(v: ParsedFlags[string] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as T[]) : [v as T];

/**
 * The ports to probe: `--port`s paired with `--protocol`s (one protocol for all, or one per port);
 * with `--protocol` alone, the declared ports of those protocols; with neither, every declared port.
 */
export function reachPorts(flags: ParsedFlags, index: PolicyIndex): PortProto[] {
  const ports = list<number>(flags.port);
  const protocols = list<Protocol>(flags.protocol);
  if (ports.length === 0) {
    const declared = declaredPorts(index);
    return protocols.length > 0 ? declared.filter((p) => protocols.includes(p.protocol)) : declared;
  }
  if (protocols.length > 1 && protocols.length !== ports.length) {
    throw new UsageError(
      `give --protocol once (for every --port) or once per --port; got ${ports.length} --port and ${protocols.length} --protocol`,
      'reach',
    );
  }
  const seen = new Map<string, PortProto>();
  ports.forEach((port, i) => {
    const protocol = protocols[protocols.length === 1 ? 0 : i] ?? 'TCP';
    seen.set(`${port}/${protocol}`, { port, protocol });
  });
  return [...seen.values()];
}

/** `--manifests FILE`, `--preset ID` (seeded by `--seed`) or preset S. */
export function reachScenario(flags: ParsedFlags, io: CliIo): Scenario | null {
  if (typeof flags.preset !== 'string') return loadScenario(flags, io, 'reach');
  if (typeof flags.manifests === 'string')
    throw new UsageError('give --manifests or --preset, not both', 'reach');
  const seed = typeof flags.seed === 'number' ? flags.seed : 1;
  const base = findPreset(flags.preset)!.build(seed);
  const d = base.designs;
  return {
    ...base,
    designs: {
      intra: (flags.intra as typeof d.intra | undefined) ?? d.intra,
      inter: (flags.inter as typeof d.inter | undefined) ?? d.inter,
      proxy: (flags.proxy as typeof d.proxy | undefined) ?? d.proxy,
    },
  };
}

export function runReach(flags: ParsedFlags, io: CliIo): number {
  if (flags.compact === true && flags.json !== true)
    throw new UsageError('--compact goes with --json (the text output is already compact)', 'reach');
  const scenario = reachScenario(flags, io);
  if (!scenario) return EXIT.invalidInput;
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  const index = policyIndexOf(engine);
  const ports = reachPorts(flags, index);
  if (flags['what-if'] !== undefined || flags.without !== undefined || flags.trace !== undefined)
    return runWhatIf(flags, io, engine, ports);
  if (flags.json === true && flags.compact === true) writeCompact(index, ports, io);
  else if (flags.json === true) writeProbes(computeMatrix(index, ports), index, io);
  else if (index.pods.length > REACH_TABLE_POD_LIMIT) writeSummary(index, ports, io);
  else {
    const m = computeMatrix(index, ports);
    io.stdout(reachTable(ports.length === 0 ? [] : probes(index, ports, m).probes, podKeys(index)));
  }
  return EXIT.ok;
}
