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
  // Errors (the YAML parser's own detail stays in English inside {detail}; its code is `yamlCode`).
  'import.error.malformed': 'malformed YAML: {detail}',
  'import.error.nesting': 'the YAML nests deeper than {max} levels (line {line}, column {column})',
  'import.error.list': 'expected a list, got {got}',
  'import.error.tooLarge': 'the input is {size} MiB; the import limit is {limit} MiB (split the file)',
  'import.error.tooManyObjects': 'the input has more than {max} objects, the import limit (split the file)',
  'import.error.tooManyPods': 'the workloads expand to {count} Pods; the import limit is {max}',
  'import.error.tooManyKeys': 'a mapping with {count} keys; at most {max} are accepted',
  'import.error.duplicateKey': 'malformed YAML: map keys must be unique ({key})',
  'import.error.notObject': 'expected a Kubernetes object (a mapping with apiVersion and kind), got {got}',
  'import.error.kind': "expected the object's kind, got {got}",
  'import.error.apiVersion': 'expected an apiVersion, got {got}',
  'import.error.servedAs': '{kind} is served as {versions}, got {value}',
  // Field checks (reader.ts and the per-kind readers), as the API server's validation words them.
  'import.field.missing': 'required field is missing',
  'import.field.generateName': 'required field is missing (generateName is not supported)',
  'import.field.mapping': 'expected a mapping, got {got}',
  'import.field.string': 'expected a string, got {got}',
  'import.field.bool': 'expected true or false, got {got}',
  'import.field.int': 'expected an integer {min}–{max}, got {got}',
  'import.field.enum': 'expected one of {values}, got {got}',
  'import.field.labelKey': 'invalid label key: a qualified name ([prefix/]name, ≤ 63 characters)',
  'import.field.labelQuote': 'expected a string, got {got} (quote it: "{value}")',
  'import.field.labelValue': "invalid label value {got}: ≤ 63 alphanumerics, '-', '_', '.'",
  'import.field.nameLabel':
    "invalid name {name}: a DNS-1123 label (≤ 63 lower-case alphanumerics or '-', starting and ending alphanumeric)",
  'import.field.nameSubdomain':
    "invalid name {name}: a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', ≤ 253 characters)",
  'import.field.namespace': 'invalid namespace {name}: a DNS-1123 label',
  'import.field.containerName': 'invalid container name {name}: a DNS-1123 label',
  'import.field.servicePortName': 'invalid port name {name}: a DNS-1123 label',
  'import.field.dnsLabel': 'invalid {field} {name}: a DNS-1123 label',
  'import.field.portName': "invalid port name {name}: ≤ 15 lower-case alphanumerics or '-', with a letter",
  'import.field.ipv4': 'expected an IPv4 address, got {value}',
  'import.field.cidr': 'expected an IPv4 CIDR like 10.244.1.0/24, got {value}',
  'import.field.cidrStrict': 'expected an IPv4 CIDR like 10.244.1.0/24 with zero host bits, got {value}',
  'import.field.noContainers': 'a Pod needs at least one container',
  'import.field.podIPs': 'must equal status.podIP ({ip}), got {value}',
  'import.field.intOrName': 'expected an integer 1–65535 or a port name, got {got}',
  'import.field.portNameRequired': 'required when a Service has more than one port',
  'import.field.portNameDuplicate': 'duplicate port name {name}',
  'import.field.nodePort': 'only for type NodePort or LoadBalancer',
  'import.field.clusterIPs': 'must equal spec.clusterIP ({ip})',
  'import.field.externalName': 'required for type ExternalName',
  'import.field.noAddresses': 'an endpoint needs at least one address',
  'import.field.except': 'must be a strict subset of cidr {cidr}',
  'import.field.peerMixed': 'a peer may not combine ipBlock with podSelector or namespaceSelector',
  'import.field.peerEmpty': 'a peer needs podSelector, namespaceSelector or ipBlock',
  'import.field.endPortNumeric': 'needs a numeric port',
  'import.field.endPort': 'must be ≥ port ({port})',
  'import.field.emptySelector': 'an empty selector is not allowed for apps/v1 workloads',
  'import.field.selectorMismatch': 'selector does not match template labels (spec.template.metadata.labels)',
  'import.field.dnsDomain': 'expected a DNS domain, got {value}',
  'import.field.maskFlag': 'expected a prefix length 8–30 as a string, got {value}',
  'import.field.selectorKey': 'invalid label key {key}',
  'import.field.valuesNeeded': 'operator {operator} needs at least one value',
  'import.field.valuesNone': 'operator {operator} takes no values',
  'import.field.hostname': 'invalid hostname {value}: a DNS name, optionally starting with "*."',
  'import.field.numberOrName': 'set either number or name, not both',
  'import.field.backend': 'a backend needs service or resource',
  'import.field.absolutePath': 'must be an absolute path (start with "/"), got {value}',
  'import.field.pathRequired': 'required for pathType {pathType}',
  'import.field.ingressEmpty': 'either defaultBackend or rules must be specified',
  'import.field.listenerDuplicate': 'duplicate listener name {name}',
  'import.field.noListeners': 'at least one listener is required',
  'import.field.backendPort': 'required when referring to a Service',
  'import.field.redirectCode': 'expected one of 301, 302, 303, 307, 308, got {value}',
  'import.field.redirectRewrite': 'RequestRedirect and URLRewrite cannot be used together',
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
