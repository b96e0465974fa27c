import type { DnsType } from '../core/dns/records';
import { engineResolve } from '../core/queries';
import { type CommandSpec, type ParsedFlags, UsageError } from './args';
import { resolveText, resolveToJson } from './query-format';
import { type CliIo, EXIT, SCENARIO_FLAGS, build, checkNetns, isDnsName, loadScenario } from './scenario';

/**
 * The query commands: `resolve` (DNS from a Pod, as its stub resolver and CoreDNS answer) and
 * `reach` (NetworkPolicy verdicts for every ordered Pod pair, in reach.ts).
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

export { REACH, runReach } from './reach';
