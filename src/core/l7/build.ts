import type { K8sPod, K8sService } from '../model/k8s';
import { type K8sGateway, type K8sIngress, type L7Objects, emptyL7 } from '../model/l7';
import type { Scenario } from '../model/scenario';
import type { ServiceState } from '../services/types';
import { type BackendLookup, backendsFromScenario, backendsFromServices } from './backends';
import { attachRoutes } from './gateway/attach';
import { buildTable, indexTable } from './gateway/table';
import { implementationById, implementationForIngressClass } from './implementations/registry';
import type { L7Implementation } from './implementations/types';
import { classNameOf } from './ingress/classes';
import { buildServers, resolveIngressBackend } from './ingress/table';
import { type GatewayPlan, type IngressClassPlan, type L7State, type RouteInfo, cond } from './state';
import type { Condition, L7Entry, RouteStatusOut } from './types';

/**
 * Runs the L7 control planes over a scenario: Gateway API attachment and route tables (what Envoy
 * Gateway translates into Envoy listeners and routes), ingress-nginx servers per IngressClass, the
 * status both controllers write, and where each proxy fleet runs (its Service and Pods). Pure and
 * cheap; the caller caches it per scenario. `services` (the engine's control plane) gives the
 * EndpointSlices a proxy reads; without it they are derived from the scenario.
 */
export function buildL7(scenario: Scenario, services?: ServiceState): L7State {
  const l7: L7Objects = scenario.l7 ?? emptyL7();
  const lookup: BackendLookup = services ? backendsFromServices(services) : backendsFromScenario(scenario);
  const att = attachRoutes(
    l7.gatewayClasses,
    l7.gateways,
    l7.httpRoutes,
    l7.referenceGrants,
    scenario.namespaces,
    lookup,
  );
  const routes: RouteInfo[] = l7.httpRoutes.map((r, i) => {
    const namespace = r.metadata.namespace ?? 'default';
    return {
      key: `${namespace}/${r.metadata.name}`,
      namespace,
      name: r.metadata.name,
      created: r.metadata.creationTimestamp ?? '',
      rules: (r.spec.rules ?? []).map((rule, ri) => ({
        filters: rule.filters ?? [],
        backends: att.routeBackends[i]![ri]!,
      })),
      upstreamVia: 'endpoints',
    };
  });
  const entries: L7Entry[] = [];
  const gateways: GatewayPlan[] = att.gateways.map((ag) => {
    const via = `gateway/${ag.key}`;
    const impl = implementationById(ag.implementation)!;
    entries.push(
      entryOf(via, impl, scenario, ag.gateway, [...new Set(ag.gateway.spec.listeners.map((l) => l.port))]),
    );
    return {
      via,
      key: ag.key,
      implementation: ag.implementation,
      listeners: ag.gateway.spec.listeners.map((l, i) => {
        const table = buildTable(ag.attached[i]!, l7.httpRoutes, routes);
        return {
          name: l.name,
          port: l.port,
          protocol: l.protocol,
          hostname: l.hostname,
          table,
          index: indexTable(table),
        };
      }),
    };
  });

  // Ingress: group by class; classes a modelled controller claims get servers.
  const classes: IngressClassPlan[] = [];
  const ingressStatus: RouteStatusOut[] = [];
  const byClass = new Map<string, typeof l7.ingresses>();
  for (const ing of l7.ingresses) {
    const cls = classNameOf(ing, l7.ingressClasses);
    const key = `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`;
    const obj = cls === null ? undefined : l7.ingressClasses.find((c) => c.metadata.name === cls);
    const impl = obj?.spec.controller ? implementationForIngressClass(obj.spec.controller) : undefined;
    const parents: RouteStatusOut['parents'] = [];
    if (cls !== null && !obj) {
      parents.push({
        gateway: cls,
        sectionName: null,
        conditions: [cond('Accepted', false, 'NoMatchingParent', `IngressClass ${cls} not found`)],
      });
    } else if (cls !== null && impl) {
      parents.push({
        gateway: cls,
        sectionName: null,
        conditions: [cond('Accepted', true, 'Accepted', `served by ${impl.title}`), ingressRefs(ing, lookup)],
      });
      const list = byClass.get(cls) ?? [];
      list.push(ing);
      byClass.set(cls, list);
    }
    ingressStatus.push({ name: key, kind: 'Ingress', parents });
  }
  for (const c of l7.ingressClasses) {
    const impl = c.spec.controller ? implementationForIngressClass(c.spec.controller) : undefined;
    if (!impl) continue;
    const via = `ingressclass/${c.metadata.name}`;
    const { servers, catchAll } = buildServers(byClass.get(c.metadata.name) ?? [], lookup);
    classes.push({ via, name: c.metadata.name, implementation: impl.id, servers, catchAll });
    entries.push(entryOf(via, impl, scenario, null, [80, 443]));
  }

  const httpStatus: RouteStatusOut[] = l7.httpRoutes.map((r, i) => ({
    name: routes[i]!.key,
    kind: 'HTTPRoute',
    parents: att.routeParents[i]!,
  }));
  const byName = (a: { name: string }, b: { name: string }): number =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return {
    entries,
    gateways,
    classes,
    routes,
    status: {
      gateways: [...att.gatewayStatus].sort(byName),
      routes: [...httpStatus.sort(byName), ...ingressStatus.sort(byName)],
    },
    backends: lookup,
  };
}

/** ResolvedRefs for an Ingress: every backend a Service with that port in the Ingress's namespace. */
function ingressRefs(ing: K8sIngress, lookup: BackendLookup): Condition {
  const ns = ing.metadata.namespace ?? 'default';
  const all = [
    ...(ing.spec.defaultBackend ? [ing.spec.defaultBackend] : []),
    ...(ing.spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend)),
  ];
  for (const b of all) {
    const r = resolveIngressBackend(b, ns, lookup);
    if (r.invalid === 'InvalidKind')
      return cond('ResolvedRefs', false, 'InvalidKind', `backend ${r.service} is not a Service`);
    if (r.invalid)
      return cond(
        'ResolvedRefs',
        false,
        'BackendNotFound',
        `Service ${ns}/${r.service} port ${r.port || '?'} not found`,
      );
  }
  return cond('ResolvedRefs', true, 'ResolvedRefs', 'Resolved all the Object references');
}

function entryOf(
  via: string,
  impl: L7Implementation,
  scenario: Scenario,
  gw: K8sGateway | null,
  ports: number[],
): L7Entry {
  const svc: K8sService | undefined = impl.findService(scenario.services, gw);
  const pods: K8sPod[] = svc ? impl.findPods(scenario.pods, svc) : [];
  return {
    via,
    implementation: impl.id,
    service: svc ? `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}` : '',
    pods: pods.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`),
    ports,
  };
}
