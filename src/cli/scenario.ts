import { buildEngine, type Engine } from '../core/engine';
import type { Protocol } from '../core/model/k8s';
import {
  INTER_DESIGN_IDS,
  INTRA_DESIGN_IDS,
  PROXY_MODE_IDS,
  type Designs,
  type InterDesign,
  type IntraDesign,
  type ProxyMode,
  type Scenario,
} from '../core/model/scenario';
import { parseIpv4 } from '../core/net/ipv4';
import { withClusterAddons } from '../core/services/control-plane/addons';
import { formatIssue, importYaml, sayText } from '../scenario/manifests';
import { smallScenario } from '../scenario/presets/small';
import { type FlagSpec, type ParsedFlags, UsageError } from './args';
import { PLAN_FLAGS, applyStated, statedFromFlags } from './plan-flags';

/**
 * What every CLI command shares: the io it writes to, the exit statuses, the scenario flags, loading
 * the scenario (manifests or preset S), the checks that reject unknown names before the engine runs,
 * and building the engine.
 */

/** Where the CLI reads and writes; main.ts passes the process, tests pass buffers. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file as UTF-8; throws (with a message) when it cannot. */
  readFile: (path: string) => string;
}

/**
 * Exit statuses (documented in docs/cli.md). `dropped` (3) is the negative answer: `trace` the
 * packet was dropped, `resolve` the name has no answer.
 */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, dropped: 3 } as const;

const INTRA: readonly IntraDesign[] = INTRA_DESIGN_IDS;
const INTER: readonly InterDesign[] = INTER_DESIGN_IDS;
const PROXY: readonly ProxyMode[] = PROXY_MODE_IDS;
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export const SCENARIO_FLAGS: readonly FlagSpec[] = [
  {
    name: 'manifests',
    value: 'FILE',
    help: 'Kubernetes YAML to load, `-` for standard input (default: preset S, 3 nodes)',
  },
  { name: 'intra', value: 'DESIGN', choices: INTRA, help: 'how Pods are wired inside a node' },
  { name: 'inter', value: 'DESIGN', choices: INTER, help: 'how Pod packets cross between nodes' },
  { name: 'proxy', value: 'MODE', choices: PROXY, help: 'kube-proxy mode' },
  { name: 'seed', value: 'N', int: [0, 2 ** 31 - 1], help: 'seed for generated Pod names (default 1)' },
  ...PLAN_FLAGS,
];

/** Loads the scenario: the manifests file (inferences and notices on stderr) or preset S. */
export function loadScenario(flags: ParsedFlags, io: CliIo, command: string): Scenario | null {
  const base = smallScenario();
  const stated = statedFromFlags(flags, command);
  let scenario = base;
  if (typeof flags.manifests === 'string') {
    let text: string;
    try {
      text = io.readFile(flags.manifests);
    } catch (e) {
      throw new UsageError(`cannot read --manifests ${flags.manifests}: ${(e as Error).message}`, command);
    }
    if (text.trim() === '')
      throw new UsageError(`cannot read --manifests ${flags.manifests}: it is empty`, command);
    const seed = typeof flags.seed === 'number' ? flags.seed : 1;
    const r = importYaml(text, base, { seed, stated });
    for (const n of r.notices) io.stderr(`notice: ${formatIssue(n)}\n`);
    for (const s of r.inferred) io.stderr(`inferred: ${sayText(s)}\n`);
    if (!r.scenario) {
      for (const e of r.errors) io.stderr(`error: ${flags.manifests}: ${formatIssue(e)}\n`);
      return null;
    }
    scenario = r.scenario;
  } else {
    const applied = applyStated(base, stated);
    for (const e of applied.errors) io.stderr(`error: ${e}\n`);
    if (applied.errors.length > 0) return null;
    scenario = applied.scenario;
  }
  const designs: Designs = {
    intra: (flags.intra as IntraDesign | undefined) ?? scenario.designs.intra,
    inter: (flags.inter as InterDesign | undefined) ?? scenario.designs.inter,
    proxy: (flags.proxy as ProxyMode | undefined) ?? scenario.designs.proxy,
  };
  return { ...scenario, designs };
}

export const podKeys = (s: Scenario): Set<string> =>
  new Set(s.pods.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`));

function known(list: readonly string[]): string {
  const shown = list.slice(0, 8).join(', ');
  return list.length > 8 ? `${shown}, … (${list.length} in all)` : shown || 'none';
}

/**
 * `node/NAME` or `NS/POD` that exists in the scenario (the CoreDNS Pods every cluster runs
 * included); `external` too when allowed, and `node/NAME` only when `allowNode`.
 */
export function checkNetns(
  scenario: Scenario,
  value: string,
  flag: string,
  command: string,
  allowExternal: boolean,
  allowNode = true,
): void {
  if (allowExternal && value === 'external') return;
  const s = withClusterAddons(scenario);
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  if (!m)
    throw new UsageError(
      `--${flag} must be ${allowNode ? 'node/NAME or ' : ''}NS/POD${allowExternal ? ' or external' : ''}; got ${JSON.stringify(value)}`,
      command,
    );
  if (m[1] === 'node' && allowNode) {
    const nodes = s.nodes.map((n) => n.metadata.name);
    if (!nodes.includes(m[2]!))
      throw new UsageError(`--${flag}: no node ${m[2]} (nodes: ${known(nodes)})`, command);
    return;
  }
  if (!podKeys(s).has(value)) {
    throw new UsageError(`--${flag}: no Pod ${value} (Pods: ${known([...podKeys(s)])})`, command);
  }
}

/** The destination of a trace: a Pod or Service that exists (add-ons included), an IPv4 address or a DNS name. */
export function checkDestination(scenario: Scenario, value: string, command: string): void {
  if (parseIpv4(value) !== null) return;
  const s = withClusterAddons(scenario);
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
  // A DNS name (`web`, `web.shop.svc.cluster.local.`): resolved by the engine from the source Pod.
  if (!isDnsName(value)) {
    throw new UsageError(
      `--to must be NS/POD, NS/SVC, an IPv4 address or a DNS name; got ${JSON.stringify(value)}`,
      command,
    );
  }
}

/** Builds the engine; scenario problems go to stderr (warnings, or errors when nothing could be built). */
export function build(scenario: Scenario, io: CliIo): Engine | null {
  const { engine, problems } = buildEngine(scenario);
  for (const p of problems) io.stderr(`${engine ? 'warning' : 'error'}: ${p.path}: ${p.message}\n`);
  return engine;
}

/** A DNS name as a resolver takes it: letters, digits, `-`, `_` (SRV labels), dots; optional final dot. */
export function isDnsName(value: string): boolean {
  return /^(?=.{1,254}$)[A-Za-z0-9_]([-A-Za-z0-9_]{0,62})(\.[A-Za-z0-9_]([-A-Za-z0-9_]{0,62}))*\.?$/.test(
    value,
  );
}
