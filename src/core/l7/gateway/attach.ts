import type { K8sNamespace } from '../../model/k8s';
import type {
  K8sGateway,
  K8sGatewayClass,
  K8sHTTPRoute,
  K8sReferenceGrant,
  Listener,
  ParentReference,
} from '../../model/l7';
import { compileSelector, selectorMatches } from '../../policy/selector';
import type { BackendLookup } from '../backends';
import { intersectHostnames } from '../hostnames';
import { implementationForGatewayClass } from '../implementations/registry';
import { type ResolvedBackend, cond } from '../state';
import type { Condition, GatewayStatusOut, RouteParentStatusOut } from '../types';

/**
 * Route attachment as a Gateway API controller computes it (kubernetes-sigs/gateway-api
 * apis/v1/gateway_types.go `AllowedRoutes`, apis/v1/httproute_types.go `ParentReference`,
 * apis/v1/shared_types.go `RouteConditionReason`): which listeners a route's parentRefs select
 * (sectionName, port), whether each listener admits the route's namespace and kind, the hostname
 * intersection, and the conditions written into `HTTPRoute.status.parents[]` and
 * `Gateway.status.listeners[]`.
 */

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const ns = (o: { metadata: { namespace?: string } }): string => o.metadata.namespace ?? 'default';

/** Route kinds a listener protocol supports (apis/v1/gateway_types.go `ProtocolType` docs). */
const KINDS_BY_PROTOCOL: Record<string, string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

/** `status.listeners[].supportedKinds`: the protocol's kinds, narrowed by `allowedRoutes.kinds`. */
export function supportedKinds(l: Listener): { kinds: string[]; invalid: string[] } {
  const byProto = KINDS_BY_PROTOCOL[l.protocol] ?? [];
  const wanted = l.allowedRoutes?.kinds;
  if (!wanted || wanted.length === 0) return { kinds: byProto, invalid: [] };
  const kinds: string[] = [];
  const invalid: string[] = [];
  for (const k of wanted) {
    const ok = (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && byProto.includes(k.kind);
    (ok ? kinds : invalid).push(k.kind);
  }
  return { kinds, invalid };
}

/**
 * `allowedRoutes.namespaces.from` (default Same): Same, All, None, or Selector over the namespace's
 * labels, which always include `kubernetes.io/metadata.name` (set by the API server).
 */
export function namespaceAllowed(
  l: Listener,
  gatewayNs: string,
  routeNs: string,
  nsLabels: (name: string) => Record<string, string>,
): boolean {
  const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'None') return false;
  if (from === 'Same') return gatewayNs === routeNs;
  return selectorMatches(compileSelector(l.allowedRoutes?.namespaces?.selector), nsLabels(routeNs));
}

export function namespaceLabels(
  namespaces: readonly K8sNamespace[],
): (name: string) => Record<string, string> {
  const map = new Map(namespaces.map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
  return (name) => ({ ...(map.get(name) ?? {}), 'kubernetes.io/metadata.name': name });
}

/** A ReferenceGrant in the target namespace lets `from` (group, kind, namespace) refer to Services there. */
export function refPermitted(
  grants: readonly K8sReferenceGrant[],
  fromNs: string,
  toNs: string,
  toName: string,
): boolean {
  if (fromNs === toNs) return true;
  return grants.some(
    (g) =>
      ns(g) === toNs &&
      g.spec.from.some(
        (f) => f.group === GATEWAY_GROUP && f.kind === 'HTTPRoute' && f.namespace === fromNs,
      ) &&
      g.spec.to.some((t) => (t.group ?? '') === '' && t.kind === 'Service' && (!t.name || t.name === toName)),
  );
}

export interface BackendRefLike {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
}

/**
 * Resolves a backendRef the way ResolvedRefs is computed: a non-Service kind is InvalidKind, a
 * cross-namespace reference without a ReferenceGrant is RefNotPermitted, a missing Service or port
 * is BackendNotFound. Invalid backends still take their share of traffic and answer 500.
 */
export function resolveBackend(
  ref: BackendRefLike & { weight?: number },
  routeNs: string,
  grants: readonly K8sReferenceGrant[],
  lookup: BackendLookup,
): ResolvedBackend {
  const toNs = ref.namespace ?? routeNs;
  const base = {
    namespace: toNs,
    service: ref.name,
    port: ref.port ?? 0,
    weight: ref.weight ?? 1,
    filters: [],
  };
  if ((ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service')
    return { ...base, invalid: 'InvalidKind' };
  if (!refPermitted(grants, routeNs, toNs, ref.name)) return { ...base, invalid: 'RefNotPermitted' };
  const svc = lookup(toNs, ref.name);
  if (!svc || ref.port === undefined || !svc.ports.some((p) => p.port === ref.port))
    return { ...base, invalid: 'BackendNotFound' };
  return { ...base, invalid: null };
}

const REASON_TEXT: Record<string, (r: ResolvedBackend) => string> = {
  InvalidKind: (r) => `backendRef ${r.service} is not a core Service`,
  RefNotPermitted: (r) =>
    `backendRef ${r.namespace}/${r.service} is in another namespace and no ReferenceGrant allows it`,
  BackendNotFound: (r) => `Service ${r.namespace}/${r.service}${r.port ? ` port ${r.port}` : ''} not found`,
};

/** One Gateway served by an implementation, with its listeners' attached routes. */
export interface AttachedGateway {
  gateway: K8sGateway;
  key: string;
  implementation: string;
  /** Per listener: indexes of the routes attached to it, with their effective hostnames. */
  attached: { route: number; hostnames: string[] }[][];
}

export interface Attachment {
  gateways: AttachedGateway[];
  gatewayStatus: GatewayStatusOut[];
  /** Per route: its parent statuses. */
  routeParents: RouteParentStatusOut[][];
  /** Per route: its rules' resolved backends (shared by every listener it is attached to). */
  routeBackends: ResolvedBackend[][][];
}

/** The conditions a served Gateway's listener gets. */
function listenerConditions(l: Listener, conflicted: boolean): Condition[] {
  const { kinds, invalid } = supportedKinds(l);
  const out: Condition[] = [];
  if (conflicted)
    out.push(cond('Conflicted', true, 'HostnameConflict', 'another listener has the same port and hostname'));
  out.push(
    conflicted
      ? cond('Accepted', false, 'HostnameConflict', 'listener conflicts with another listener')
      : cond('Accepted', true, 'Accepted', 'Listener has been successfully translated'),
  );
  out.push(
    invalid.length > 0
      ? cond('ResolvedRefs', false, 'InvalidRouteKinds', `unsupported route kinds: ${invalid.join(', ')}`)
      : cond('ResolvedRefs', true, 'ResolvedRefs', `supported kinds: ${kinds.join(', ') || 'none'}`),
  );
  out.push(
    conflicted
      ? cond('Programmed', false, 'Invalid', 'listener is not programmed')
      : cond('Programmed', true, 'Programmed', 'Sending translated listener configuration to the data plane'),
  );
  return out;
}

/** Which of a Gateway's listeners a parentRef selects (sectionName and port narrow it). */
function candidateListeners(gw: K8sGateway, ref: ParentReference): number[] {
  const out: number[] = [];
  gw.spec.listeners.forEach((l, i) => {
    if (ref.sectionName !== undefined && ref.sectionName !== l.name) return;
    if (ref.port !== undefined && ref.port !== l.port) return;
    out.push(i);
  });
  return out;
}

export function attachRoutes(
  classes: readonly K8sGatewayClass[],
  gateways: readonly K8sGateway[],
  routes: readonly K8sHTTPRoute[],
  grants: readonly K8sReferenceGrant[],
  namespaces: readonly K8sNamespace[],
  lookup: BackendLookup,
): Attachment {
  const nsLabels = namespaceLabels(namespaces);
  // Admission of a namespace by a listener, memoised (1,000 routes share a handful of namespaces).
  const admitted = new Map<string, boolean>();
  const admits = (gw: K8sGateway, i: number, routeNs: string): boolean => {
    const key = `${ns(gw)}/${gw.metadata.name}\0${i}\0${routeNs}`;
    let ok = admitted.get(key);
    if (ok === undefined) {
      const l = gw.spec.listeners[i]!;
      ok = supportedKinds(l).kinds.includes('HTTPRoute') && namespaceAllowed(l, ns(gw), routeNs, nsLabels);
      admitted.set(key, ok);
    }
    return ok;
  };
  const byKey = new Map(gateways.map((g) => [`${ns(g)}/${g.metadata.name}`, g]));
  const served = new Map<string, AttachedGateway>();
  const gatewayStatus: GatewayStatusOut[] = [];
  for (const gw of gateways) {
    const key = `${ns(gw)}/${gw.metadata.name}`;
    const cls = classes.find((c) => c.metadata.name === gw.spec.gatewayClassName);
    const impl = cls ? implementationForGatewayClass(cls.spec.controllerName) : undefined;
    const seen = new Map<string, number>();
    for (const l of gw.spec.listeners) {
      const k = `${l.port}\0${l.hostname ?? ''}\0${l.protocol}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    if (!impl) {
      // No modelled controller claims the class: the API server's defaults stay (Pending).
      const why = cls
        ? `no modelled controller for ${cls.spec.controllerName}`
        : `GatewayClass ${gw.spec.gatewayClassName} not found`;
      gatewayStatus.push({
        name: key,
        listeners: gw.spec.listeners.map((l) => ({
          name: l.name,
          attachedRoutes: 0,
          conditions: [
            cond('Accepted', 'Unknown', 'Pending', `Waiting for controller (${why})`),
            cond('Programmed', 'Unknown', 'Pending', `Waiting for controller (${why})`),
          ],
        })),
      });
      continue;
    }
    const ag: AttachedGateway = {
      gateway: gw,
      key,
      implementation: impl.id,
      attached: gw.spec.listeners.map(() => []),
    };
    served.set(key, ag);
    gatewayStatus.push({
      name: key,
      listeners: gw.spec.listeners.map((l) => ({
        name: l.name,
        attachedRoutes: 0,
        conditions: listenerConditions(
          l,
          (seen.get(`${l.port}\0${l.hostname ?? ''}\0${l.protocol}`) ?? 0) > 1,
        ),
      })),
    });
  }

  const routeParents: RouteParentStatusOut[][] = [];
  const routeBackends: ResolvedBackend[][][] = [];
  routes.forEach((route, ri) => {
    const rns = ns(route);
    const backends = (route.spec.rules ?? []).map((rule) =>
      (rule.backendRefs ?? []).map((b) => {
        const r = resolveBackend(b, rns, grants, lookup);
        if (b.filters) r.filters = b.filters;
        return r;
      }),
    );
    routeBackends.push(backends);
    // Mirror targets are references too (ResolvedRefs covers them).
    const mirrors = (route.spec.rules ?? []).flatMap((rule) =>
      (rule.filters ?? [])
        .filter((f) => f.type === 'RequestMirror' && f.requestMirror)
        .map((f) => resolveBackend(f.requestMirror!.backendRef, rns, grants, lookup)),
    );
    let firstBad: ResolvedBackend | undefined;
    for (const list of backends) for (const b of list) if (!firstBad && b.invalid !== null) firstBad = b;
    firstBad ??= mirrors.find((b) => b.invalid !== null);
    const resolved = firstBad
      ? cond('ResolvedRefs', false, firstBad.invalid!, REASON_TEXT[firstBad.invalid!]!(firstBad))
      : cond('ResolvedRefs', true, 'ResolvedRefs', 'Resolved all the Object references for the Route');
    const parents: RouteParentStatusOut[] = [];
    for (const ref of route.spec.parentRefs ?? []) {
      if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') continue;
      const gkey = `${ref.namespace ?? rns}/${ref.name}`;
      const gw = byKey.get(gkey);
      const ag = served.get(gkey);
      if (gw && !ag) continue; // nobody serves that Gateway: nothing writes status
      const parent = (conditions: Condition[]): void => {
        parents.push({ gateway: gkey, sectionName: ref.sectionName ?? null, conditions });
      };
      if (!gw || !ag) {
        parent([cond('Accepted', false, 'NoMatchingParent', `Gateway ${gkey} not found`), resolved]);
        continue;
      }
      const cands = candidateListeners(gw, ref);
      if (cands.length === 0) {
        const what = [
          ref.sectionName !== undefined ? `sectionName ${ref.sectionName}` : '',
          ref.port !== undefined ? `port ${ref.port}` : '',
        ]
          .filter(Boolean)
          .join(' and ');
        parent([cond('Accepted', false, 'NoMatchingParent', `no listener matches ${what}`), resolved]);
        continue;
      }
      const allowed = cands.filter((i) => admits(gw, i, rns));
      if (allowed.length === 0) {
        parent([
          cond(
            'Accepted',
            false,
            'NotAllowedByListeners',
            'No listeners included by this parent ref allowed this attachment.',
          ),
          resolved,
        ]);
        continue;
      }
      let attachedAny = false;
      for (const i of allowed) {
        const hostnames = intersectHostnames(gw.spec.listeners[i]!.hostname, route.spec.hostnames ?? []);
        if (hostnames.length === 0) continue;
        // A route's parentRefs are processed together: a repeat can only be the last entry.
        const list = ag.attached[i]!;
        if (list[list.length - 1]?.route !== ri) list.push({ route: ri, hostnames });
        attachedAny = true;
      }
      if (!attachedAny) {
        parent([
          cond(
            'Accepted',
            false,
            'NoMatchingListenerHostname',
            'There were no hostname intersections between the HTTPRoute and this parent ref.',
          ),
          resolved,
        ]);
        continue;
      }
      parent([cond('Accepted', true, 'Accepted', 'Route is accepted'), resolved]);
    }
    routeParents.push(parents);
  });
  for (const g of gatewayStatus) {
    const ag = served.get(g.name);
    if (!ag) continue;
    g.listeners.forEach((l, i) => (l.attachedRoutes = ag.attached[i]!.length));
  }
  return { gateways: [...served.values()], gatewayStatus, routeParents, routeBackends };
}
