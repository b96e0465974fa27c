import type { Scenario } from '../core/model/scenario';

/**
 * What an import (or any replacement of the document) changed, counted per kind the way
 * `kubectl apply` reports objects: created, configured (changed) or deleted. Objects are matched by
 * namespace and name (nodes by name). Pure; used to say "3 Services added, 2 Pods removed".
 */

export type ChangeKind = 'nodes' | 'pods' | 'services' | 'endpointSlices' | 'networkPolicies' | 'namespaces';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'nodes',
  'pods',
  'services',
  'endpointSlices',
  'networkPolicies',
  'namespaces',
];

export interface KindChange {
  added: number;
  removed: number;
  changed: number;
}

export interface ScenarioChange {
  kinds: Record<ChangeKind, KindChange>;
  /** Pods and nodes the new scenario holds. */
  totals: { nodes: number; pods: number; services: number };
}

interface Named {
  metadata: { name: string; namespace?: string };
}

const keyOf = (o: Named): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** JSON with object keys sorted and undefined fields left out: the same object, however written. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

function diff(before: readonly Named[], after: readonly Named[]): KindChange {
  const old = new Map(before.map((o) => [keyOf(o), canonical(o)]));
  const seen = new Set<string>();
  let added = 0;
  let changed = 0;
  for (const o of after) {
    const k = keyOf(o);
    seen.add(k);
    const was = old.get(k);
    if (was === undefined) added++;
    else if (was !== canonical(o)) changed++;
  }
  let removed = 0;
  for (const k of old.keys()) if (!seen.has(k)) removed++;
  return { added, removed, changed };
}

export function scenarioChange(before: Scenario | null, after: Scenario): ScenarioChange {
  const kinds = {} as Record<ChangeKind, KindChange>;
  for (const k of CHANGE_KINDS)
    kinds[k] = diff((before?.[k] ?? []) as readonly Named[], after[k] as readonly Named[]);
  return {
    kinds,
    totals: { nodes: after.nodes.length, pods: after.pods.length, services: after.services.length },
  };
}

/** True when the change is a replace that leaves no Pods while Pods were there: worth asking first. */
export function emptiesCluster(before: Scenario | null, after: Scenario): boolean {
  return (before?.pods.length ?? 0) > 0 && after.pods.length === 0;
}
