import type { Hop } from '../trace/types';

/**
 * Aligns the hops of two traces of the same flow so two canvases can play in step: each hop of `a`
 * maps to the hop of `b` at the same place (netns and device) when the designs share it (the Pods'
 * eth0, a node's NIC, the destination), and between those anchors hops advance in proportion.
 * Matching places in order is a longest-common-subsequence over `netns|device|kind`.
 */
export function alignHops(a: readonly Hop[], b: readonly Hop[]): number[] {
  const key = (h: Hop) => `${h.netns}|${h.device ?? ''}|${h.kind}`;
  const n = a.length;
  const m = b.length;
  if (n === 0) return [];
  if (m === 0) return a.map(() => 0);
  // LCS table (traces are tens of hops: n·m is tiny).
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] =
        key(a[i]!) === key(b[j]!) ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (key(a[i]!) === key(b[j]!)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  // Anchor both ends, then interpolate between consecutive anchors.
  if (pairs[0]?.[0] !== 0) pairs.unshift([0, 0]);
  if (pairs[pairs.length - 1]![0] !== n - 1) pairs.push([n - 1, m - 1]);
  const out = new Array<number>(n).fill(0);
  for (let k = 0; k < pairs.length - 1; k++) {
    const [i0, j0] = pairs[k]!;
    const [i1, j1] = pairs[k + 1]!;
    for (let i = i0; i <= i1; i++) {
      const t = i1 === i0 ? 0 : (i - i0) / (i1 - i0);
      out[i] = Math.min(m - 1, Math.max(j0, Math.round(j0 + t * (j1 - j0))));
    }
  }
  return out;
}
