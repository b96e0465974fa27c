import type { PolicyIndex } from './compile';
import { selectingPolicies } from './evaluate';
import { type ReachabilityMatrix, expandBlock } from './matrix';

/**
 * A block of the reachability matrix as the page's matrix view and the property tests read it:
 * the chosen Pods × the same Pods on one layer, with a per-Pod summary (which policies isolate the
 * Pod per direction, how many of the shown Pods it may reach and be reached by).
 */

/** Per Pod: which policies isolate it per direction, and how many shown Pods it can reach / be reached by. */
export interface PodReachSummary {
  pod: string;
  ingressBy: string[];
  egressBy: string[];
  /** Shown Pods (itself excluded) allowed to send to this Pod / that this Pod may send to. */
  allowedIn: number;
  allowedOut: number;
}

export interface MatrixBlock {
  /** Pod keys (`NS/POD`) in row/column order (rows = from, columns = to). */
  pods: string[];
  /** Row-major bitmap, `pods.length` bits per row: bit (r, c) set when r → c is allowed. */
  bits: Uint8Array;
  allowedCount: number;
  summary: PodReachSummary[];
}

/** The block of Pods `podIndexes` × `podIndexes` of one layer, with its per-Pod summary. */
export function matrixBlock(
  index: PolicyIndex,
  m: ReachabilityMatrix,
  layer: number,
  podIndexes: readonly number[],
): MatrixBlock {
  const bits = expandBlock(m, layer, podIndexes, podIndexes);
  const n = podIndexes.length;
  let allowedCount = 0;
  const allowedIn = new Array<number>(n).fill(0);
  const allowedOut = new Array<number>(n).fill(0);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const b = r * n + c;
      if ((bits[b >> 3]! & (1 << (b & 7))) === 0) continue;
      allowedCount++;
      if (r !== c) {
        allowedOut[r]!++;
        allowedIn[c]!++;
      }
    }
  const summary = podIndexes.map((i, k) => {
    const p = index.pods[i]!;
    return {
      pod: `${p.namespace}/${p.name}`,
      ingressBy: selectingPolicies(index, p, 'ingress').map((x) => x.key),
      egressBy: selectingPolicies(index, p, 'egress').map((x) => x.key),
      allowedIn: allowedIn[k]!,
      allowedOut: allowedOut[k]!,
    };
  });
  return { pods: summary.map((s) => s.pod), bits, allowedCount, summary };
}
