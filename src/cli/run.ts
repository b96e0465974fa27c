import { buildEngine, engineShow, engineTrace } from '../core/engine';
import type { Protocol } from '../core/model/k8s';
import type { Designs, InterDesign, IntraDesign, ProxyMode, Scenario } from '../core/model/scenario';
import { SHOW_WHATS, type ShowWhat } from '../core/show';
import type { Probe } from '../core/trace/types';
import { parseIpv4 } from '../core/net/ipv4';
import { exportYaml, formatIssue, importYaml } from '../scenario/manifests';
import { smallScenario } from '../scenario/presets/small';
import {
  type CommandSpec,
  type FlagSpec,
  type ParsedFlags,
  UsageError,
  commandHelp,
  parseFlags,
} from './args';
import { traceTable, traceToJson } from './format';

/** Where the CLI reads and writes; main.ts passes the process, tests pass buffers. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file as UTF-8; throws (with a message) when it cannot. */
  readFile: (path: string) => string;
}

/** Exit statuses (documented in docs/cli.md). */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, dropped: 3 } as const;

const INTRA: readonly IntraDesign[] = ['bridge', 'routed', 'ebpf'];
const INTER: readonly InterDesign[] = ['overlay', 'routing'];
const PROXY: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'ebpf'];
const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

const SCENARIO_FLAGS: readonly FlagSpec[] = [
  { name: 'manifests', value: 'FILE', help: 'Kubernetes YAML to load (default: preset S, 3 nodes)' },
  { name: 'intra', value: 'DESIGN', choices: INTRA, help: 'how Pods are wired inside a node' },
  { name: 'inter', value: 'DESIGN', choices: INTER, help: 'how Pod packets cross between nodes' },
  { name: 'proxy', value: 'MODE', choices: PROXY, help: 'kube-proxy mode' },
  { name: 'seed', value: 'N', int: [0, 2 ** 31 - 1], help: 'seed for generated Pod names (default 1)' },
];

const TRACE: CommandSpec = {
  name: 'trace',
  summary: 'Trace one packet hop by hop through the modelled Linux datapath.',
  usage:
    'trace [--manifests FILE] --from NS/POD|node/NAME --to NS/POD|NS/SVC|IP --port N [--protocol TCP|UDP|SCTP] [--intra …] [--inter …] [--json]',
  flags: [
    { name: 'from', value: 'NS/POD|node/NAME', required: true, help: 'where the packet starts' },
    {
      name: 'to',
      value: 'NS/POD|NS/SVC|IP',
      required: true,
      help: 'destination Pod, Service or IPv4 address',
    },
    { name: 'port', value: 'N', int: [1, 65535], required: true, help: 'destination port' },
    { name: 'protocol', value: 'PROTO', choices: PROTOCOLS, help: 'L4 protocol (default TCP)' },
    { name: 'src-port', value: 'N', int: [1, 65535], help: 'source port (default: derived from the probe)' },
    ...SCENARIO_FLAGS,
    { name: 'json', help: 'print the trace as JSON' },
  ],
  details: `examples:
  trace --from default/client --to default/backend-1 --port 9090
  trace --manifests guestbook.yaml --from node/node-1 --to 10.244.1.2 --port 6379 --inter routing --json`,
};

const SHOW: CommandSpec = {
  name: 'show',
  summary: "Print what a Linux command would show in one network namespace (a node's host netns or a Pod's).",
  usage: 'show [--manifests FILE] --netns node/NAME|NS/POD --what VIEW [--intra …] [--inter …]',
  flags: [
    { name: 'netns', value: 'node/NAME|NS/POD', required: true, help: 'the network namespace' },
    {
      name: 'what',
      value: 'VIEW',
      choices: SHOW_WHATS,
      required: true,
      help: 'ip addr, ip route, ip neigh, bridge fdb, ip -d link, eBPF programs and maps; or the Service datapath: iptables-save, nft, ipvsadm, ipset, eBPF service maps, resolv.conf',
    },
    ...SCENARIO_FLAGS,
  ],
  details: `examples:
  show --netns node/node-1 --what ip-route
  show --netns default/client --what ip-addr --intra routed`,
};

const EXPORT: CommandSpec = {
  name: 'export',
  summary:
    'Import manifests (expanding Deployments and friends, inferring nodes) and print the resulting scenario as YAML.',
  usage: 'export [--manifests FILE] [--seed N]',
  flags: SCENARIO_FLAGS,
};

const COMMANDS: readonly CommandSpec[] = [TRACE, SHOW, EXPORT];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Kubernetes Network Explorer, command line.',
    '',
    'usage: npm run --silent cli -- <command> [flags]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "<command> --help" for its flags. Exit status: 0 ok, 1 invalid manifests or scenario,',
    '2 usage error, 3 the traced packet was dropped.',
    '',
  ].join('\n');
}

/** Loads the scenario: the manifests file (inferences and notices on stderr) or preset S. */
function loadScenario(flags: ParsedFlags, io: CliIo, command: string): Scenario | null {
  const base = smallScenario();
  let scenario = base;
  if (typeof flags.manifests === 'string') {
    let text: string;
    try {
      text = io.readFile(flags.manifests);
    } catch (e) {
      throw new UsageError(`cannot read --manifests ${flags.manifests}: ${(e as Error).message}`, command);
    }
    const seed = typeof flags.seed === 'number' ? flags.seed : 1;
    const r = importYaml(text, base, { seed });
    for (const n of r.notices) io.stderr(`notice: ${formatIssue(n)}\n`);
    for (const s of r.inferred) io.stderr(`inferred: ${s}\n`);
    if (!r.scenario) {
      for (const e of r.errors) io.stderr(`error: ${flags.manifests}: ${formatIssue(e)}\n`);
      return null;
    }
    scenario = r.scenario;
  }
  const designs: Designs = {
    intra: (flags.intra as IntraDesign | undefined) ?? scenario.designs.intra,
    inter: (flags.inter as InterDesign | undefined) ?? scenario.designs.inter,
    proxy: (flags.proxy as ProxyMode | undefined) ?? scenario.designs.proxy,
  };
  return { ...scenario, designs };
}

const podKeys = (s: Scenario): Set<string> =>
  new Set(s.pods.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`));

function known(list: readonly string[]): string {
  const shown = list.slice(0, 8).join(', ');
  return list.length > 8 ? `${shown}, … (${list.length} in all)` : shown || 'none';
}

/** `node/NAME` or `NS/POD` that exists in the scenario; `external` too when allowed. */
function checkNetns(s: Scenario, value: string, flag: string, command: string, allowExternal: boolean): void {
  if (allowExternal && value === 'external') return;
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  if (!m)
    throw new UsageError(`--${flag} must be node/NAME or NS/POD; got ${JSON.stringify(value)}`, command);
  if (m[1] === 'node') {
    const nodes = s.nodes.map((n) => n.metadata.name);
    if (!nodes.includes(m[2]!))
      throw new UsageError(`--${flag}: no node ${m[2]} (nodes: ${known(nodes)})`, command);
    return;
  }
  if (!podKeys(s).has(value)) {
    throw new UsageError(`--${flag}: no Pod ${value} (Pods: ${known([...podKeys(s)])})`, command);
  }
}

function checkDestination(s: Scenario, value: string, command: string): void {
  if (parseIpv4(value) !== null) return;
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  if (m) {
    const services = s.services.map((x) => `${x.metadata.namespace ?? 'default'}/${x.metadata.name}`);
    if (!podKeys(s).has(value) && !services.includes(value)) {
      throw new UsageError(
        `--to: no Pod or Service ${value} (Pods: ${known([...podKeys(s)])}; Services: ${known(services)})`,
        command,
      );
    }
    return;
  }
  // A DNS name (`web`, `web.shop.svc.cluster.local`): resolved by the engine from the source Pod.
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(value)) {
    throw new UsageError(
      `--to must be NS/POD, NS/SVC, an IPv4 address or a DNS name; got ${JSON.stringify(value)}`,
      command,
    );
  }
}

function build(scenario: Scenario, io: CliIo): ReturnType<typeof buildEngine>['engine'] {
  const { engine, problems } = buildEngine(scenario);
  for (const p of problems) io.stderr(`${engine ? 'warning' : 'error'}: ${p.path}: ${p.message}\n`);
  return engine;
}

function runTrace(flags: ParsedFlags, io: CliIo): number {
  const scenario = loadScenario(flags, io, 'trace');
  if (!scenario) return EXIT.invalidInput;
  const from = flags.from as string;
  const to = flags.to as string;
  checkNetns(scenario, from, 'from', 'trace', true);
  checkDestination(scenario, to, 'trace');
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  const probe: Probe = {
    from,
    to,
    port: flags.port as number,
    protocol: (flags.protocol as Protocol | undefined) ?? 'TCP',
  };
  if (typeof flags['src-port'] === 'number') probe.srcPort = flags['src-port'];
  const trace = engineTrace(engine, probe);
  if (flags.json === true) io.stdout(`${JSON.stringify(traceToJson(trace))}\n`);
  else io.stdout(traceTable(trace, scenario.designs));
  return trace.verdict === 'delivered' ? EXIT.ok : EXIT.dropped;
}

function runShow(flags: ParsedFlags, io: CliIo): number {
  const scenario = loadScenario(flags, io, 'show');
  if (!scenario) return EXIT.invalidInput;
  const netns = flags.netns as string;
  checkNetns(scenario, netns, 'netns', 'show', false);
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  io.stdout(engineShow(engine, netns, flags.what as ShowWhat));
  return EXIT.ok;
}

function runExport(flags: ParsedFlags, io: CliIo): number {
  const scenario = loadScenario(flags, io, 'export');
  if (!scenario) return EXIT.invalidInput;
  io.stdout(exportYaml(scenario));
  return EXIT.ok;
}

/** Runs one CLI invocation; returns the exit status. Never calls process.exit (tests call it). */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  try {
    if (!spec)
      throw new UsageError(
        `unknown command ${JSON.stringify(name)} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`,
      );
    const { flags, help } = parseFlags(spec, rest);
    if (help) {
      io.stdout(commandHelp(spec));
      return EXIT.ok;
    }
    if (spec === TRACE) return runTrace(flags, io);
    if (spec === SHOW) return runShow(flags, io);
    return runExport(flags, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`error: ${e.message}\n`);
    io.stderr(e.command ? `run "${e.command} --help" for usage\n` : 'run "--help" for usage\n');
    return EXIT.usage;
  }
}
