import type { HTTPRouteMatch, K8sHTTPRoute } from '../../model/l7';
import type { CompiledMatch, PathIndex, RouteInfo } from '../state';

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

/** Negative when `a` takes precedence over `b` (the same order as `comparePrecedenceStep`, without allocating). */
export function comparePrecedence(a: CompiledMatch, b: CompiledMatch, routes: readonly RouteInfo[]): number {
  const pa = PATH_RANK[a.pathType];
  const pb = PATH_RANK[b.pathType];
  if (pa !== pb) return pa - pb;
  if (a.pathValue.length !== b.pathValue.length) return b.pathValue.length - a.pathValue.length;
  if ((a.method === null) !== (b.method === null)) return a.method === null ? 1 : -1;
  if (a.headers.length !== b.headers.length) return b.headers.length - a.headers.length;
  if (a.query.length !== b.query.length) return b.query.length - a.query.length;
  if (a.route !== b.route) return compareRoutes(routes[a.route]!, routes[b.route]!);
  if (a.rule !== b.rule) return a.rule - b.rule;
  return a.match - b.match;
}

/** Oldest creationTimestamp first (absent counts as newest), then namespace/name. */
function compareRoutes(ra: RouteInfo, rb: RouteInfo): number {
  if (ra.created !== rb.created) {
    if (ra.created === '') return 1;
    if (rb.created === '') return -1;
    return ra.created < rb.created ? -1 : 1;
  }
  return ra.key < rb.key ? -1 : ra.key > rb.key ? 1 : 0;
}

/** The criterion that orders two matches, and which way; `step` names it for explanations. */
export const PRECEDENCE_STEPS = [
  'exactPath',
  'regexPath',
  'longerPrefix',
  'method',
  'moreHeaders',
  'moreQuery',
  'olderRoute',
  'routeName',
  'ruleOrder',
  'matchOrder',
] as const;
export type PrecedenceStep = (typeof PRECEDENCE_STEPS)[number];

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
    return { order: compareRoutes(ra, rb), step: ra.created !== rb.created ? 'olderRoute' : 'routeName' };
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

/** Indexes a sorted table by path (see `PathIndex`). */
export function indexTable(table: readonly CompiledMatch[]): PathIndex {
  const index: PathIndex = { prefix: new Map(), exact: new Map(), always: [] };
  const add = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  table.forEach((m, i) => {
    if (m.pathType === 'PathPrefix')
      add(index.prefix, m.pathValue.endsWith('/') ? m.pathValue.slice(0, -1) : m.pathValue, i);
    else if (m.pathType === 'Exact') add(index.exact, m.pathValue, i);
    else index.always.push(i);
  });
  return index;
}

/**
 * The table positions a request path can match, ascending: the prefixes that end at a `/` of the
 * path or at its end (element-wise prefix matching), its exact value, and every regex entry.
 */
export function candidates(index: PathIndex, path: string): number[] {
  const lists: number[][] = [];
  const take = (l: number[] | undefined): void => {
    if (l) lists.push(l);
  };
  take(index.prefix.get(''));
  for (let i = 1; i < path.length; i++) if (path[i] === '/') take(index.prefix.get(path.slice(0, i)));
  if (path !== '' && path !== '/') take(index.prefix.get(path));
  take(index.exact.get(path));
  if (index.always.length) lists.push(index.always);
  if (lists.length === 1) return lists[0]!;
  const out = lists.flat();
  return out.sort((a, b) => a - b);
}
