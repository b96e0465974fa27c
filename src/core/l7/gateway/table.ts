import type { HTTPRouteMatch, K8sHTTPRoute } from '../../model/l7';
import type { CompiledMatch, RouteInfo } from '../state';

/**
 * The route table of one listener: every match of every rule of every attached route, sorted once
 * by the precedence Gateway API prescribes across all routes on a listener
 * (kubernetes-sigs/gateway-api apis/v1/httproute_types.go `HTTPRouteRule` docs):
 *   1. an Exact path match; 2. the longest PathPrefix (characters); 3. a method match;
 *   4. the most header matches; 5. the most query param matches;
 *   then across routes 6. the oldest route (creationTimestamp), 7. `namespace/name` alphabetically;
 *   within a route 8. the first rule in list order.
 * RegularExpression paths are implementation-specific; Envoy Gateway orders them after Exact and
 * before PathPrefix (envoyproxy/gateway internal/xds/translator sorting of route matches).
 * The first entry that matches a request is the rule that answers it.
 */

/** A regular expression compiled as RE2-style full match; null when it does not compile. */
function fullMatch(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

/** One HTTPRouteMatch with the API defaults filled in (path PathPrefix `/`, Exact headers and query). */
export function compileMatch(
  route: number,
  rule: number,
  match: number,
  m: HTTPRouteMatch,
  hostnames: string[],
): CompiledMatch {
  const pathType = m.path?.type ?? 'PathPrefix';
  const pathValue = m.path?.value ?? '/';
  // Header names are case-insensitive; when one name repeats, only its first entry counts.
  const headers: CompiledMatch['headers'] = [];
  for (const h of m.headers ?? []) {
    const name = h.name.toLowerCase();
    if (headers.some((x) => x.name === name)) continue;
    const type = h.type ?? 'Exact';
    headers.push({
      name,
      type,
      value: h.value,
      re: type === 'RegularExpression' ? fullMatch(h.value) : null,
    });
  }
  // Query param names are case-sensitive (apis/v1/httproute_types.go `HTTPQueryParamMatch`).
  const query: CompiledMatch['query'] = [];
  for (const q of m.queryParams ?? []) {
    if (query.some((x) => x.name === q.name)) continue;
    const type = q.type ?? 'Exact';
    query.push({
      name: q.name,
      type,
      value: q.value,
      re: type === 'RegularExpression' ? fullMatch(q.value) : null,
    });
  }
  return {
    route,
    rule,
    match,
    hostnames,
    pathType,
    pathValue,
    pathRegex: pathType === 'RegularExpression' ? fullMatch(pathValue) : null,
    method: m.method ?? null,
    headers,
    query,
  };
}

const PATH_RANK = { Exact: 0, RegularExpression: 1, PathPrefix: 2 } as const;

/** Negative when `a` takes precedence over `b`. */
export function comparePrecedence(a: CompiledMatch, b: CompiledMatch, routes: readonly RouteInfo[]): number {
  return comparePrecedenceStep(a, b, routes).order;
}

/** The criterion that orders two matches, and which way; `step` names it for explanations. */
export type PrecedenceStep =
  | 'exactPath'
  | 'regexPath'
  | 'longerPrefix'
  | 'method'
  | 'moreHeaders'
  | 'moreQuery'
  | 'olderRoute'
  | 'routeName'
  | 'ruleOrder'
  | 'matchOrder';

export function comparePrecedenceStep(
  a: CompiledMatch,
  b: CompiledMatch,
  routes: readonly RouteInfo[],
): { order: number; step: PrecedenceStep } {
  const pa = PATH_RANK[a.pathType];
  const pb = PATH_RANK[b.pathType];
  if (pa !== pb) return { order: pa - pb, step: pa === 0 || pb === 0 ? 'exactPath' : 'regexPath' };
  if (a.pathValue.length !== b.pathValue.length)
    return { order: b.pathValue.length - a.pathValue.length, step: 'longerPrefix' };
  if ((a.method === null) !== (b.method === null))
    return { order: a.method === null ? 1 : -1, step: 'method' };
  if (a.headers.length !== b.headers.length)
    return { order: b.headers.length - a.headers.length, step: 'moreHeaders' };
  if (a.query.length !== b.query.length) return { order: b.query.length - a.query.length, step: 'moreQuery' };
  if (a.route !== b.route) {
    const ra = routes[a.route]!;
    const rb = routes[b.route]!;
    if (ra.created !== rb.created && ra.created !== '' && rb.created !== '')
      return { order: ra.created < rb.created ? -1 : 1, step: 'olderRoute' };
    if (ra.created !== rb.created) return { order: ra.created === '' ? 1 : -1, step: 'olderRoute' };
    return { order: ra.key < rb.key ? -1 : 1, step: 'routeName' };
  }
  if (a.rule !== b.rule) return { order: a.rule - b.rule, step: 'ruleOrder' };
  return { order: a.match - b.match, step: 'matchOrder' };
}

/** Every match of the attached routes on one listener, in precedence order. */
export function buildTable(
  attached: readonly { route: number; hostnames: string[] }[],
  specs: readonly K8sHTTPRoute[],
  routes: readonly RouteInfo[],
): CompiledMatch[] {
  const out: CompiledMatch[] = [];
  for (const { route, hostnames } of attached) {
    (specs[route]!.spec.rules ?? []).forEach((rule, ri) => {
      const matches = rule.matches && rule.matches.length > 0 ? rule.matches : [{}];
      matches.forEach((m, mi) => out.push(compileMatch(route, ri, mi, m, hostnames)));
    });
  }
  return out.sort((a, b) => comparePrecedence(a, b, routes));
}
