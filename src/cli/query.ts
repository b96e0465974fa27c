import type { DnsType } from '../core/dns/records';
import type { Protocol } from '../core/model/k8s';
import { declaredPorts, type PortProto, type ReachProbe } from '../core/policy';
import { engineReach, engineResolve, policyIndexOf } from '../core/queries';
import { type CommandSpec, type ParsedFlags, UsageError } from './args';
import { reachTable, reachToJson, resolveText, resolveToJson } from './query-format';
import {
  type CliIo,
  EXIT,
  PROTOCOLS,
  SCENARIO_FLAGS,
  build,
  checkNetns,
  isDnsName,
  loadScenario,
} from './scenario';

/**
 * The query commands: `resolve` (DNS from a Pod, as its stub resolver and CoreDNS answer) and
 * `reach` (NetworkPolicy verdicts for every ordered Pod pair, like the upstream e2e truth tables).
 */

const DNS_TYPES: readonly DnsType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR', 'TXT'];

export const RESOLVE: CommandSpec = {
  name: 'resolve',
  summary: "Resolve a DNS name from a Pod: its resolv.conf search list, CoreDNS's answer to each try.",
  usage: 'resolve [--manifests FILE] --from NS/POD NAME [--type A|SRV|…] [--json]',
  positional: { name: 'NAME', help: 'the name to look up, as the Pod would (e.g. backend.default)' },
  flags: [
    { name: 'from', value: 'NS/POD', required: true, help: 'the Pod whose resolver asks' },
    { name: 'type', value: 'TYPE', choices: DNS_TYPES, help: 'record type (default A)' },
    ...SCENARIO_FLAGS,
    { name: 'json', help: 'print {"answers":[…],"tried":[…]} as JSON' },
  ],
  details: `examples:
  resolve --from default/client backend.default
  resolve --from default/client _api._tcp.backend.default.svc.cluster.local --type SRV --json`,
};

export const REACH: CommandSpec = {
  name: 'reach',
  summary: 'NetworkPolicy verdict for every ordered Pod pair, per port/protocol (a reachability matrix).',
  usage: 'reach [--manifests FILE] [--port N [--protocol TCP|UDP|SCTP]]… [--json]',
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
    { name: 'json', help: 'print {"probes":[…]} as JSON' },
  ],
  details: `examples:
  reach --manifests policies.yaml
  reach --manifests policies.yaml --port 80 --port 53 --protocol TCP --protocol UDP --json`,
};

export function runResolve(flags: ParsedFlags, name: string, io: CliIo): number {
  const scenario = loadScenario(flags, io, 'resolve');
  if (!scenario) return EXIT.invalidInput;
  const from = flags.from as string;
  checkNetns(scenario, from, 'from', 'resolve', false, false);
  if (!isDnsName(name))
    throw new UsageError(`NAME must be a DNS name; got ${JSON.stringify(name)}`, 'resolve');
  const type = (flags.type as DnsType | undefined) ?? 'A';
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  const r = engineResolve(engine, from, name, type);
  if (!r) throw new UsageError(`--from: no Pod ${from}`, 'resolve');
  if (flags.json === true) io.stdout(`${JSON.stringify(resolveToJson(r))}\n`);
  else io.stdout(resolveText(r, from, name, type));
  return r.answers.length > 0 ? EXIT.ok : EXIT.dropped;
}

const list = <T>(v: ParsedFlags[string] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as T[]) : [v as T];

/**
 * The ports to probe: `--port`s paired with `--protocol`s (one protocol for all, or one per port);
 * with `--protocol` alone, the declared ports of those protocols; with neither, null (all declared).
 */
function askedPorts(flags: ParsedFlags): { ports: PortProto[] | null; protocols: Protocol[] } {
  const ports = list<number>(flags.port);
  const protocols = list<Protocol>(flags.protocol);
  if (ports.length === 0) return { ports: null, protocols };
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
  return { ports: [...seen.values()], protocols };
}

export function runReach(flags: ParsedFlags, io: CliIo): number {
  const scenario = loadScenario(flags, io, 'reach');
  if (!scenario) return EXIT.invalidInput;
  const asked = askedPorts(flags);
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  let ports = asked.ports;
  if (!ports && asked.protocols.length > 0) {
    ports = declaredPorts(policyIndexOf(engine)).filter((p) => asked.protocols.includes(p.protocol));
  }
  // probes() falls back to the declared ports on an empty list; an empty filter means no probe.
  const probes: ReachProbe[] =
    ports && ports.length === 0 ? [] : engineReach(engine, ports ?? undefined).probes;
  if (flags.json === true) io.stdout(`${JSON.stringify(reachToJson(probes))}\n`);
  else
    io.stdout(
      reachTable(
        probes,
        engine.cluster.pods.map((p) => `${p.namespace}/${p.name}`),
      ),
    );
  return EXIT.ok;
}
