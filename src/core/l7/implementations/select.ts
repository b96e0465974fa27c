import type { K8sPod, K8sService } from '../../model/k8s';

/** Pods a Service selects (core/v1 `spec.selector`, equality on every key, same namespace). */
export function podsOfService(pods: readonly K8sPod[], svc: K8sService): K8sPod[] {
  const sel = Object.entries(svc.spec.selector ?? {});
  if (sel.length === 0) return [];
  const ns = svc.metadata.namespace ?? 'default';
  return pods.filter(
    (p) => (p.metadata.namespace ?? 'default') === ns && sel.every(([k, v]) => p.metadata.labels?.[k] === v),
  );
}
