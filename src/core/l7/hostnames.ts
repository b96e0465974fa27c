/**
 * Host matching as the two APIs define it. Gateway API (apis/v1/shared_types.go `Hostname`,
 * kubernetes-sigs/gateway-api): `*.example.com` matches any name ending in `.example.com` with at
 * least one label before it (`foo.example.com`, `foo.bar.example.com`), never `example.com`.
 * Ingress (networking/v1 `IngressRule.Host`, kubernetes/api): `*.foo.com` matches exactly one
 * label (`bar.foo.com`, not `baz.bar.foo.com`). Hosts are compared without port, case-insensitively.
 */

/** Gateway API wildcard: the suffix after `*` must end the host and at least one label precedes it. */
export function gatewayHostMatches(pattern: string, host: string): boolean {
  if (pattern === '*' || pattern === '') return true;
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1); // '.example.com'
  return host.length > suffix.length && host.endsWith(suffix);
}

/** Ingress wildcard: `*` stands for exactly one DNS label. */
export function ingressHostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1);
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}

/**
 * How specifically a listener hostname matches a request host, for listener selection
 * (apis/v1/gateway_types.go `Listener.Hostname`: an exact match first, then wildcards, the most
 * specific first, then a listener with no hostname). -1 when it does not match.
 */
export function listenerHostRank(hostname: string | undefined, host: string): number {
  if (hostname === undefined || hostname === '') return 0;
  if (!gatewayHostMatches(hostname, host)) return -1;
  // Exact names rank above every wildcard; longer wildcard suffixes are more specific.
  return hostname.startsWith('*.') ? 1 + hostname.length : 1_000_000 + hostname.length;
}

/**
 * The hostnames a route serves on a listener: the intersection of the listener's hostname and the
 * route's `spec.hostnames` (apis/v1/httproute_types.go `HTTPRouteSpec.Hostnames`): an exact route
 * name inside a listener wildcard is kept as is; a route wildcard over an exact listener name gives
 * the listener name; of two nested wildcards, the narrower. `['*']` means any host; `[]` means the
 * route does not intersect (status reason NoMatchingListenerHostname).
 */
export function intersectHostnames(listener: string | undefined, route: readonly string[]): string[] {
  const l = listener ?? '';
  if (route.length === 0) return [l === '' ? '*' : l];
  if (l === '') return [...route];
  const out: string[] = [];
  for (const h of route) {
    let hit: string | null = null;
    if (h === l) hit = h;
    else if (!h.startsWith('*.') && gatewayHostMatches(l, h)) hit = h;
    else if (h.startsWith('*.') && !l.startsWith('*.') && gatewayHostMatches(h, l)) hit = l;
    else if (h.startsWith('*.') && l.startsWith('*.')) {
      if (h.endsWith(l.slice(1))) hit = h;
      else if (l.endsWith(h.slice(1))) hit = l;
    }
    if (hit !== null && !out.includes(hit)) out.push(hit);
  }
  return out;
}
