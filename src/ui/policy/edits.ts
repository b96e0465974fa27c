import { isDns1123Subdomain } from '../../core/model/validate-names';
import type { K8sNetworkPolicy } from '../../core/model/k8s';
import type { Scenario } from '../../core/model/scenario';

/** Scenario rewrites of the policy editor; the worker validates each before the store applies it. */

const nsOf = (o: { metadata: { namespace?: string } }) => o.metadata.namespace ?? 'default';

/** `ns/name` of a policy (a policy without namespace lives in `default`, as `kubectl apply` puts it). */
export const policyKeyOf = (p: K8sNetworkPolicy): string => `${nsOf(p)}/${p.metadata.name}`;

/** Creates or replaces a policy; `previous` is its key before a rename (the old one is removed). */
export const upsertPolicy =
  (policy: K8sNetworkPolicy, previous?: string) =>
  (s: Scenario): Scenario => {
    const key = policyKeyOf(policy);
    const list = s.networkPolicies.filter((p) => {
      const k = policyKeyOf(p);
      return k !== previous && k !== key;
    });
    const at = s.networkPolicies.findIndex((p) => {
      const k = policyKeyOf(p);
      return k === previous || k === key;
    });
    list.splice(at < 0 ? list.length : Math.min(at, list.length), 0, policy);
    return { ...s, networkPolicies: list };
  };

export const removePolicy =
  (key: string) =>
  (s: Scenario): Scenario => ({
    ...s,
    networkPolicies: s.networkPolicies.filter((p) => policyKeyOf(p) !== key),
  });

/** Sets (value a string) or removes (value null) one label of a Pod (`NS/POD`). */
export const setPodLabel =
  (pod: string, key: string, value: string | null) =>
  (s: Scenario): Scenario => ({
    ...s,
    pods: s.pods.map((p) => {
      if (`${nsOf(p)}/${p.metadata.name}` !== pod) return p;
      const labels = { ...p.metadata.labels };
      if (value === null) delete labels[key];
      else labels[key] = value;
      return { ...p, metadata: { ...p.metadata, labels } };
    }),
  });

/**
 * apimachinery's label syntax (IsQualifiedName for keys, IsValidLabelValue for values): an optional
 * DNS-subdomain prefix and '/', then ≤ 63 alphanumerics, '-', '_' or '.', starting and ending
 * alphanumeric. Values may be empty.
 */
const NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;

export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return NAME.test(key);
  const prefix = key.slice(0, slash);
  return isDns1123Subdomain(prefix) && NAME.test(key.slice(slash + 1));
}

export const isLabelValue = (value: string): boolean => value === '' || NAME.test(value);
