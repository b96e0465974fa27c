import type { LabelSelector, LabelSelectorRequirement } from '../model/k8s';
import type { Say } from '../trace/types';

/**
 * A compiled metav1.LabelSelector: `matchLabels` and every `matchExpressions` requirement are
 * ANDed; an empty selector matches everything (apimachinery `LabelSelectorAsSelector`).
 */
export interface CompiledSelector {
  /** Canonical text, equal for selectors that select the same label sets (used to dedupe). */
  key: string;
  /** True for `{}`: matches every label set. */
  matchesAll: boolean;
  /** `k=v` pairs that must all be present (`matchLabels`). */
  equals: [string, string][];
  requirements: LabelSelectorRequirement[];
  /**
   * Problems found (e.g. `In` with no values), as keys of core/model/problem-messages.ts; such a
   * requirement matches nothing, as validation would reject it.
   */
  problems: Say[];
}

/** Compiles a selector; `null`/`undefined` fields (YAML `matchLabels:` with no value) count as empty. */
export function compileSelector(sel: LabelSelector | null | undefined): CompiledSelector {
  const equals: [string, string][] = [];
  const requirements: LabelSelectorRequirement[] = [];
  const problems: Say[] = [];
  const ml = sel?.matchLabels ?? {};
  for (const k of Object.keys(ml).sort()) equals.push([k, String(ml[k])]);
  for (const r of sel?.matchExpressions ?? []) {
    const values = [...new Set((r.values ?? []).map(String))].sort();
    if ((r.operator === 'In' || r.operator === 'NotIn') && values.length === 0)
      problems.push({ key: 'problem.policy.needsValues', args: { key: r.key, operator: r.operator } });
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length > 0)
      problems.push({ key: 'problem.policy.noValues', args: { key: r.key, operator: r.operator } });
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator))
      problems.push({ key: 'problem.policy.operator', args: { key: r.key, operator: String(r.operator) } });
    requirements.push({ key: r.key, operator: r.operator, values });
  }
  requirements.sort((a, b) => (a.key === b.key ? cmp(a.operator, b.operator) : cmp(a.key, b.key)));
  const key = JSON.stringify([equals, requirements.map((r) => [r.key, r.operator, r.values])]);
  return {
    key,
    matchesAll: equals.length === 0 && requirements.length === 0,
    equals,
    requirements,
    problems,
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Label-selector match (apimachinery labels.Selector.Matches): NotIn and DoesNotExist match a missing key. */
export function selectorMatches(sel: CompiledSelector, labels: Record<string, string>): boolean {
  if (sel.matchesAll) return true;
  for (const [k, v] of sel.equals) if (labels[k] !== v) return false;
  for (const r of sel.requirements) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = labels[r.key];
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In':
        if (!has || !values.includes(value!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** `kubectl`-style text of a selector (`app=web,tier in (a,b)`), `{}` when it selects everything. */
export function formatSelector(sel: CompiledSelector): string {
  if (sel.matchesAll) return '{}';
  const parts = sel.equals.map(([k, v]) => `${k}=${v}`);
  for (const r of sel.requirements) {
    const vs = (r.values ?? []).join(',');
    if (r.operator === 'In') parts.push(`${r.key} in (${vs})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${vs})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else parts.push(`!${r.key}`);
  }
  return parts.join(',');
}
