import { sha1 } from '@noble/hashes/legacy.js';
import { utf8ToBytes, bytesToHex } from '@noble/hashes/utils.js';
import type { ClusterPod } from '../model/cluster';

/** Host-side veth names, as each CNI derives them. */

/**
 * Calico: `cali` + the first 11 hex characters of sha1("<namespace>.<pod>")
 * (libcalico-go k8s conversion `VethNameForWorkload`).
 */
export function calicoVethName(pod: ClusterPod): string {
  return 'cali' + bytesToHex(sha1(utf8ToBytes(`${pod.namespace}.${pod.name}`))).slice(0, 11);
}

/**
 * AWS VPC CNI: `eni` + the same 11 hex characters as Calico's, so Calico policy can find the veth
 * (aws/amazon-vpc-cni-k8s pkg/networkutils `GeneratePodHostVethName`, prefix `AWS_VPC_K8S_CNI_VETHPREFIX`
 * default `eni`).
 */
export function awsVethName(pod: ClusterPod): string {
  return 'eni' + calicoVethName(pod).slice(4);
}

/**
 * Cilium: `lxc` + 12 hex characters of sha256 of the endpoint's container ID (cilium/cilium pkg/datapath/connector Endpoint2IfName). We have
 * no container runtime, so a hash of the Pod's `namespace/name` stands in for that digest.
 */
export function ciliumVethName(pod: ClusterPod): string {
  const key = `${pod.namespace}/${pod.name}`;
  return 'lxc' + (hex8(fnv1a(key, 0x811c9dc5)) + hex8(fnv1a(key, 0x050c5d1f))).slice(0, 12);
}

/**
 * The bridge plugin: `veth` + 8 random hex characters (CNI pkg/ip `RandomVethName`).
 * Random on a real node; derived from the Pod name here so views are reproducible.
 */
export function bridgeVethName(pod: ClusterPod): string {
  return 'veth' + hex8(fnv1a(`${pod.namespace}/${pod.name}`, 0x811c9dc5));
}

/** FNV-1a, 32 bits: a cheap stable hash for names that are random on real nodes. */
function fnv1a(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
