import { isDns1123Subdomain } from '../core/model/validate-names';
import type { Scenario } from '../core/model/scenario';
import { parseCidr } from '../core/net/cidr';
import type { StatedPlan } from '../scenario/manifests';
import { inferPlan } from '../scenario/yaml/plan';
import { type FlagSpec, type ParsedFlags, UsageError } from './args';

/**
 * The address-plan flags every command that loads a scenario takes. They name the settings as
 * kube-controller-manager and kube-apiserver do (`--cluster-cidr`, `--node-cidr-mask-size`,
 * `--service-cluster-ip-range`) and kubelet's `clusterDomain`, and they win over a
 * ClusterConfiguration and over anything inferred from the manifests.
 */
export const PLAN_FLAGS: readonly FlagSpec[] = [
  { name: 'node-network', value: 'CIDR', help: 'the node network (default: inferred from InternalIPs)' },
  { name: 'pod-cidr', value: 'CIDR', help: 'the cluster Pod CIDR, --cluster-cidr (default: inferred)' },
  {
    name: 'node-cidr-mask',
    value: 'N',
    int: [8, 30],
    help: 'per-node Pod CIDR prefix, --node-cidr-mask-size (default: inferred, else 24)',
  },
  {
    name: 'service-cidr',
    value: 'CIDR',
    help: 'the Service CIDR, --service-cluster-ip-range (default: inferred)',
  },
  {
    name: 'cluster-domain',
    value: 'D',
    help: 'the cluster DNS domain (default: inferred, else cluster.local)',
  },
];

/** The flags given, checked (a CIDR with zero host bits, a DNS domain), as stated settings. */
export function statedFromFlags(flags: ParsedFlags, command: string): StatedPlan {
  const stated: StatedPlan = {};
  const cidr = (name: string): string | undefined => {
    const v = flags[name];
    if (typeof v !== 'string') return undefined;
    if (parseCidr(v) === null)
      throw new UsageError(
        `--${name} must be an IPv4 CIDR with zero host bits, like 10.244.0.0/16; got ${JSON.stringify(v)}`,
        command,
      );
    return v;
  };
  const net = cidr('node-network');
  if (net !== undefined) stated.underlayCidr = { value: net, by: '--node-network' };
  const pod = cidr('pod-cidr');
  if (pod !== undefined) stated.podCidr = { value: pod, by: '--pod-cidr' };
  const svc = cidr('service-cidr');
  if (svc !== undefined) stated.serviceCidr = { value: svc, by: '--service-cidr' };
  if (typeof flags['node-cidr-mask'] === 'number')
    stated.nodeCidrMaskSize = { value: flags['node-cidr-mask'], by: '--node-cidr-mask' };
  const domain = flags['cluster-domain'];
  if (typeof domain === 'string') {
    const d = domain.replace(/\.$/, '');
    if (!isDns1123Subdomain(d))
      throw new UsageError(
        `--cluster-domain must be a DNS domain like cluster.local; got ${JSON.stringify(domain)}`,
        command,
      );
    stated.clusterDomain = { value: d, by: '--cluster-domain' };
  }
  return stated;
}

/**
 * Stated settings applied to a scenario that was not imported (preset S): the same checks as an
 * import (every address the scenario pins must lie inside), errors naming flag and object.
 */
export function applyStated(s: Scenario, stated: StatedPlan): { scenario: Scenario; errors: string[] } {
  if (Object.keys(stated).length === 0) return { scenario: s, errors: [] };
  const r = inferPlan({
    base: s.cluster,
    stated,
    nodes: s.nodes,
    pods: s.pods,
    services: s.services,
    podFlags: [],
    keepFitting: true,
  });
  return { scenario: { ...s, cluster: r.cluster }, errors: r.errors };
}
