import type { K8sIngress, K8sIngressClass } from '../../model/l7';

/**
 * Which IngressClass an Ingress belongs to (kubernetes/website content/en/docs/concepts/
 * services-networking/ingress.md "Ingress class", "Default IngressClass"): `spec.ingressClassName`;
 * else the deprecated `kubernetes.io/ingress.class` annotation (still honoured by ingress-nginx);
 * else the one class annotated `ingressclass.kubernetes.io/is-default-class: "true"` (with several
 * defaults, none is chosen — the admission plugin refuses to pick).
 */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export function defaultIngressClass(classes: readonly K8sIngressClass[]): K8sIngressClass | null {
  const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  return defaults.length === 1 ? defaults[0]! : null;
}

export function classNameOf(ing: K8sIngress, classes: readonly K8sIngressClass[]): string | null {
  return (
    ing.spec.ingressClassName ??
    ing.metadata.annotations?.[LEGACY_CLASS_ANNOTATION] ??
    defaultIngressClass(classes)?.metadata.name ??
    null
  );
}
