import type { K8sPod, K8sService } from '../model/k8s';
import type { Scenario } from '../model/scenario';
import type { ServiceState } from '../services/types';

/**
 * What a proxy needs to know about a backend Service: that it exists, its ports, and how many ready
 * endpoints each port has. Envoy (Gateway API) and ingress-nginx both watch EndpointSlices and dial
 * Pod IPs; a port without ready endpoints makes Envoy answer 503 "no healthy upstream" and
 * ingress-nginx 503 (its upstream has no servers).
 */
export interface BackendPort {
  port: number;
  name: string;
  ready: number;
}

export interface BackendService {
  namespace: string;
  name: string;
  type: string;
  headless: boolean;
  ports: BackendPort[];
}

export type BackendLookup = (namespace: string, name: string) => BackendService | undefined;

/** Backends from the engine's Service control plane (EndpointSlices as the controller wrote them). */
export function backendsFromServices(state: ServiceState): BackendLookup {
  const map = new Map<string, BackendService>();
  for (const r of state.services) {
    map.set(`${r.namespace}/${r.name}`, {
      namespace: r.namespace,
      name: r.name,
      type: r.type,
      headless: r.headless,
      ports: r.ports.map((p) => ({
        port: p.port,
        name: p.portName,
        ready: r.type === 'ExternalName' ? 0 : p.endpoints.filter((e) => e.ready).length,
      })),
    });
  }
  return (ns, name) => map.get(`${ns}/${name}`);
}

/** A Pod counts as a ready endpoint unless its status says otherwise (Ready=False, or not Running). */
function podReady(p: K8sPod): boolean {
  if (p.status?.phase !== undefined && p.status.phase !== 'Running') return false;
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  return ready === undefined || ready.status === 'True';
}

/**
 * Backends read straight from the scenario when no control plane was built (the CLI `status`
 * command): EndpointSlice manifests labelled `kubernetes.io/service-name`, else the Service
 * selector over the Pods (what the EndpointSlice controller would list).
 */
export function backendsFromScenario(s: Scenario): BackendLookup {
  const svcs = new Map<string, K8sService>();
  for (const svc of s.services) svcs.set(`${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`, svc);
  const cache = new Map<string, BackendService>();
  return (ns, name) => {
    const key = `${ns}/${name}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const svc = svcs.get(key);
    if (!svc) return undefined;
    let ready = 0;
    const slices = s.endpointSlices.filter(
      (e) =>
        (e.metadata.namespace ?? 'default') === ns &&
        e.metadata.labels?.['kubernetes.io/service-name'] === name,
    );
    if (slices.length > 0) {
      for (const sl of slices) ready += sl.endpoints.filter((e) => e.conditions?.ready !== false).length;
    } else if (svc.spec.selector && Object.keys(svc.spec.selector).length > 0) {
      const sel = Object.entries(svc.spec.selector);
      for (const p of s.pods) {
        if ((p.metadata.namespace ?? 'default') !== ns) continue;
        if (sel.every(([k, v]) => p.metadata.labels?.[k] === v) && podReady(p)) ready++;
      }
    }
    const type = svc.spec.type ?? 'ClusterIP';
    const out: BackendService = {
      namespace: ns,
      name,
      type,
      headless: svc.spec.clusterIP === 'None',
      ports: (svc.spec.ports ?? []).map((p) => ({
        port: p.port,
        name: p.name ?? '',
        ready: type === 'ExternalName' ? 0 : ready,
      })),
    };
    cache.set(key, out);
    return out;
  };
}
