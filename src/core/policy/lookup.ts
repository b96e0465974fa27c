import type { Group, IpAtom } from './compile';

/** Lookups on a compiled policy index: sorted-array search, group membership, ipBlock match. */

/** First position in a sorted array whose value is >= x. */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a group is matched by a selector atom. */
export function groupHasAtom(group: Group, atom: number): boolean {
  const a = group.atoms;
  const i = lowerBound(a, atom);
  return a[i] === atom;
}

/** Whether an address falls in an ipBlock: inside `cidr` and in none of `except`. */
export function ipInBlock(spec: IpAtom, ip: number): boolean {
  if ((ip & spec.mask) >>> 0 !== spec.base) return false;
  for (const e of spec.except) if ((ip & e.mask) >>> 0 === e.base) return false;
  return true;
}
