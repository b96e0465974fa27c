import type { MessageKey } from '../../i18n';
import { CHANGE_KINDS, type ChangeKind, type ScenarioChange } from '../../scenario/change';
import type { useT } from '../hooks/useT';

type T = ReturnType<typeof useT>;

const KIND: Record<ChangeKind, [one: MessageKey, many: MessageKey]> = {
  nodes: ['kind.node', 'kind.nodes'],
  pods: ['kind.pod', 'kind.pods'],
  services: ['kind.service', 'kind.services'],
  endpointSlices: ['kind.endpointSlice', 'kind.endpointSlices'],
  networkPolicies: ['kind.networkPolicy', 'kind.networkPolicies'],
  namespaces: ['kind.namespace', 'kind.namespaces'],
};

const VERBS = [
  ['added', 'change.added'],
  ['removed', 'change.removed'],
  ['changed', 'change.changed'],
] as const;

/** "3 Services added, 2 Pods removed; 2 objects skipped: Ingress default/web, …" in the page's language. */
export function changeText(
  t: T,
  change: ScenarioChange,
  skipped: { kind?: string; name?: string }[],
): string {
  const parts: string[] = [];
  for (const [field, key] of VERBS)
    for (const k of CHANGE_KINDS) {
      const n = change.kinds[k][field];
      if (n > 0) parts.push(t.t(key, { n, kind: t.t(KIND[k][n === 1 ? 0 : 1]) }));
    }
  const what = parts.length ? parts.join(t.t('change.sep')) : t.t('change.none');
  if (skipped.length === 0) return what;
  const list = skipped.map((s) => [s.kind, s.name].filter(Boolean).join(' ')).join(', ');
  return `${what}${t.t('change.sepSkipped')}${t.t(skipped.length === 1 ? 'change.skipped.one' : 'change.skipped', { n: skipped.length, list })}`;
}
