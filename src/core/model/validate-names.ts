import type { Problem } from './cluster';
import type { Scenario } from './scenario';
import { clipText, problem } from './problem-messages';

/**
 * Object names checked as the API server checks them on create, so a link or a JSON file cannot
 * carry what `kubectl apply` would refuse (an empty name, 100,000 characters, markup):
 * k8s.io/apimachinery/pkg/util/validation/validation.go (IsDNS1123Subdomain, IsDNS1123Label,
 * IsDNS1035Label) as kubernetes pkg/apis/core/validation/validation.go applies them per kind —
 * Pods, Nodes, EndpointSlices and NetworkPolicies are subdomains (≤ 253), Namespaces and every
 * `metadata.namespace` labels (≤ 63), Services RFC 1035 labels (≤ 63, a letter first).
 */

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** An RFC 1123 subdomain as Kubernetes checks it (apimachinery IsDNS1123Subdomain: ≤ 253 characters). */
export const isDns1123Subdomain = (s: string): boolean => s.length <= 253 && SUBDOMAIN.test(s);
const LABEL_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

type Rule = 'subdomain' | 'label' | 'label1035';
const RULES: Record<Rule, { re: RegExp; max: number }> = {
  subdomain: { re: SUBDOMAIN, max: 253 },
  label: { re: LABEL, max: 63 },
  label1035: { re: LABEL_1035, max: 63 },
};

const COLLECTIONS: [keyof Scenario, string, Rule, boolean][] = [
  ['nodes', 'Node', 'subdomain', false],
  ['namespaces', 'Namespace', 'label', false],
  ['pods', 'Pod', 'subdomain', true],
  ['services', 'Service', 'label1035', true],
  ['endpointSlices', 'EndpointSlice', 'subdomain', true],
  ['networkPolicies', 'NetworkPolicy', 'subdomain', true],
];

/** Whether `value` is a valid name under `rule` (what `check` reports nothing for). */
function valid(value: unknown, rule: Rule): boolean {
  if (typeof value !== 'string' || value === '') return false;
  const { re, max } = RULES[rule];
  return value.length <= max && re.test(value);
}

function check(
  problems: Problem[],
  kind: string,
  path: string,
  value: unknown,
  rule: Rule,
  field: string,
  where: string,
): void {
  if (typeof value !== 'string' || value === '') {
    problems.push(problem('INVALID_VALUE', path, 'problem.name.required', { kind, where }));
    return;
  }
  const { re, max } = RULES[rule];
  const name = clipText(value);
  if (value.length > max)
    problems.push(
      problem('INVALID_VALUE', path, 'problem.name.tooLong', { kind, name, max, length: value.length }),
    );
  else if (!re.test(value)) {
    const key =
      rule === 'subdomain'
        ? 'problem.name.subdomain'
        : rule === 'label'
          ? 'problem.name.label'
          : 'problem.name.label1035';
    problems.push(problem('INVALID_VALUE', path, key, { kind, name, field }));
  }
}

/** Every object's name and namespace; each problem names its JSON path. */
export function nameProblems(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  // the same namespace names recur on every object: each is checked once (paths are spelled only
  // for the objects that have a problem)
  const goodNamespaces = new Set<string>();
  for (const [collection, kind, rule, namespaced] of COLLECTIONS) {
    const list = scenario[collection] as { metadata: { name: string; namespace?: string } }[];
    list.forEach((o, i) => {
      const { name, namespace } = o.metadata;
      if (!valid(name, rule))
        check(
          problems,
          kind,
          `${collection}[${i}].metadata.name`,
          name,
          rule,
          'metadata.name',
          `${collection}[${i}]`,
        );
      if (!namespaced || namespace === undefined || goodNamespaces.has(namespace)) return;
      if (valid(namespace, 'label')) goodNamespaces.add(namespace);
      else
        check(
          problems,
          kind,
          `${collection}[${i}].metadata.namespace`,
          namespace,
          'label',
          'metadata.namespace',
          `${collection}[${i}]`,
        );
    });
  }
  return problems;
}
