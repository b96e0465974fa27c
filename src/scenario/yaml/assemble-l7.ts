import type { K8sService } from '../../core/model/k8s';
import { type K8sGatewayClass, type K8sIngressClass, type L7Objects, emptyL7 } from '../../core/model/l7';
import type { Scenario } from '../../core/model/scenario';
import { ENVOY_GATEWAY_CONTROLLER, envoyGateway } from '../../core/l7/implementations/envoy-gateway';
import { INGRESS_NGINX_CONTROLLER, ingressNginx } from '../../core/l7/implementations/ingress-nginx';
import {
  implementationForGatewayClass,
  implementationForIngressClass,
} from '../../core/l7/implementations/registry';
import type { Provisioned } from '../../core/l7/implementations/types';
import { DEFAULT_CLASS_ANNOTATION, classNameOf } from '../../core/l7/ingress/classes';
import { makeNamespace } from '../presets/small';
import { type Named, upsert } from './assemble';
import type { Workload } from './import-workloads';
import { say, sayText } from './messages';
import type { Say } from '../../core/trace/types';
import type { ImportIssue } from './types';

/**
 * The L7 half of an import: L7 objects merged into the scenario, then what a cluster running the
 * controllers would hold and the manifests do not: a GatewayClass for a Gateway naming an
 * undeclared class (served by Envoy Gateway), the `nginx` IngressClass ingress-nginx installs
 * (the default class when an Ingress names none), and the data plane — per Gateway an Envoy
 * Deployment and LoadBalancer Service as Envoy Gateway creates them, for ingress-nginx its
 * controller Deployment and Service — unless the manifests already hold them. Each step is one
 * inferred sentence.
 */

const GW_GROUP_VERSION = 'gateway.networking.k8s.io/v1' as const;
const LISTS: (keyof L7Objects)[] = [
  'ingressClasses',
  'ingresses',
  'gatewayClasses',
  'gateways',
  'httpRoutes',
  'referenceGrants',
];

function mergeL7(
  base: L7Objects | undefined,
  add: L7Objects,
  merge: boolean,
  notices: ImportIssue[],
): L7Objects {
  if (!merge || !base) return add;
  const out = emptyL7();
  for (const key of LISTS) {
    const list = out[key] as Named[];
    for (const o of [...(base[key] as Named[]), ...(add[key] as Named[])]) upsert(list, o, key, notices, 0);
  }
  return out;
}

const isEmpty = (l: L7Objects): boolean => LISTS.every((k) => l[k].length === 0);

function workloadOf(p: Provisioned): Workload {
  const d = p.deployment;
  return {
    kind: 'Deployment',
    namespace: d.namespace,
    name: d.name,
    document: 0,
    replicas: d.replicas,
    ordinalStart: 0,
    template: { labels: { ...d.labels }, spec: { containers: d.containers.map((c) => ({ ...c })) } },
  };
}

function provision(p: Provisioned, scenario: Scenario, workloads: Workload[]): Record<string, string> {
  const svc: K8sService = p.service;
  scenario.services.push(svc);
  workloads.push(workloadOf(p));
  return {
    deployment: `${p.deployment.namespace}/${p.deployment.name}`,
    service: `${svc.metadata.namespace}/${svc.metadata.name}`,
    ports: (svc.spec.ports ?? []).map((x) => `${x.port}→${String(x.targetPort)}`).join(', '),
    policy: svc.spec.externalTrafficPolicy ?? 'Cluster',
  };
}

export function assembleL7(
  scenario: Scenario,
  base: Scenario,
  add: L7Objects,
  merge: boolean,
  workloads: Workload[],
  out: { notices: ImportIssue[]; inferred: Say[] },
): void {
  const l7 = mergeL7(base.l7, add, merge, out.notices);
  if (isEmpty(l7)) {
    if (merge && base.l7) scenario.l7 = base.l7;
    return;
  }
  scenario.l7 = l7;
  const { inferred } = out;

  // GatewayClasses the Gateways name but nobody declared: Envoy Gateway serves them.
  for (const gw of l7.gateways) {
    const name = gw.spec.gatewayClassName;
    if (l7.gatewayClasses.some((c) => c.metadata.name === name)) continue;
    const cls: K8sGatewayClass = {
      apiVersion: GW_GROUP_VERSION,
      kind: 'GatewayClass',
      metadata: { name },
      spec: { controllerName: ENVOY_GATEWAY_CONTROLLER },
    };
    l7.gatewayClasses.push(cls);
    inferred.push(
      say('import.l7.gatewayClass', {
        cls: name,
        controller: ENVOY_GATEWAY_CONTROLLER,
        gateway: `${gw.metadata.namespace}/${gw.metadata.name}`,
      }),
    );
  }

  // IngressClasses: the default `nginx` class ingress-nginx installs, when an Ingress needs it.
  const nginxClass = (isDefault: boolean): K8sIngressClass => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: 'nginx',
      ...(isDefault ? { annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } } : {}),
    },
    spec: { controller: INGRESS_NGINX_CONTROLLER },
  });
  for (const ing of l7.ingresses) {
    const ref = `${ing.metadata.namespace}/${ing.metadata.name}`;
    const cls = classNameOf(ing, l7.ingressClasses);
    if (cls === null) {
      if (l7.ingressClasses.some((c) => c.metadata.name === 'nginx')) continue;
      l7.ingressClasses.push(nginxClass(true));
      inferred.push(
        say('import.l7.defaultIngressClass', {
          name: ref,
          controller: INGRESS_NGINX_CONTROLLER,
          annotation: DEFAULT_CLASS_ANNOTATION,
        }),
      );
    } else if (!l7.ingressClasses.some((c) => c.metadata.name === cls)) {
      if (cls !== 'nginx') {
        const notice = say('import.notice.l7.noClass', { name: ref, cls });
        out.notices.push({
          document: 0,
          line: null,
          path: '',
          message: sayText(notice),
          say: notice,
          kind: 'Ingress',
          name: ref,
        });
        continue;
      }
      l7.ingressClasses.push(nginxClass(false));
      inferred.push(say('import.l7.ingressClass', { name: ref, controller: INGRESS_NGINX_CONTROLLER }));
    }
  }

  // The data plane: proxy Pods and their LoadBalancer Services, unless already present.
  for (const gw of l7.gateways) {
    const cls = l7.gatewayClasses.find((c) => c.metadata.name === gw.spec.gatewayClassName);
    const impl = cls ? implementationForGatewayClass(cls.spec.controllerName) : undefined;
    if (impl !== envoyGateway || !impl.provisionGateway) continue;
    if (impl.findService(scenario.services, gw)) continue;
    const made = provision(impl.provisionGateway(gw), scenario, workloads);
    inferred.push(
      say('import.l7.proxyGateway', { gateway: `${gw.metadata.namespace}/${gw.metadata.name}`, ...made }),
    );
  }
  const servedClasses = l7.ingressClasses.filter(
    (c) =>
      c.spec.controller !== undefined &&
      implementationForIngressClass(c.spec.controller) === ingressNginx &&
      l7.ingresses.some((i) => classNameOf(i, l7.ingressClasses) === c.metadata.name),
  );
  if (servedClasses.length > 0 && !ingressNginx.findService(scenario.services, null)) {
    const made = provision(ingressNginx.provisionIngress!(), scenario, workloads);
    inferred.push(
      say('import.l7.proxyIngress', {
        classes: servedClasses.map((c) => c.metadata.name).join(', '),
        ...made,
      }),
    );
  }

  // Namespaces that only L7 objects use.
  const declared = new Set(scenario.namespaces.map((n) => n.metadata.name));
  const used = new Map<string, number>();
  for (const key of ['ingresses', 'gateways', 'httpRoutes', 'referenceGrants'] as const) {
    for (const o of l7[key]) {
      const ns = o.metadata.namespace ?? 'default';
      if (!declared.has(ns)) used.set(ns, (used.get(ns) ?? 0) + 1);
    }
  }
  for (const [ns, n] of used) {
    scenario.namespaces.push(makeNamespace(ns));
    declared.add(ns);
    inferred.push(say('import.l7.namespace', { ns, count: n }));
  }
}
