import { engineHttpTrace, engineShow, engineTrace } from '../core/engine';
import { isHttpTraceError } from '../core/trace/http-trace';
import { l7English } from '../core/trace/l7-messages';
import type { Scenario } from '../core/model/scenario';
import type { Protocol } from '../core/model/k8s';
import { parseIpv4 } from '../core/net/ipv4';
import { SHOW_WHATS, type ShowWhat } from '../core/show';
import type { Probe, Trace } from '../core/trace/types';
import { exportYaml } from '../scenario/manifests';
import { type CommandSpec, type ParsedFlags, UsageError, commandHelp, parseFlags } from './args';
import { traceTable, traceToJson } from './format';
import { REACH, RESOLVE, runReach, runResolve } from './query';
import { STATUS, runStatus } from './status';
import {
  type CliIo,
  EXIT,
  PROTOCOLS,
  SCENARIO_FLAGS,
  build,
  checkDestination,
  checkNetns,
  loadScenario,
} from './scenario';

export { EXIT, type CliIo } from './scenario';

const TRACE: CommandSpec = {
  name: 'trace',
  summary: 'Trace one packet hop by hop through the modelled Linux datapath.',
  usage:
    "trace [--manifests FILE] --from NS/POD|node/NAME|external --to NS/POD|NS/SVC|IP|DNS-NAME --port N [--protocol TCP|UDP|SCTP] [--endpoint IP:PORT] [--intra …] [--inter …] [--proxy …] [--json]\n       trace [--manifests FILE] --from NS/POD|external --to http://HOST[:PORT]/PATH[?QUERY] [--via gateway/NS/NAME|ingressclass/NAME] [--method M] [--header 'Name: value']… [--upstream-via endpoints|clusterip] [--json]",
  flags: [
    {
      name: 'from',
      value: 'NS/POD|node/NAME|external',
      required: true,
      help: 'where the packet starts (external: a client outside the cluster)',
    },
    {
      name: 'to',
      value: 'NS/POD|NS/SVC|IP|DNS-NAME|URL',
      required: true,
      help: 'destination Pod, Service, IPv4 address or DNS name (resolved from --from first); or an http:// URL: an HTTP request through a Gateway or Ingress',
    },
    { name: 'port', value: 'N', int: [1, 65535], help: 'destination port (required unless --to is a URL)' },
    {
      name: 'via',
      value: 'gateway/NS/NAME|ingressclass/NAME',
      help: 'with a URL: the Gateway or IngressClass that takes the request (needed only when several could)',
    },
    { name: 'method', value: 'M', help: 'with a URL: the HTTP method (default GET)' },
    { name: 'header', value: "'Name: value'", repeat: true, help: 'with a URL: a request header' },
    {
      name: 'upstream-via',
      value: 'endpoints|clusterip',
      choices: ['endpoints', 'clusterip'],
      help: "with a URL: how the proxy dials the backend (default: the route's or class's setting; proxies dial Pod IPs)",
    },
    { name: 'protocol', value: 'PROTO', choices: PROTOCOLS, help: 'L4 protocol (default TCP)' },
    { name: 'src-port', value: 'N', int: [1, 65535], help: 'source port (default: derived from the probe)' },
    {
      name: 'endpoint',
      value: 'IP:PORT',
      help: 'the Service endpoint the load balancing picks (default: kube-proxy’s choice, seeded by the probe)',
    },
    ...SCENARIO_FLAGS,
    { name: 'json', help: 'print the trace as JSON' },
  ],
  details: `examples:
  trace --from default/client --to default/backend-1 --port 9090
  trace --from default/client --to default/backend --port 80 --proxy ipvs --endpoint 10.244.1.3:9090
  trace --from default/client --to backend.default --port 80
  trace --from external --to default/frontend --port 80
  trace --manifests guestbook.yaml --from node/node-1 --to 10.244.1.2 --port 6379 --inter routing --json
  trace --manifests gateway.yaml --from external --to http://www.example.com/shop?x=1 --header 'X-Env: canary' --json
  trace --manifests ingress.yaml --from default/client --to http://foo.bar.com/bar --via ingressclass/nginx`,
};

const SHOW: CommandSpec = {
  name: 'show',
  summary: "Print what a Linux command would show in one network namespace (a node's host netns or a Pod's).",
  usage: 'show [--manifests FILE] --netns node/NAME|NS/POD --what VIEW [--intra …] [--inter …] [--proxy …]',
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
  show --netns default/client --what ip-addr --intra routed
  show --netns node/node-1 --what ipvsadm --proxy ipvs
  show --netns default/client --what resolv.conf`,
};

const EXPORT: CommandSpec = {
  name: 'export',
  summary:
    'Import manifests (expanding Deployments and friends, inferring nodes) and print the resulting scenario as YAML.',
  usage: 'export [--manifests FILE] [--seed N]',
  flags: SCENARIO_FLAGS,
};

const COMMANDS: readonly CommandSpec[] = [TRACE, SHOW, EXPORT, RESOLVE, REACH, STATUS];

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
    '2 usage error, 3 the traced packet was dropped (trace) or the name has no answer (resolve).',
    '',
  ].join('\n');
}

/** `--endpoint IP:PORT`, checked before the engine runs. */
function parseEndpoint(value: string): { ip: string; port: number } {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[2]) : NaN;
  if (!m || parseIpv4(m[1]!) === null || !(port >= 1 && port <= 65535)) {
    throw new UsageError(
      `--endpoint must be IPv4:PORT (e.g. 10.244.1.3:9090); got ${JSON.stringify(value)}`,
      'trace',
    );
  }
  return { ip: m[1]!, port };
}

/** True when a translation hop (DNAT, or the eBPF load balancer) sent the packet to `ep`. */
function usedEndpoint(t: Trace, ep: { ip: string; port: number }): boolean {
  return t.hops.some(
    (h) => h.leg !== 'dns' && h.kind === 'dnat' && h.packet.dst === ep.ip && h.packet.dstPort === ep.port,
  );
}

function runTrace(flags: ParsedFlags, io: CliIo): number {
  const scenario = loadScenario(flags, io, 'trace');
  if (!scenario) return EXIT.invalidInput;
  const from = flags.from as string;
  const to = flags.to as string;
  if (/^https?:\/\//i.test(to)) return runHttpTrace(scenario, flags, io);
  for (const f of ['via', 'method', 'header', 'upstream-via'])
    if (Object.hasOwn(flags, f)) throw new UsageError(`--${f} is only for an http:// --to`, 'trace');
  if (flags.port === undefined) throw new UsageError('missing required flag --port N', 'trace');
  checkNetns(scenario, from, 'from', 'trace', true);
  checkDestination(scenario, to, 'trace');
  const endpoint = typeof flags.endpoint === 'string' ? parseEndpoint(flags.endpoint) : null;
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  const probe: Probe = {
    from,
    to,
    port: flags.port as number,
    protocol: (flags.protocol as Protocol | undefined) ?? 'TCP',
  };
  if (typeof flags['src-port'] === 'number') probe.srcPort = flags['src-port'];
  const trace = engineTrace(engine, probe, endpoint ? `${endpoint.ip}:${endpoint.port}` : undefined);
  if (endpoint && !usedEndpoint(trace, endpoint)) {
    io.stderr(
      `warning: --endpoint ${endpoint.ip}:${endpoint.port} was not used: it is not an endpoint of a Service this packet was load-balanced to\n`,
    );
  }
  for (const w of trace.warnings ?? []) io.stderr(`warning: ${w.message}\n`);
  if (flags.json === true) io.stdout(`${JSON.stringify(traceToJson(trace))}\n`);
  else io.stdout(traceTable(trace, scenario.designs));
  return trace.verdict === 'delivered' ? EXIT.ok : EXIT.dropped;
}

/** `trace --to http://…`: the two-leg HTTP trace through a Gateway or Ingress. */
function runHttpTrace(scenario: Scenario, flags: ParsedFlags, io: CliIo): number {
  const from = flags.from as string;
  if (from.startsWith('node/'))
    throw new UsageError('--from must be NS/POD or external for an http:// --to', 'trace');
  checkNetns(scenario, from, 'from', 'trace', true);
  for (const f of ['port', 'protocol', 'endpoint', 'src-port'])
    if (Object.hasOwn(flags, f))
      throw new UsageError(`--${f} does not apply to an http:// --to (the URL gives the port)`, 'trace');
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  const headers = Array.isArray(flags.header) ? flags.header.map(String) : [];
  const t = engineHttpTrace(engine, {
    from,
    url: flags.to as string,
    ...(typeof flags.method === 'string' ? { method: flags.method } : {}),
    headers,
    ...(typeof flags.via === 'string' ? { via: flags.via } : {}),
    ...(typeof flags['upstream-via'] === 'string'
      ? { upstreamVia: flags['upstream-via'] as 'endpoints' | 'clusterip' }
      : {}),
  });
  if (isHttpTraceError(t)) throw new UsageError(l7English(t.error), 'trace');
  if (flags.json === true) io.stdout(`${JSON.stringify(traceToJson(t))}\n`);
  else io.stdout(traceTable(t, scenario.designs));
  return t.verdict === 'dropped' ? EXIT.dropped : EXIT.ok;
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
    const { flags, positional, help } = parseFlags(spec, rest);
    if (help) {
      io.stdout(commandHelp(spec));
      return EXIT.ok;
    }
    if (spec === TRACE) return runTrace(flags, io);
    if (spec === SHOW) return runShow(flags, io);
    if (spec === RESOLVE) return runResolve(flags, positional!, io);
    if (spec === REACH) return runReach(flags, io);
    if (spec === STATUS) return runStatus(flags, io);
    return runExport(flags, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`error: ${e.message}\n`);
    io.stderr(e.command ? `run "${e.command} --help" for usage\n` : 'run "--help" for usage\n');
    return EXIT.usage;
  }
}
