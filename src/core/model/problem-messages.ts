import type { Say } from '../trace/types';
import type { Problem } from './cluster';

/**
 * English sentences of validation problems by key (the page translates them, src/i18n/problems.ts;
 * the CLI prints `message`). Placeholders are `{name}`, filled from the problem's `say.args`.
 */
export const PROBLEM_MESSAGES: Readonly<Record<string, string>> = {
  'problem.more': 'and {count} more of the same kind',
  'problem.moreAll': 'and {count} more problems',
  // Object names (k8s.io/apimachinery/pkg/util/validation/validation.go, api/validation/objectmeta.go).
  'problem.name.required':
    '{kind} {where}: metadata.name is required (Required value: name or generateName is required)',
  'problem.name.tooLong':
    '{kind} "{name}": metadata.name must be no more than {max} characters (it has {length})',
  'problem.name.subdomain':
    "{kind} \"{name}\": metadata.name must be a lowercase RFC 1123 subdomain (lower case alphanumerics, '-' or '.', starting and ending with an alphanumeric)",
  'problem.name.label':
    '{kind} "{name}": {field} must be a lowercase RFC 1123 label (lower case alphanumerics or \'-\', starting and ending with an alphanumeric)',
  'problem.name.label1035':
    '{kind} "{name}": metadata.name must be an RFC 1035 label (lower case alphanumerics or \'-\', starting with a letter and ending with an alphanumeric)',
  // Addresses (k8s.io/apimachinery/pkg/util/validation/ip.go; net/netip refuses leading zeros).
  'problem.ip.leadingZero':
    '{field} "{ip}" has an octet with a leading zero; the API server refuses such addresses',
  'problem.ip.invalid': '{field} "{ip}" is not an IPv4 address',
  // ClusterIP allocation (kubernetes pkg/registry/core/service/ipallocator/interfaces.go).
  'problem.clusterIP.allocated':
    'Service {service}: failed to allocate IP {ip}: provided IP is already allocated (to Service {owner})',
  'problem.clusterIP.notInRange':
    'Service {service}: failed to allocate IP {ip}: provided IP {ip} is not in the valid range. The range of valid IPs is {range}',
  // host-local IPAM never hands out a range's network or broadcast address.
  'problem.podIP.networkAddress':
    "Pod {pod} has IP {ip}, the network address of its node {node}'s Pod CIDR {range}",
  'problem.podIP.broadcast':
    "Pod {pod} has IP {ip}, the broadcast address of its node {node}'s Pod CIDR {range}",
  // Cluster network settings (kubeadm's ClusterConfiguration networking checks; src/core/ipam/settings.ts).
  'problem.cluster.cidr': '"{value}" is not an IPv4 CIDR with zero host bits (like 10.244.0.0/16)',
  'problem.cluster.gateway': '"{value}" is not an IPv4 address',
  'problem.cluster.nodeMask':
    "node CIDR mask size {mask} must be an integer between the Pod CIDR's prefix (/{prefix}) and 30",
  'problem.cluster.mtu': 'MTU {mtu} must be 576–9216',
  'problem.cluster.overlap': '{field} {cidr} overlaps {otherField} {other}',
  'problem.cluster.domain': '"{value}" is not a DNS domain',
  // Designs (core/engine.ts).
  'problem.designs.vpcOverlay':
    'the VPC-native design has no overlay: the VPC fabric carries Pod IPs, so choose native routing',
  // Node Pod CIDRs (kubernetes pkg/controller/nodeipam/ipam/cidrset/cidr_set.go).
  'problem.nodeCidr.invalid': '"{cidr}" is not an IPv4 CIDR',
  'problem.nodeCidr.outside': '{cidr} must be a /{mask} inside the cluster Pod CIDR {range}',
  'problem.nodeCidr.taken': '{cidr} is already the Pod CIDR of node "{node}"',
  'problem.nodeCidr.exhausted': 'no free /{mask} left in {range} for node "{node}" ({blocks} blocks)',
  // Node names and addresses, Pod names, placement and addresses (src/core/ipam/resolve.ts).
  'problem.node.duplicate': 'node "{node}" appears twice',
  'problem.nodeIP.outside': 'InternalIP {ip} is outside the node network {range}',
  'problem.nodeIP.duplicate': 'InternalIP {ip} is already used by node "{node}"',
  'problem.nodeIP.exhausted': 'no free address left in the node network {range}',
  'problem.pod.duplicate': 'Pod {pod} appears twice',
  'problem.pod.unknownNode': 'Pod {pod} is scheduled on node "{node}", which does not exist',
  'problem.pod.unplaced': "Pod {pod} has no spec.nodeName and no status.podIP inside a node's Pod CIDR",
  'problem.podIP.outside': 'Pod {pod} has IP {ip}, outside its node "{node}" Pod CIDR {range}',
  'problem.podIP.duplicate': 'Pod {pod} has IP {ip}, already used by Pod {other}',
  'problem.podIP.exhausted': 'node Pod CIDR {range} has no free address left for Pod {pod}',
  'problem.podIP.subnetExhausted':
    'the node subnet {range} has no free address left for Pod {pod} (with VPC-native addressing, Pods and nodes share the subnet)',
  // NetworkPolicy peers (kubernetes pkg/apis/networking/validation/validation.go, ValidateNetworkPolicyPeer).
  'problem.policy.peerMixed': '{policy}: a peer may not combine ipBlock with podSelector/namespaceSelector',
  'problem.policy.cidr': '{policy}: invalid CIDR {cidr}',
  'problem.policy.peerEmpty': '{policy}: a peer must set podSelector, namespaceSelector or ipBlock',
  // Selectors (apimachinery ValidateLabelSelectorRequirement) and ports (ValidateNetworkPolicyPort).
  'problem.policy.needsValues': '{policy}: matchExpressions key {key}: operator {operator} needs values',
  'problem.policy.noValues': '{policy}: matchExpressions key {key}: operator {operator} takes no values',
  'problem.policy.operator': '{policy}: matchExpressions key {key}: unknown operator {operator}',
  'problem.policy.protocol': '{policy}: unsupported protocol {protocol}',
  'problem.policy.endPortNumeric': '{policy}: endPort needs a numeric port',
  'problem.policy.endPortNamed': '{policy}: endPort cannot be used with a named port',
  'problem.policy.endPortBelow': '{policy}: endPort {to} is below port {from}',
};

/** A problem whose English message is its `say` filled in (one source for the CLI and the page). */
export function problem(code: Problem['code'], path: string, key: string, args: Say['args']): Problem {
  const say: Say = { key, args };
  return { code, path, message: sayText(say), say };
}

/** Names and other user text in messages: at most 60 characters (a name may be 100,000). */
export const clipText = (text: string, max = 60): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;

/** Fills a template the way the page does, so `message` and the page's English never differ. */
export function sayText(say: Say): string {
  const tpl = PROBLEM_MESSAGES[say.key];
  if (tpl === undefined) throw new Error(`no problem message ${say.key}`);
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = say.args[k];
    if (v === undefined) throw new Error(`problem message ${say.key} needs {${k}}`);
    return typeof v === 'number' ? v.toLocaleString('en-US') : v;
  });
}
