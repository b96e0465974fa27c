import { ipv4, parseIpv4, type Ipv4 } from '../net/ipv4';
import type { Netns } from '../linux/types';
import type { World } from '../cni/world';
import type { Hop, Leg, Probe, Trace } from './types';
import { say, type HopMessageKey } from './messages';
import { DEFAULT_TTL, hashString, type PacketState } from './state';
import { Walker } from './walker';
import type { TraceEnv } from './env';
import { conntrackLines, serviceHook } from './service-hooks';
import { externalEntry } from './external';
import { resolveName, type NameResolution } from './dns-step';
import { servicePortWarnings } from './warnings';
import { serviceNamed } from '../services/lookup';

/** The client used for `--from external`: an address from TEST-NET-3 (RFC 5737). */
export const EXTERNAL_CLIENT = ipv4('203.0.113.10');

/** The ephemeral port a client would bind: Linux's default range is 32768–60999. */
export function ephemeralPort(probe: Probe): number {
  return (
    probe.srcPort ?? 32768 + (hashString(`${probe.from}>${probe.to}:${probe.port}/${probe.protocol}`) % 28232)
  );
}

/** The destination address of `to`: an IPv4 literal, `node/NAME`, a Pod or a Service (`NS/NAME`). */
export function destinationIp(world: World, env: TraceEnv, to: string, external: boolean): Ipv4 | null {
  const literal = parseIpv4(to);
  if (literal !== null) return literal;
  const c = world.cluster;
  if (to.startsWith('node/')) {
    const n = c.nodeByName.get(to.slice(5));
    if (n !== undefined) return c.nodes[n]!.ip;
  }
  const p = c.podByKey.get(to);
  if (p !== undefined) return c.pods[p]!.ip;
  const [ns, name] = to.split('/');
  const svc = env.services && name !== undefined ? serviceNamed(env.services, ns!, name) : undefined;
  if (!svc) return null;
  if (external) return svc.ports.find((sp) => sp.loadBalancerIPs.length > 0)?.loadBalancerIPs[0] ?? null;
  if (svc.clusterIP !== null) return svc.clusterIP;
  // Headless: a client connects to one of the addresses DNS returns (the first ready endpoint).
  return svc.addresses.find((a) => a.ready)?.ip ?? null;
}

const looksLikeName = (to: string): boolean =>
  !to.includes('/') && parseIpv4(to) === null && /[a-z]/i.test(to);

/** The source address the kernel picks: the route's `src`, else the output device's address. */
function sourceAddress(ns: Netns, dst: Ipv4): Ipv4 | null {
  const route = ns.routes.lookup(dst);
  if (route?.src !== undefined) return route.src;
  const onDev = ns.addresses.find((a) => a.dev === route?.dev && a.scope !== 'host');
  if (onDev) return onDev.ip;
  return ns.addresses.find((a) => a.scope === 'global')?.ip ?? null;
}

function dropHop(
  probe: Probe,
  key: HopMessageKey,
  args: Record<string, string | number>,
  netns = probe.from,
): Hop {
  const { say: s, explain } = say(key, args);
  return {
    netns,
    device: null,
    kind: 'drop',
    explain,
    say: s,
    rule: null,
    table: null,
    packet: {
      src: '0.0.0.0',
      dst: '0.0.0.0',
      protocol: probe.protocol,
      srcPort: null,
      dstPort: probe.port,
      ttl: DEFAULT_TTL,
    },
    outer: null,
    leg: 'client',
  };
}

/** One packet from a netns (or the outside) to an address: a single walk (one leg). */
export function walk(
  world: World,
  env: TraceEnv,
  probe: Probe,
  src: Netns | 'external',
  dst: Ipv4,
  port: number,
  leg: Leg = 'client',
): Walker {
  const w = new Walker(world, env, leg);
  const frame = {
    src: 0 as Ipv4,
    dst,
    protocol: probe.protocol,
    srcPort: ephemeralPort(probe),
    dstPort: port,
    ttl: DEFAULT_TTL,
  };
  if (src === 'external') {
    externalEntry(w, { frame: { ...frame, src: EXTERNAL_CLIENT }, outer: null });
    return w;
  }
  const st: PacketState = { frame: { ...frame, src: sourceAddress(src, dst) ?? (0 as Ipv4) }, outer: null };
  // A cgroup/connect4 program on the node's cgroup root (the eBPF kube-proxy replacement's socket
  // LB) translates connect() before any packet exists, for Pods and host processes alike.
  const node = src.kind === 'pod' ? world.nodeNetns(src.nodeIndex) : src;
  const connect4 = node.cgroup?.some((a) => a.hook === 'cgroup-connect4') ?? false;
  if (connect4 && !serviceHook(w, src, st, 'connect')) return w;
  w.send(src, st);
  return w;
}

export function finish(
  probe: Probe,
  w: Walker,
  prefix: Hop[] = [],
  extraConntrack: { netns: string; entry: string }[] = [],
): Trace {
  const r = w.result ?? { verdict: 'dropped' as const, reason: 'NO_ROUTE' as const, deliveredTo: null };
  const conntrack = [...extraConntrack, ...conntrackLines(w)];
  return {
    probe,
    verdict: r.verdict,
    reason: r.reason,
    deliveredTo: r.deliveredTo,
    hops: [...prefix, ...w.hops],
    ...(conntrack.length ? { conntrack } : {}),
  };
}

/**
 * Traces one probe. A DNS name is resolved first from the client Pod's resolv.conf: the query
 * itself is traced to a CoreDNS Pod through the kube-dns Service, then the connection to the
 * answer. Deterministic: the same world, env and probe give the same trace.
 */
export function tracePacket(world: World, env: TraceEnv, probe: Probe): Trace {
  const external = probe.from === 'external';
  const src = external ? 'external' : probe.from.includes('/') ? world.netns(probe.from) : null;
  if (!src)
    return {
      probe,
      verdict: 'dropped',
      reason: 'UNKNOWN_SOURCE',
      deliveredTo: null,
      hops: [dropHop(probe, 'hop.drop.unknownSource', { from: probe.from })],
    };

  if (looksLikeName(probe.to) && src !== 'external') {
    const res: NameResolution = resolveName(world, env, src, probe.to);
    const prefix: Hop[] = [];
    const ct: { netns: string; entry: string }[] = [];
    if (res.query) {
      const q = walk(world, env, { ...probe, protocol: 'UDP', port: 53 }, src, res.query.server, 53, 'dns');
      // The query is the trace's `dns` leg; its hops keep their own sentences, and its delivery to
      // CoreDNS is shown as the DNS answer.
      for (const h of q.hops) prefix.push(h.kind === 'deliver' ? { ...h, kind: 'dns' } : h);
      ct.push(...conntrackLines(q));
      if (q.result?.verdict !== 'delivered')
        return {
          probe,
          verdict: 'dropped',
          reason: q.result?.reason ?? 'DNS_FAILED',
          deliveredTo: null,
          hops: prefix,
        };
    }
    prefix.push(res.hop);
    if (res.answer === null)
      return { probe, verdict: 'dropped', reason: 'DNS_FAILED', deliveredTo: null, hops: prefix };
    return withWarnings(
      finish(probe, walk(world, env, probe, src, res.answer, probe.port), prefix, ct),
      env,
      res.answer,
    );
  }

  const dst = destinationIp(world, env, probe.to, external);
  if (dst === null)
    return {
      probe,
      verdict: 'dropped',
      reason: 'UNKNOWN_DESTINATION',
      deliveredTo: null,
      hops: [dropHop(probe, 'hop.drop.unknownDestination', { to: probe.to })],
    };
  return withWarnings(finish(probe, walk(world, env, probe, src, dst, probe.port)), env, dst);
}

/** Adds `warnings` (only when there are any, so other traces keep their shape). */
function withWarnings(t: Trace, env: TraceEnv, dst: Ipv4): Trace {
  const warnings = servicePortWarnings(env.services, t.probe.to, dst, t.probe.port, t.probe.protocol);
  return warnings.length ? { ...t, warnings } : t;
}
