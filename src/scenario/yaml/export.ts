import { stringify } from 'yaml';
import type { Scenario } from '../../core/model/scenario';

/**
 * Scenario → Kubernetes YAML, a multi-document stream `kubectl apply -f` accepts and `importYaml`
 * reads back to the same scenario. Pods are written as the Pods they are (controllers already
 * expanded), each with its `spec.nodeName` and, where pinned, `status.podIP`. The address plan is
 * kept in a kubeadm ClusterConfiguration document; the underlay, MTU and chosen designs, which no
 * Kubernetes object holds, go in the header comment.
 */

/** kubeadm ClusterConfiguration (v1beta4) holding the scenario's cluster networks. */
export function clusterConfiguration(s: Scenario): Record<string, unknown> {
  return {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'ClusterConfiguration',
    networking: {
      podSubnet: s.cluster.podCidr,
      serviceSubnet: s.cluster.serviceCidr,
      dnsDomain: s.cluster.clusterDomain,
    },
    controllerManager: {
      extraArgs: [{ name: 'node-cidr-mask-size', value: String(s.cluster.nodeCidrMaskSize) }],
    },
  };
}

export interface ExportOptions {
  /** Write the kubeadm ClusterConfiguration document first (default true). */
  clusterConfiguration?: boolean;
}

/** The scenario as multi-document YAML: namespaces, nodes, pods, services, slices, policies, L7 objects. */
export function exportYaml(s: Scenario, options: ExportOptions = {}): string {
  const docs: unknown[] = [];
  if (options.clusterConfiguration !== false) docs.push(clusterConfiguration(s));
  for (const list of [s.namespaces, s.nodes, s.pods, s.services, s.endpointSlices, s.networkPolicies]) {
    for (const o of list) docs.push(o);
  }
  // L7 entry objects, classes before what uses them (as `kubectl apply` order would want).
  const l7 = s.l7;
  if (l7) {
    for (const list of [
      l7.ingressClasses,
      l7.ingresses,
      l7.gatewayClasses,
      l7.gateways,
      l7.referenceGrants,
      l7.httpRoutes,
    ])
      for (const o of list) docs.push(o);
  }
  const d = s.designs;
  const header = [
    '# Kubernetes Network Explorer scenario',
    `# designs: intra=${d.intra} inter=${d.inter} proxy=${d.proxy}`,
    `# underlay: ${s.cluster.underlayCidr} via ${s.cluster.underlayGateway}, MTU ${s.cluster.mtu}`,
  ].join('\n');
  const body = docs.map((doc) => stringify(doc, { lineWidth: 0 })).join('---\n');
  return `${header}\n---\n${body}`;
}
