import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes, bytesToHex } from '@noble/hashes/utils.js';
import type { ClusterPod } from '../model/cluster';

/** Host-side veth names, as each CNI derives them. */

/**
 * Calico: `cali` + the first 11 hex characters of sha1("<namespace>.<pod>")
 * (libcalico-go k8s conversion `VethNameForWorkload`, facts §5.4).
 */
export function calicoVethName(pod: ClusterPod): string {
  return 'cali' + bytesToHex(sha1(utf8ToBytes(`${pod.namespace}.${pod.name}`))).slice(0, 11);
}

/**
 * Cilium: `lxc` + 12 hex characters of sha256 of the endpoint's container ID (facts §5.5). We have
 * no container runtime, so the Pod's `namespace/name` stands in for the container ID.
 */
export function ciliumVethName(pod: ClusterPod): string {
  return 'lxc' + bytesToHex(sha256(utf8ToBytes(`${pod.namespace}/${pod.name}`))).slice(0, 12);
}

/**
 * The bridge plugin: `veth` + 8 random hex characters (CNI pkg/ip `RandomVethName`, facts §5.1).
 * Random on a real node; derived from the Pod name here so views are reproducible.
 */
export function bridgeVethName(pod: ClusterPod): string {
  return 'veth' + bytesToHex(sha256(utf8ToBytes(`veth:${pod.namespace}/${pod.name}`))).slice(0, 8);
}
