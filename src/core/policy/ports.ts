import type { ContainerPort, NetworkPolicyPort, Protocol } from '../model/k8s';
import type { Say } from '../trace/types';

/**
 * A compiled `NetworkPolicyPort`: protocol defaults to TCP; no `port` means every port of that
 * protocol; a number with `endPort` is the inclusive range port..endPort; a string is a named port,
 * resolved on the destination Pod's container ports (name AND protocol must match).
 */
export type CompiledPort =
  | { protocol: Protocol; kind: 'any' }
  | { protocol: Protocol; kind: 'range'; from: number; to: number }
  | { protocol: Protocol; kind: 'named'; name: string };

/**
 * Compiles one port entry; returns problems the API server's validation would report, as keys of
 * core/model/problem-messages.ts.
 */
export function compilePort(p: NetworkPolicyPort): { port: CompiledPort; problems: Say[] } {
  const protocol: Protocol = p.protocol ?? 'TCP';
  const problems: Say[] = [];
  if (!['TCP', 'UDP', 'SCTP'].includes(protocol))
    problems.push({ key: 'problem.policy.protocol', args: { protocol: String(protocol) } });
  if (p.port === undefined || p.port === null) {
    if (p.endPort !== undefined && p.endPort !== null)
      problems.push({ key: 'problem.policy.endPortNumeric', args: {} });
    return { port: { protocol, kind: 'any' }, problems };
  }
  if (typeof p.port === 'string') {
    if (p.endPort !== undefined && p.endPort !== null)
      problems.push({ key: 'problem.policy.endPortNamed', args: {} });
    return { port: { protocol, kind: 'named', name: p.port }, problems };
  }
  const from = p.port;
  const to = p.endPort ?? from;
  // Strings: the English prints ports as plain numbers (65535, not 65,535).
  if (to < from)
    problems.push({ key: 'problem.policy.endPortBelow', args: { to: String(to), from: String(from) } });
  return { port: { protocol, kind: 'range', from, to }, problems };
}

/** The container port number a named port resolves to on a Pod, or null (kubelet/CNI named-port lookup). */
export function resolveNamedPort(
  ports: readonly ContainerPort[],
  name: string,
  protocol: Protocol,
): number | null {
  for (const cp of ports)
    if (cp.name === name && (cp.protocol ?? 'TCP') === protocol) return cp.containerPort;
  return null;
}

/**
 * Whether a compiled port admits `port/protocol` towards a destination whose container ports are
 * `dstPorts` (null when the destination is not a Pod: named ports then match nothing).
 */
export function portMatches(
  p: CompiledPort,
  port: number,
  protocol: Protocol,
  dstPorts: readonly ContainerPort[] | null,
): boolean {
  if (p.protocol !== protocol) return false;
  if (p.kind === 'any') return true;
  if (p.kind === 'range') return port >= p.from && port <= p.to;
  return dstPorts !== null && resolveNamedPort(dstPorts, p.name, protocol) === port;
}

/** How a port entry prints, e.g. `80/TCP`, `8000-8080/TCP`, `http/TCP`, `*\/UDP`. */
export function formatPort(p: CompiledPort): string {
  if (p.kind === 'any') return `*/${p.protocol}`;
  if (p.kind === 'named') return `${p.name}/${p.protocol}`;
  return p.from === p.to ? `${p.from}/${p.protocol}` : `${p.from}-${p.to}/${p.protocol}`;
}
