import { resolveCluster } from '../../ipam/resolve';
import type { Cluster } from '../../model/cluster';
import type { K8sService, ServicePort } from '../../model/k8s';
import type { Scenario } from '../../model/scenario';
import { smallScenario } from '../../../scenario/presets/small';
import { withClusterAddons } from '../control-plane/addons';

/** Test helper: a Service manifest. */
export function svc(
  namespace: string,
  name: string,
  selector: Record<string, string> | undefined,
  ports: ServicePort[],
  spec: Partial<K8sService['spec']> = {},
): K8sService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector, ports, ...spec },
  };
}

/** Test helper: resolves a scenario with the lead's IPAM (host-local: first Pod at .2). */
export function clusterOf(scenario: Scenario): Cluster {
  const { cluster, problems } = resolveCluster(scenario, { firstPodOffset: 2 });
  if (!cluster) throw new Error(problems.map((p) => p.message).join('; '));
  return cluster;
}

/** Preset S plus add-ons and a few Services covering each type. */
export function smallWithServices(extra: K8sService[] = []): Scenario {
  const base = smallScenario();
  base.services = [
    svc('default', 'frontend', { app: 'frontend' }, [{ name: 'http', port: 80, targetPort: 'http' }], {
      type: 'NodePort',
    }),
    svc('default', 'backend', { app: 'backend' }, [{ name: 'api', port: 9090 }]),
    svc('default', 'db', { app: 'db' }, [{ name: 'pg', port: 5432 }], { clusterIP: 'None' }),
    svc('default', 'web-lb', { app: 'frontend' }, [{ name: 'http', port: 80, targetPort: 8080 }], {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
    }),
    svc('default', 'search', undefined, [], { type: 'ExternalName', externalName: 'search.example.com' }),
    ...extra,
  ];
  return withClusterAddons(base);
}
