/**
 * Path matching shared by both APIs. A prefix matches element-wise, split by `/`: `/foo` matches
 * `/foo`, `/foo/` and `/foo/bar`, never `/foobar`, and a trailing `/` in the prefix is ignored
 * (Gateway API apis/v1/httproute_types.go `PathMatchPathPrefix`; Ingress `pathType: Prefix`,
 * kubernetes/website content/en/docs/concepts/services-networking/ingress.md "Examples").
 */
export function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (p === '') return true;
  if (!path.startsWith(p)) return false;
  return path.length === p.length || path[p.length] === '/';
}

/** An exact path match: case-sensitive, no trailing-slash leniency (`/foo` ≠ `/foo/`). */
export const exactMatches = (value: string, path: string): boolean => value === path;

/**
 * Replaces the matched prefix (Gateway API `HTTPPathModifier.ReplacePrefixMatch`): `/foo/bar` with
 * prefix `/foo` and replacement `/xyz` becomes `/xyz/bar`; with replacement `/`, `/bar`; the path
 * never ends up empty (gateway-api conformance/tests/httproute-rewrite-path.go).
 */
export function replacePrefix(path: string, prefix: string, replacement: string): string {
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  let rest = path.slice(p.length);
  let head = replacement;
  if (head.endsWith('/') && rest.startsWith('/')) head = head.slice(0, -1);
  if (head !== '' && !head.endsWith('/') && rest !== '' && !rest.startsWith('/')) rest = `/${rest}`;
  const out = head + rest;
  return out === '' ? '/' : out;
}
