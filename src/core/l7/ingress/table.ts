import type { IngressBackend, K8sIngress } from '../../model/l7';
import type { BackendLookup } from '../backends';
import type { IngressLocation, IngressServer, ResolvedBackend } from '../state';

/**
 * The nginx configuration ingress-nginx renders for one class (kubernetes/ingress-nginx
 * internal/ingress/controller/controller.go `createServers`, `getBackendServers`): Ingresses in
 * creation order (the oldest wins a path both define); one `server` per host, the catch-all `_`
 * for rules without host; each server's root falls back to the creating Ingress's
 * `spec.defaultBackend`, else the controller's default backend (404). Paths: Exact and Prefix;
 * ImplementationSpecific is treated as Prefix. Locations sort longest first, Exact before Prefix
 * on a tie (content/en/docs/concepts/services-networking/ingress.md "Multiple matches").
 */

const ingKey = (i: K8sIngress): string => `${i.metadata.namespace ?? 'default'}/${i.metadata.name}`;
const SERVICE_UPSTREAM = 'nginx.ingress.kubernetes.io/service-upstream';

export const upstreamViaOf = (i: K8sIngress): 'endpoints' | 'clusterip' =>
  i.metadata.annotations?.[SERVICE_UPSTREAM] === 'true' ? 'clusterip' : 'endpoints';

/** An Ingress backend resolved against the Services (same namespace; a named port by its name). */
export function resolveIngressBackend(
  b: IngressBackend,
  namespace: string,
  lookup: BackendLookup,
): ResolvedBackend {
  if (!b.service) {
    const name = b.resource?.name ?? '';
    return { namespace, service: name, port: 0, weight: 1, invalid: 'InvalidKind', filters: [] };
  }
  const svc = lookup(namespace, b.service.name);
  const wanted = b.service.port;
  const port = svc?.ports.find((p) =>
    wanted?.number !== undefined ? p.port === wanted.number : p.name !== '' && p.name === wanted?.name,
  );
  return {
    namespace,
    service: b.service.name,
    port: port?.port ?? wanted?.number ?? 0,
    weight: 1,
    invalid: svc && port ? null : 'BackendNotFound',
    filters: [],
  };
}

/** Ingress ordering ingress-nginx uses: creationTimestamp, then namespace/name. */
export function sortIngresses(list: readonly K8sIngress[]): K8sIngress[] {
  return [...list].sort((a, b) => {
    const ca = a.metadata.creationTimestamp ?? '';
    const cb = b.metadata.creationTimestamp ?? '';
    if (ca !== cb) return ca === '' ? 1 : cb === '' ? -1 : ca < cb ? -1 : 1;
    const ka = ingKey(a);
    const kb = ingKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

const norm = (p: string): number => (p.length > 1 && p.endsWith('/') ? p.length - 1 : p.length);

export function compareLocations(a: IngressLocation, b: IngressLocation): number {
  const la = norm(a.value);
  const lb = norm(b.value);
  if (la !== lb) return lb - la;
  if (a.pathType !== b.pathType) return a.pathType === 'Exact' ? -1 : 1;
  return 0;
}

export function buildServers(
  ingresses: readonly K8sIngress[],
  lookup: BackendLookup,
): { servers: IngressServer[]; catchAll: IngressServer } {
  const servers = new Map<string, IngressServer>();
  const catchAll: IngressServer = { host: '', locations: [], fallback: null, tls: false };
  const sorted = sortIngresses(ingresses);
  for (const ing of sorted) {
    const ns = ing.metadata.namespace ?? 'default';
    const via = upstreamViaOf(ing);
    const def = ing.spec.defaultBackend
      ? {
          ingress: ingKey(ing),
          backend: resolveIngressBackend(ing.spec.defaultBackend, ns, lookup),
          upstreamVia: via,
        }
      : null;
    if (def && !catchAll.fallback) catchAll.fallback = def;
    const tlsHosts = new Set((ing.spec.tls ?? []).flatMap((t) => t.hosts ?? []));
    (ing.spec.rules ?? []).forEach((rule, ri) => {
      const host = rule.host ?? '';
      let server = host === '' ? catchAll : servers.get(host);
      if (!server) {
        server = { host, locations: [], fallback: def, tls: false };
        servers.set(host, server);
      }
      if (host !== '' && tlsHosts.has(host)) server.tls = true;
      (rule.http?.paths ?? []).forEach((p, pi) => {
        const pathType = p.pathType === 'Exact' ? 'Exact' : 'Prefix';
        const value = p.path ?? '/';
        if (server.locations.some((l) => l.value === value && l.pathType === pathType)) return;
        server.locations.push({
          ingress: ingKey(ing),
          rule: ri,
          path: pi,
          pathType,
          value,
          backend: resolveIngressBackend(p.backend, ns, lookup),
          created: ing.metadata.creationTimestamp ?? '',
          upstreamVia: via,
        });
      });
    });
  }
  for (const s of [...servers.values(), catchAll]) s.locations.sort(compareLocations);
  return { servers: [...servers.values()], catchAll };
}
