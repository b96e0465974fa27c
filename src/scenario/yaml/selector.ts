import type { LabelSelector, LabelSelectorRequirement } from '../../core/model/k8s';
import {
  type Path,
  type ReadCtx,
  fail,
  isLabelKey,
  readEnum,
  readLabels,
  readList,
  readObj,
  readStr,
  readStrList,
} from './reader';

/**
 * metav1.LabelSelector: `matchLabels` AND every `matchExpressions` requirement. Validation as in
 * apimachinery's ValidateLabelSelectorRequirement: In/NotIn need values, Exists/DoesNotExist none.
 */
const OPERATORS: readonly LabelSelectorRequirement['operator'][] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function readSelector(c: ReadCtx, v: unknown, path: Path, req = false): LabelSelector | undefined {
  const o = readObj(c, v, path, ['matchLabels', 'matchExpressions'], req);
  if (!o) return undefined;
  const sel: LabelSelector = {};
  const matchLabels = readLabels(c, o.matchLabels, [...path, 'matchLabels']);
  if (matchLabels) sel.matchLabels = matchLabels;
  const exprs = readList(c, o.matchExpressions, [...path, 'matchExpressions']);
  if (exprs) {
    sel.matchExpressions = [];
    exprs.forEach((item, i) => {
      const p: Path = [...path, 'matchExpressions', i];
      const e = readObj(c, item, p, ['key', 'operator', 'values'], true);
      if (!e) return;
      const key = readStr(c, e.key, [...p, 'key'], true);
      if (key !== undefined && !isLabelKey(key))
        fail(c, [...p, 'key'], 'import.field.selectorKey', { key: JSON.stringify(key) });
      const operator = readEnum(c, e.operator, [...p, 'operator'], OPERATORS, true);
      const values = readStrList(c, e.values, [...p, 'values']);
      if (operator === 'In' || operator === 'NotIn') {
        if (!values || values.length === 0)
          fail(c, [...p, 'values'], 'import.field.valuesNeeded', { operator });
      } else if (operator && values && values.length > 0) {
        fail(c, [...p, 'values'], 'import.field.valuesNone', { operator });
      }
      if (key === undefined || operator === undefined) return;
      const req: LabelSelectorRequirement = { key, operator };
      if (values && values.length > 0) req.values = values;
      sel.matchExpressions!.push(req);
    });
  }
  return sel;
}

/** Whether a label set satisfies a selector (the empty selector matches everything). */
export function selectorMatches(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const r of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, r.key);
    const value = labels[r.key];
    const inValues = value !== undefined && (r.values ?? []).includes(value);
    if (r.operator === 'In' && !inValues) return false;
    if (r.operator === 'NotIn' && inValues) return false;
    if (r.operator === 'Exists' && !has) return false;
    if (r.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
