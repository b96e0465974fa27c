import type { Say } from '../../core/trace/types';

/**
 * English sentences for what an import infers and notices, by message key. Like hop sentences
 * (core/trace/messages.ts), the importer emits `{key, args}`; the CLI prints these English
 * sentences and the page translates the same keys (src/i18n/import.ts). Placeholders are `{name}`;
 * list arguments are already joined (`a, b, … (+3)`), so no sentence needs plural rules.
 */
export const IMPORT_MESSAGES = {
  // The address plan (plan.ts).
  'import.plan.underlay':
    'Node network {cidr}, gateway {gateway} (its first free address): the InternalIPs of Nodes {nodes} ({ips}) share {common}.',
  'import.plan.podCidr':
    'Cluster Pod CIDR {cidr}: it holds spec.podCIDR of Nodes {nodes} and the status.podIP of {pods} Pods (they share {common}).',
  'import.plan.podCidr.pods':
    'Cluster Pod CIDR {cidr}: it holds the status.podIP of Pods {pods} (they share {common}).',
  'import.plan.podCidr.flag': 'Cluster Pod CIDR {cidr}: --cluster-cidr of Pod {pod}.',
  'import.plan.mask': 'Per-node Pod CIDR size /{mask}: the prefix of spec.podCIDR on Nodes {nodes}.',
  'import.plan.mask.flag': 'Per-node Pod CIDR size /{mask}: --node-cidr-mask-size of Pod {pod}.',
  'import.plan.serviceCidr':
    'Service CIDR {cidr}: it holds the ClusterIPs of Services {services} (they share {common}).',
  'import.plan.serviceCidr.first':
    'Service CIDR {cidr}: it holds the ClusterIPs of Services {services}, and {ip} of Service default/kubernetes is its first address.',
  'import.plan.serviceCidr.flag': 'Service CIDR {cidr}: --service-cluster-ip-range of Pod {pod}.',
  'import.plan.domain.flag':
    'Cluster domain {domain}: --service-account-issuer {issuer} of Pod {pod} names kubernetes.default.svc.{domain}.',
  'import.plan.domain.corefile':
    "Cluster domain {domain}: the zone CoreDNS's kubernetes plugin serves in {source}.",
  'import.plan.domain.externalName':
    'Cluster domain {domain}: spec.externalName {name} of Service {service} points into svc.{domain}.',
  'import.plan.vpc':
    "Pods on the node network {cidr} (gateway {gateway}): no Node has spec.podCIDR and the IPs of {pods} Pods share {common} with the InternalIPs of Nodes {nodes}, so the Pods hold secondary IPs of their node's ENI, as the AWS VPC CNI (or Azure CNI) gives them. Design: VPC-native, native routing; the Pod CIDR is the node network.",
  'import.plan.vpc.node': 'Node {node} holds the IPs of {count} Pods, {first} to {last} (no Pod CIDR block).',
  'import.plan.nodeBlock':
    "Node {node} has no spec.podCIDR; gave it {cidr}, the /{mask} block holding its Pods' IPs ({pods}).",
  'import.plan.hostNetwork':
    'Host-network Pods {pods} use the IP of their node, not an address from the Pod CIDR.',
  // Placement and expansion (infer.ts, assemble.ts).
  'import.node.created':
    'Node {node} was not declared; created it because spec.nodeName of Pods {pods} names it.',
  'import.node.createdWithCidr':
    'Node {node} was not declared; created it with Pod CIDR {cidr}, the block holding {ip}, because spec.nodeName of Pods {pods} names it.',
  'import.node.createdForIp':
    "Created node {node} with Pod CIDR {cidr}: no declared node's Pod CIDR holds {ip} (status.podIP of {pod}).",
  'import.pods.placedByCidr':
    'Placed {pods} on {node} (no spec.nodeName): its Pod CIDR {cidr} holds their status.podIP.',
  'import.pods.placedHostNetwork':
    "Placed {pods} on {node} (no spec.nodeName): hostNetwork Pods whose IP is the node's InternalIP {ip}.",
  'import.nodes.defaultForPods':
    'No nodes were declared or named; created a 2-node cluster (node-1, node-2) for the unplaced Pods ({count}).',
  'import.nodes.defaultForDaemonSets':
    'No nodes were declared or named; created a 2-node cluster (node-1, node-2) for DaemonSet {names}.',
  'import.pods.spread':
    'Spread the Pods with neither spec.nodeName nor status.podIP ({count}) round-robin over the nodes ({nodes}): {placement}.',
  'import.expand.replicas': 'Expanded {kind} {name} into {count} Pods (spec.replicas {replicas}): {pods}.',
  'import.expand.replica': 'Expanded {kind} {name} into 1 Pod (spec.replicas 1): {pods}.',
  'import.expand.none': 'Expanded {kind} {name} into no Pods (spec.replicas {replicas}).',
  'import.expand.daemonSet': 'Expanded DaemonSet {name} into one Pod per matching node ({count}): {pods}.',
  'import.namespace.created': 'Namespace {ns} was not declared; created it for the objects in it ({count}).',
  // Notices (import.ts, assemble.ts, reader.ts).
  'import.notice.unknownField': 'unknown field, ignored',
  'import.notice.duplicate': '{kind} {name} appears more than once; the later one replaces the earlier',
  'import.notice.l7':
    '{kind} {name} is an L7 kind this model does not route (Ingress, IngressClass, GatewayClass, Gateway, HTTPRoute and ReferenceGrant are imported); skipped',
  'import.notice.l7.noClass':
    'Ingress {name} names IngressClass {cls}, which is not declared and not one a modelled controller installs; no controller serves it',
  // L7 entry (assemble-l7.ts).
  'import.l7.gatewayClass':
    'GatewayClass {cls} was not declared; created it with controllerName {controller} so Envoy Gateway serves Gateway {gateway}.',
  'import.l7.defaultIngressClass':
    'Ingress {name} names no class and no IngressClass is the default; created IngressClass nginx (controller {controller}) marked {annotation}: "true", as ingress-nginx installs it.',
  'import.l7.ingressClass':
    "IngressClass nginx was not declared; created it with controller {controller} (ingress-nginx's class) for Ingress {name}.",
  'import.l7.proxyGateway':
    'Gateway {gateway} has no Envoy proxy Pods: created Deployment {deployment} and LoadBalancer Service {service} (ports {ports}, externalTrafficPolicy {policy}), as Envoy Gateway would.',
  'import.l7.proxyIngress':
    'IngressClass {classes} has no ingress-nginx controller Pods: created Deployment {deployment} and LoadBalancer Service {service} (ports {ports}, externalTrafficPolicy {policy}), as the ingress-nginx deploy manifests do.',
  'import.l7.namespace': 'Namespace {ns} was not declared; created it for the L7 objects in it ({count}).',
  'import.notice.skipped': '{kind} {name} is not modelled (it does not change the packet path); skipped',
  'import.notice.yaml': '{text}',
  // Errors (the YAML parser's own detail stays in English inside {detail}).
  'import.error.malformed': 'malformed YAML: {detail}',
  'import.error.nesting': 'the YAML nests deeper than {max} levels (line {line}, column {column})',
  'import.error.list': 'expected a list, got {got}',
} as const;

export type ImportMessageKey = keyof typeof IMPORT_MESSAGES;

/** Builds a message: the key is checked against the catalog at compile time. */
export const say = (key: ImportMessageKey, args: Record<string, string | number> = {}): Say => ({
  key,
  args,
});

/** The English sentence of a message (what the CLI prints). */
export function sayText(s: Say): string {
  const tpl = (IMPORT_MESSAGES as Record<string, string>)[s.key];
  if (tpl === undefined) return s.key;
  return tpl.replace(/\{(\w+)\}/g, (_, name: string) => String(s.args[name] ?? `{${name}}`));
}

/** Sentences get at most this many names, then `… (+N)` (no plural rules in any language). */
const LIST_MAX = 6;

export function listNames(names: readonly string[]): string {
  if (names.length <= LIST_MAX) return names.join(', ');
  return `${names.slice(0, LIST_MAX).join(', ')}, … (+${names.length - LIST_MAX})`;
}
