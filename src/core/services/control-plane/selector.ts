import type { ClusterPod } from '../../model/cluster';

/**
 * Service selectors are plain equality maps (core/v1 `spec.selector`): a Pod matches when it carries
 * every key with the same value. An index by namespace and `key=value` keeps selection cheap at XL
 * scale (150k Pods × 10k Services).
 */
export interface PodIndex {
  byNamespaceLabel: Map<string, number[]>;
}

/** Indexes Pods by `ns\0key=value`. */
export function indexPods(pods: ClusterPod[]): PodIndex {
  const byNamespaceLabel = new Map<string, number[]>();
  for (let i = 0; i < pods.length; i++) {
    const p = pods[i]!;
    const prefix = `${p.namespace}\0`;
    for (const k in p.labels) {
      const key = `${prefix}${k}=${p.labels[k]}`;
      const list = byNamespaceLabel.get(key);
      if (list) list.push(i);
      else byNamespaceLabel.set(key, [i]);
    }
  }
  return { byNamespaceLabel };
}

/** Pod indexes in `namespace` matching every label of `selector` (empty selector selects none, as for Services). */
export function selectPods(
  index: PodIndex,
  pods: ClusterPod[],
  namespace: string,
  selector: Record<string, string>,
): number[] {
  const entries = Object.entries(selector);
  if (entries.length === 0) return [];
  let best: number[] | undefined;
  for (const [k, v] of entries) {
    const list = index.byNamespaceLabel.get(`${namespace}\0${k}=${v}`);
    if (!list) return [];
    if (!best || list.length < best.length) best = list;
  }
  return (best ?? []).filter((i) => entries.every(([k, v]) => pods[i]!.labels[k] === v));
}
