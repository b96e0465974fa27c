import type { K8sNetworkPolicy } from '../model/k8s';
import { type PolicyIndex, setPolicy } from './compile';
import { type ReachDiff, diff, markScope } from './diff';
import { type ReachabilityMatrix, updateMatrix } from './matrix';

/**
 * A what-if on a live policy index (the page's editor before Apply, like Calico's staged policies):
 * the edits are applied in place, the matrix updated incrementally (only the classes the edited
 * policies select), the diff taken on that scope, and the index put back exactly as it was.
 */

/** Create or replace the policy `key` (`ns/name`), or delete it when `policy` is null. */
export interface PolicyEdit {
  key: string;
  policy: K8sNetworkPolicy | null;
}

interface Undo {
  key: string;
  policy: K8sNetworkPolicy | null;
  problems: PolicyIndex['problemsByPolicy'];
}

function restore(index: PolicyIndex, undo: Undo[]): void {
  for (const u of undo.reverse()) {
    setPolicy(index, u.policy, u.key);
    index.problemsByPolicy = u.problems;
  }
}

const remember = (index: PolicyIndex, key: string): Undo => ({
  key,
  policy: index.policies.get(key)?.source ?? null,
  problems: new Map(index.problemsByPolicy),
});

/** Runs `fn` with `edits` applied to `index`, then restores every edited policy. */
export function withEdits<T>(index: PolicyIndex, edits: readonly PolicyEdit[], fn: () => T): T {
  const undo: Undo[] = [];
  try {
    for (const e of edits) {
      undo.push(remember(index, e.key));
      setPolicy(index, e.policy, e.key);
    }
    return fn();
  } finally {
    restore(index, undo);
  }
}

/**
 * The flows `edits` would flip on the layers of `before` (a matrix of `index` as it is now).
 * Cost ~ one incremental matrix update + the rows and columns of the Pods the edited policies select.
 */
export function whatIf(
  index: PolicyIndex,
  before: ReachabilityMatrix,
  edits: readonly PolicyEdit[],
): ReachDiff {
  const scope = new Uint8Array(index.pods.length);
  let after = before;
  const undo: Undo[] = [];
  try {
    for (const e of edits) {
      const old = index.policies.get(e.key);
      if (old) markScope(index, old, scope);
      undo.push(remember(index, e.key));
      after = updateMatrix(after, index, e.policy, e.key); // applies the edit (setPolicy)
      const now = index.policies.get(e.key);
      if (now) markScope(index, now, scope);
    }
  } finally {
    restore(index, undo);
  }
  return diff(before, after, scope);
}
