import type { K8sService } from '../../model/k8s';
import { hashUint32 } from '../hash';
import { serviceKey } from './clusterip';

/**
 * NodePort allocation from `--service-node-port-range` (default 30000–32767, K8S
 * pkg/kubeapiserver/options/options.go). Manifest-specified ports win; dynamic ports prefer
 * the upper band like ClusterIPs (KEP-3668: lower band min(max(16, size/32), 128)); the real allocator
 * is random, ours hashes `ns/name:port` for stable results. `healthCheckNodePort` comes from the same
 * range and is allocated only for type LoadBalancer with externalTrafficPolicy Local (apiserver
 * `NeedsHealthCheck`).
 */

export const NODE_PORT_BASE = 30000;
export const NODE_PORT_SIZE = 2768;

export interface NodePortResult {
  /** NodePort per entry of `spec.ports` (0 when the type has none). */
  nodePorts: number[];
  healthCheckNodePort: number;
}

/** True for the types that get NodePorts (LoadBalancer implies allocateLoadBalancerNodePorts=true). */
export const hasNodePorts = (s: K8sService): boolean =>
  s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer';

/** apiserver `NeedsHealthCheck`: LoadBalancer with externalTrafficPolicy Local. */
export const needsHealthCheck = (s: K8sService): boolean =>
  s.spec.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local';

/** Allocates NodePorts and health-check node ports for every Service, keyed by `ns/name`. */
export function allocateNodePorts(services: K8sService[]): Map<string, NodePortResult> {
  const used = new Set<number>();
  const sorted = [...services].sort((a, b) => (serviceKey(a) < serviceKey(b) ? -1 : 1));
  for (const s of sorted) {
    if (!hasNodePorts(s)) continue;
    for (const p of s.spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    if (needsHealthCheck(s) && s.spec.healthCheckNodePort) used.add(s.spec.healthCheckNodePort);
  }
  const out = new Map<string, NodePortResult>();
  for (const s of sorted) {
    const key = serviceKey(s);
    const ports = s.spec.ports ?? [];
    if (!hasNodePorts(s)) {
      out.set(key, { nodePorts: ports.map(() => 0), healthCheckNodePort: 0 });
      continue;
    }
    const nodePorts = ports.map((p, i) => p.nodePort ?? take(`${key}:${p.name ?? i}`, used));
    let hc = 0;
    if (needsHealthCheck(s)) hc = s.spec.healthCheckNodePort ?? take(`${key}#healthz`, used);
    out.set(key, { nodePorts, healthCheckNodePort: hc });
  }
  return out;
}

function take(seed: string, used: Set<number>): number {
  const lower = Math.min(Math.max(16, Math.floor(NODE_PORT_SIZE / 32)), 128);
  const span = NODE_PORT_SIZE - lower;
  const start = hashUint32(seed) % span;
  for (let i = 0; i < NODE_PORT_SIZE; i++) {
    const off = i < span ? lower + ((start + i) % span) : i - span;
    const port = NODE_PORT_BASE + off;
    if (!used.has(port)) {
      used.add(port);
      return port;
    }
  }
  return 0;
}
