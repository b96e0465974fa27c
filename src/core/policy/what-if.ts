import type { K8sNetworkPolicy } from '../model/k8s';
import { type PolicyIndex, setPolicy } from './compile';
import { type ReachDiff, diff, diffCells } from './diff';
import type { ReachabilityMatrix } from './matrix';
import { applyDeletion, applyEdit, changedCells, editedMatrix } from './update';

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
 * Scratch layers of the "after" matrices, reused from one what-if to the next on the same matrix:
 * allocating a large typed array per preview would make V8 run a full GC of the whole engine.
 */
const scratch = new WeakMap<ReachabilityMatrix, Uint32Array[][]>();

function scratchOf(before: ReachabilityMatrix, edit: number): (layer: number, words: number) => Uint32Array {
  let sets = scratch.get(before);
  if (!sets) scratch.set(before, (sets = []));
  const set = (sets[edit] ??= []);
  return (layer, words) => {
    let b = set[layer];
    if (!b || b.length < words) set[layer] = b = new Uint32Array(Math.ceil(words * 1.25));
    const view = b.subarray(0, words);
    view.fill(0);
    return view;
  };
}

/**
 * The flows `edits` would flip on the layers of `before` (a matrix of `index` as it is now).
 * Cost ~ one incremental matrix update + the rows and columns of the Pods the edited policies select.
 * A single deletion, or a single edit that splits or merges no class (the common case: a policy
 * over labels and namespaces other policies already name), is compared on its changed cells
 * alone; otherwise the "after" matrix is written to scratch memory reused from one what-if on
 * `before` to the next.
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
    // one deletion: recomputed on the classes before (deleting a policy only merges classes)
    if (edits.length === 1 && edits[0]!.policy === null) {
      undo.push(remember(index, edits[0]!.key));
      return diffCells(before, changedCells(before, index, applyDeletion(before, index, edits[0]!.key)));
    }
    for (const [k, e] of edits.entries()) {
      undo.push(remember(index, e.key));
      // applies the edit (setPolicy) and finds the classes it touches
      const applied = applyEdit(after, index, e.policy, e.key);
      if (edits.length === 1 && applied.sameClasses)
        return diffCells(before, changedCells(before, index, applied));
      for (let i = 0; i < scope.length; i++) scope[i]! |= applied.scope[i]!;
      after = editedMatrix(after, index, applied, scratchOf(before, k));
    }
  } finally {
    restore(index, undo);
  }
  return diff(before, after, scope);
}
