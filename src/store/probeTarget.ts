import type { Protocol } from '../core/model/k8s';
import type { Topology, TopologyService } from '../core/topology/types';
import type { ProbeForm } from './types';

/** The Service a probe's `to` names (`NS/NAME`, when no Pod has that key). */
export function targetService(topology: Topology | null, to: string): TopologyService | null {
  if (!topology || topology.nodes.some((n) => n.pods.some((p) => p.key === to))) return null;
  return topology.services.find((s) => s.key === to) ?? null;
}

/**
 * When `to` just became a Service and the probe's port is not one it serves, take its first port
 * (what a client of that Service would dial); a port chosen in the same patch wins.
 */
export function probeWithServicePort(
  probe: ProbeForm,
  topology: Topology | null,
  patch: Partial<ProbeForm>,
): ProbeForm {
  if (patch.to === undefined || patch.port !== undefined) return probe;
  const svc = targetService(topology, probe.to);
  if (!svc || svc.headless || svc.ports.length === 0) return probe;
  if (svc.ports.some((p) => p.port === probe.port && p.protocol === probe.protocol)) return probe;
  const first = svc.ports[0]!;
  return { ...probe, port: first.port, protocol: first.protocol as Protocol };
}
