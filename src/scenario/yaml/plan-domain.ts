import type { ClusterSettings } from '../../core/model/scenario';
import { isDns1123Subdomain } from '../../core/model/validate-names';
import type { Say } from '../../core/trace/types';
import { say } from './messages';
import type { PlanInput } from './plan';

/** The cluster DNS domain of an address plan: stated by the objects, else inferred from them. */

/**
 * The domain the cluster's own objects state: kubeadm's `networking.dnsDomain` (kubelet's
 * `clusterDomain` and CoreDNS's zone both come from it: kubernetes cmd/kubeadm/app/phases/addons/dns)
 * and CoreDNS's Corefile. Two that disagree are an error naming both. False when none states one.
 */
export function domainFromObjects(
  input: PlanInput,
  cluster: ClusterSettings,
  inferred: Say[],
  errors: string[],
): boolean {
  const sources = input.domains ?? [];
  const first = sources[0];
  if (!first) return false;
  const other = sources.find((s) => s.value !== first.value);
  if (other) {
    errors.push(
      `${first.by} names cluster domain ${first.value} but ${other.by} names ${other.value}: the cluster has one domain (give --cluster-domain to choose)`,
    );
    return true;
  }
  cluster.clusterDomain = first.value;
  // kubeadm's value is stated, like its podSubnet (and every export writes one): not an inference.
  if (first.kind === 'corefile' && !(input.keepFitting && first.value === input.base.clusterDomain))
    inferred.push(say('import.plan.domain.corefile', { domain: first.value, source: first.by }));
  return true;
}

/**
 * kubeadm sets the apiserver's `--service-account-issuer` to `https://kubernetes.default.svc.<dnsDomain>`
 * (cmd/kubeadm/app/phases/controlplane/manifests.go); an ExternalName Service pointing at
 * `<svc>.<ns>.svc.<domain>` shows it too.
 */
export function inferDomain(
  input: PlanInput,
  cluster: ClusterSettings,
  inferred: Say[],
  keepFitting: boolean,
): void {
  const issuer = input.podFlags.find((f) => f.flag === 'service-account-issuer');
  const fromIssuer = issuer
    ? /^https:\/\/kubernetes\.default\.svc\.([^/:]+)\/?$/.exec(issuer.value)?.[1]
    : undefined;
  const keep = (d: string): boolean => keepFitting && d === cluster.clusterDomain;
  if (issuer && fromIssuer && isDns1123Subdomain(fromIssuer)) {
    if (!keep(fromIssuer))
      inferred.push(
        say('import.plan.domain.flag', { domain: fromIssuer, issuer: issuer.value, pod: issuer.pod }),
      );
    cluster.clusterDomain = fromIssuer;
    return;
  }
  for (const s of input.services) {
    const name = s.spec.externalName?.replace(/\.$/, '');
    const d = name ? /^[^.]+\.[^.]+\.svc\.(.+)$/.exec(name)?.[1] : undefined;
    if (name && d && isDns1123Subdomain(d)) {
      if (!keep(d))
        inferred.push(
          say('import.plan.domain.externalName', {
            domain: d,
            name,
            service: `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`,
          }),
        );
      cluster.clusterDomain = d;
      return;
    }
  }
}
