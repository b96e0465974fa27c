import type { Protocol } from '../model/k8s';
import type { PolicyIndex } from './compile';
import { type ReachabilityMatrix, computeMatrix, podAllowed } from './matrix';
import type { PortProto } from './types';

/** One ordered Pod pair on one port, as the CLI's `reach --json` prints it. */
export interface ReachProbe {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  allowed: boolean;
}

const PROTO_ORDER: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };

/** Every port/protocol some container declares (`containerPort`, protocol default TCP), sorted. */
export function declaredPorts(index: PolicyIndex): PortProto[] {
  const seen = new Map<string, PortProto>();
  for (const pod of index.pods)
    for (const cp of pod.ports) {
      const protocol = cp.protocol ?? 'TCP';
      seen.set(`${cp.containerPort}/${protocol}`, { port: cp.containerPort, protocol });
    }
  return [...seen.values()].sort(
    (a, b) => a.port - b.port || PROTO_ORDER[a.protocol] - PROTO_ORDER[b.protocol],
  );
}

/**
 * The probe list of the upstream e2e truth tables: every ordered Pod pair (a Pod to itself
 * included) for each port, allowed or not. Without ports, every declared container port is probed.
 * Pass a matrix computed for the same ports to skip recomputing it.
 */
export function probes(
  index: PolicyIndex,
  ports?: readonly PortProto[],
  matrix?: ReachabilityMatrix,
): { probes: ReachProbe[] } {
  const list = ports && ports.length > 0 ? [...ports] : declaredPorts(index);
  const m = matrix ?? computeMatrix(index, list);
  const layerOf = list.map((pp) =>
    m.ports.findIndex((q) => q.port === pp.port && q.protocol === pp.protocol),
  );
  if (layerOf.some((l) => l < 0)) throw new Error('probes: the matrix was computed for other ports');
  const names = index.pods.map((p) => `${p.namespace}/${p.name}`);
  const out: ReachProbe[] = [];
  for (let s = 0; s < names.length; s++)
    for (let d = 0; d < names.length; d++)
      list.forEach((pp, i) =>
        out.push({
          from: names[s]!,
          to: names[d]!,
          port: pp.port,
          protocol: pp.protocol,
          allowed: podAllowed(m, layerOf[i]!, s, d),
        }),
      );
  return { probes: out };
}
