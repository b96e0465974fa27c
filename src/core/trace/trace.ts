import { parseIpv4, type Ipv4 } from '../net/ipv4';
import type { Netns } from '../linux/types';
import type { World } from '../cni/world';
import type { Probe, Trace } from './types';
import { say } from './messages';
import { DEFAULT_TTL, hashString, type PacketState } from './state';
import { Walker } from './walker';

/** The ephemeral port a client would bind: Linux's default range is 32768–60999. */
export function ephemeralPort(probe: Probe): number {
  return (
    probe.srcPort ?? 32768 + (hashString(`${probe.from}>${probe.to}:${probe.port}/${probe.protocol}`) % 28232)
  );
}

/** Finds the netns a probe starts in: a Pod (`NS/POD`) or a node's host netns (`node/NAME`). */
function sourceNetns(world: World, from: string): Netns | null {
  return from.includes('/') ? world.netns(from) : null;
}

/** The destination address: a Pod's IP (`NS/POD`), a node's IP (`node/NAME`) or a literal IPv4. */
export function destinationIp(world: World, to: string): Ipv4 | null {
  const literal = parseIpv4(to);
  if (literal !== null) return literal;
  const c = world.cluster;
  if (to.startsWith('node/')) {
    const n = c.nodeByName.get(to.slice(5));
    if (n !== undefined) return c.nodes[n]!.ip;
  }
  const p = c.podByKey.get(to);
  return p === undefined ? null : c.pods[p]!.ip;
}

/**
 * The source address the kernel picks for a locally generated packet: the route's `src` if it has
 * one, else the primary address of the output device, else any global address of the netns.
 */
function sourceAddress(ns: Netns, dst: Ipv4): Ipv4 | null {
  const route = ns.routes.lookup(dst);
  if (route?.src !== undefined) return route.src;
  const onDev = ns.addresses.find((a) => a.dev === route?.dev && a.scope !== 'host');
  if (onDev) return onDev.ip;
  return ns.addresses.find((a) => a.scope === 'global')?.ip ?? null;
}

/** Traces one probe through the world. Deterministic: the same world and probe give the same trace. */
export function tracePacket(world: World, probe: Probe): Trace {
  const empty: PacketState = {
    frame: {
      src: 0 as Ipv4,
      dst: 0 as Ipv4,
      protocol: probe.protocol,
      srcPort: ephemeralPort(probe),
      dstPort: probe.port,
      ttl: DEFAULT_TTL,
    },
    outer: null,
  };
  const fail = (
    reason: 'UNKNOWN_SOURCE' | 'UNKNOWN_DESTINATION',
    key: 'hop.drop.unknownSource' | 'hop.drop.unknownDestination',
  ): Trace => {
    const { say: s, explain } = say(key, { from: probe.from, to: probe.to });
    return {
      probe,
      verdict: 'dropped',
      reason,
      deliveredTo: null,
      hops: [
        {
          netns: probe.from,
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
        },
      ],
    };
  };
  const src = sourceNetns(world, probe.from);
  if (!src) return fail('UNKNOWN_SOURCE', 'hop.drop.unknownSource');
  const dst = destinationIp(world, probe.to);
  if (dst === null) return fail('UNKNOWN_DESTINATION', 'hop.drop.unknownDestination');
  const srcIp = sourceAddress(src, dst) ?? (0 as Ipv4);
  const st: PacketState = { ...empty, frame: { ...empty.frame, src: srcIp, dst } };
  const w = new Walker(world);
  w.send(src, st);
  const r = w.result ?? {
    verdict: 'dropped' as const,
    reason: 'NO_ROUTE' as const,
    deliveredTo: null,
    hops: w.hops,
  };
  return { probe, verdict: r.verdict, reason: r.reason, deliveredTo: r.deliveredTo, hops: r.hops };
}
