import { stringify } from 'yaml';
import type { Scenario } from '../../core/model/scenario';
import { SETTINGS_API_VERSION, SETTINGS_KIND } from './import-cluster';

/**
 * Scenario → Kubernetes YAML, a multi-document stream `kubectl apply -f` accepts and `importYaml`
 * reads back to the same scenario. Pods are written as the Pods they are (controllers already
 * expanded), each with its `spec.nodeName` and, where pinned, `status.podIP`. The address plan is
 * kept in a kubeadm ClusterConfiguration document; the underlay (network, gateway, MTU) and the
 * chosen designs, which no Kubernetes object holds, in the explorer's ExplorerSettings document.
 * Everything the scenario holds is data the importer reads back: import(export(x)) = x.
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

/** The explorer's settings document: the node network, its gateway and MTU, and the designs. */
export function explorerSettings(s: Scenario): Record<string, unknown> {
  return {
    apiVersion: SETTINGS_API_VERSION,
    kind: SETTINGS_KIND,
    underlay: { network: s.cluster.underlayCidr, gateway: s.cluster.underlayGateway, mtu: s.cluster.mtu },
    designs: { ...s.designs },
  };
}

export interface ExportOptions {
  /** Write the kubeadm ClusterConfiguration and ExplorerSettings documents first (default true). */
  clusterConfiguration?: boolean;
}

/** The scenario as multi-document YAML: namespaces, nodes, pods, services, slices, policies, L7 objects. */
export function exportYaml(s: Scenario, options: ExportOptions = {}): string {
  const docs: unknown[] = [];
  if (options.clusterConfiguration !== false) docs.push(clusterConfiguration(s), explorerSettings(s));
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
  const header =
    '# Kubernetes Network Explorer scenario (remove the ExplorerSettings document before kubectl apply -f)';
  const body = docs.map((doc) => stringify(doc, { lineWidth: 0 })).join('---\n');
  return `${header}\n---\n${body}`;
}
