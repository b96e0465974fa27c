import type { Protocol } from './model/k8s';
import type { Engine } from './engine';
import { resolve } from './dns/resolve';
import type { DnsType } from './dns/records';
import { renderResolvConf } from './dns/resolvconf';
import { nodeResolvConf } from './node-services/show';
import { engineMatrixBlock } from './reach-view';
import { compilePolicies, probes, type PolicyIndex, type ReachProbe } from './policy';
import type { PortProto } from './policy';

/**
 * Questions asked of an engine besides traces: DNS resolution from a Pod (CLI `resolve`, the DNS
 * panel) and NetworkPolicy reachability (CLI `reach`, the matrix view). Plain JSON results.
 */

export interface ResolveResult {
  /** The records of the final answer, as `dig` prints them. */
  answers: { name: string; type: DnsType; ttl: number; data: string }[];
  /** Every name the stub resolver tried, in order, with CoreDNS's answer. */
  tried: { name: string; rcode: string }[];
  /** The client's /etc/resolv.conf. */
  resolvConf: string;
  server: string | null;
  forwarded: boolean;
}

/** Resolves `name` from a Pod (`NS/POD`) the way its stub resolver and CoreDNS would. */
export function engineResolve(
  engine: Engine,
  from: string,
  name: string,
  type: DnsType = 'A',
): ResolveResult | null {
  const i = engine.cluster.podByKey.get(from);
  if (i === undefined) return null;
  const pod = engine.cluster.pods[i]!;
  const spec = engine.cluster.scenario.pods[i]?.spec;
  const client = {
    namespace: pod.namespace,
    hostNetwork: pod.hostNetwork,
    ...(spec?.dnsPolicy ? { dnsPolicy: spec.dnsPolicy } : {}),
  };
  const r = resolve(client, name, type, {
    state: engine.services,
    nodeResolvConf: nodeResolvConf(engine.cluster),
  });
  return {
    answers: r.answers.map((a) => ({ name: a.name, type: a.type, ttl: a.ttl, data: a.data })),
    tried: r.tried.map((t) => ({ name: t.name, rcode: t.rcode })),
    resolvConf: renderResolvConf(r.resolvConf),
    server: r.server,
    forwarded: r.forwarded,
  };
}

/** The engine's policy index; an empty one (nothing isolated) when the scenario has no policy. */
export function policyIndexOf(engine: Engine): PolicyIndex {
  return engine.policy ?? compilePolicies(engine.cluster, engine.cluster.scenario.namespaces, []);
}

/** Every ordered Pod pair (self included) for each port, allowed or not (CLI `reach --json`). */
export function engineReach(engine: Engine, ports?: readonly PortProto[]): { probes: ReachProbe[] } {
  return probes(policyIndexOf(engine), ports);
}

export interface MatrixView {
  port: number;
  protocol: Protocol;
  /** Pod keys (`NS/POD`) in row/column order. */
  pods: string[];
  /** Row-major bitmap, `pods.length` bits per row: bit (r, c) set when r → c is allowed. */
  bits: Uint8Array;
  /** How many cells are allowed. */
  allowedCount: number;
  classes: number;
}

/** Above this many Pods the page shows a filtered block, never the full Pod × Pod matrix. */
export const MATRIX_POD_LIMIT = 400;

/**
 * The reachability matrix for one port/protocol, computed on Pod classes and expanded for the
 * Pods asked for (all Pods up to MATRIX_POD_LIMIT, else the first ones whose name contains
 * `filter`): the page's matrix view path (core/reach-view), so the property tests run it too.
 */
export function engineMatrix(engine: Engine, port: number, protocol: Protocol, filter?: string): MatrixView {
  const b = engineMatrixBlock(engine, port, protocol, filter ? { name: filter } : {}, MATRIX_POD_LIMIT);
  return { port, protocol, pods: b.pods, bits: b.bits, allowedCount: b.allowedCount, classes: b.classes };
}
