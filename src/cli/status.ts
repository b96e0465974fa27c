import { buildL7, statusOf } from '../core/l7';
import type { Condition, L7StatusDoc } from '../core/l7';
import type { CommandSpec, ParsedFlags } from './args';
import { type CliIo, EXIT, SCENARIO_FLAGS, build, loadScenario } from './scenario';

/**
 * `status`: the status the L7 controllers would write for the scenario's Gateways, HTTPRoutes and
 * Ingresses (Envoy Gateway for Gateway API, ingress-nginx for Ingress): per listener the
 * attachedRoutes and conditions, per route and parent the Accepted / ResolvedRefs conditions with
 * their real reasons. JSON shape fixed by issue 11 (docs/cli.md).
 */
export const STATUS: CommandSpec = {
  name: 'status',
  summary: 'The status the Gateway API and Ingress controllers would write: listeners, routes, conditions.',
  usage: 'status [--manifests FILE] [--json]',
  flags: [...SCENARIO_FLAGS, { name: 'json', help: 'print {"gateways":[…],"routes":[…]} as JSON' }],
  details: `examples:
  status --manifests gateway-api-cross-namespace-routing.yaml
  status --manifests ingress-simple-fanout.yaml --json`,
};

const condText = (c: Condition): string =>
  `${c.type}=${c.status} ${c.reason}${c.status === 'True' ? '' : `: ${c.message}`}`;

/** The status as text: one block per Gateway, then one per route. */
export function statusText(doc: L7StatusDoc): string {
  const lines: string[] = [];
  if (doc.gateways.length === 0 && doc.routes.length === 0) return 'no Gateways, HTTPRoutes or Ingresses\n';
  for (const g of doc.gateways) {
    lines.push(`Gateway ${g.name}`);
    for (const l of g.listeners) {
      lines.push(`  listener ${l.name}: attachedRoutes ${l.attachedRoutes}`);
      for (const c of l.conditions) lines.push(`    ${condText(c)}`);
    }
  }
  for (const r of doc.routes) {
    lines.push(`${r.kind} ${r.name}`);
    if (r.parents.length === 0) lines.push('  no controller writes its status (no parent serves it)');
    for (const p of r.parents) {
      const section = p.sectionName === null ? '' : ` section ${p.sectionName}`;
      lines.push(`  parent ${r.kind === 'Ingress' ? 'IngressClass ' : 'Gateway '}${p.gateway}${section}`);
      for (const c of p.conditions) lines.push(`    ${condText(c)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function runStatus(flags: ParsedFlags, io: CliIo): number {
  const scenario = loadScenario(flags, io, 'status');
  if (!scenario) return EXIT.invalidInput;
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  const doc = statusOf(buildL7(scenario, engine.services));
  if (flags.json === true) io.stdout(`${JSON.stringify(doc)}\n`);
  else io.stdout(statusText(doc));
  return EXIT.ok;
}
