import { formatIpv4, type Ipv4 } from '../net/ipv4';
import type { Link, Netns, Route } from '../linux/types';
import type { World } from '../cni/world';
import type { Cluster } from '../model/cluster';
import type { DropReason, Hop, HopKind, Leg } from './types';
import { say, type HopMessageKey } from './messages';
import { headersOf, outerHeadersOf, type PacketState } from './state';
import { ruleOfFdb, ruleOfRoute, ruleOfVxlan } from './rule-text';
import { runEgressBpf, runIngressBpf } from './ebpf';
import { crossVeth, encapsulate, overBridge, overVeth, underlay } from './link-steps';
import type { TraceEnv } from './env';
import type { MatchedRule } from '../services/proxy/types';
import type { Protocol } from '../model/k8s';
import { postrouting, serviceHook } from './service-hooks';
import { checkEgress } from './policy-hooks';

/** A translation conntrack remembers, so replies are rewritten back. */
export interface ConntrackRecord {
  netns: string;
  nodeIndex: number;
  protocol: Protocol;
  orig: { src: Ipv4; dst: Ipv4; srcPort: number; dstPort: number };
  replySrc: { ip: Ipv4; port: number };
  snat: Ipv4 | null;
  /** The source port after SNAT when it changed (`--random-fully`), else the original. */
  snatPort?: number;
}

/** The data a hop carries besides its sentence (the Service it translated for, headers before a rewrite). */
export type HopFacts = Pick<Hop, 'service' | 'before' | 'l7'>;

/** A path longer than this is a loop. */
export const MAX_HOPS = 64;

export interface WalkResult {
  verdict: 'delivered' | 'dropped';
  reason: DropReason | null;
  deliveredTo: string | null;
  hops: Hop[];
}

/**
 * Walks one packet through the modelled Linux state, the way the kernel would: route lookups in
 * each netns, veth pairs, bridge forwarding, neighbour/FDB lookups for VXLAN, the underlay, and
 * eBPF programs where a design attached them. Every hop records the entry that decided it.
 */
export class Walker {
  readonly hops: Hop[] = [];
  result: WalkResult | null = null;
  /** Nodes whose nat table already translated this connection (conntrack: once per node). */
  readonly translated = new Set<number>();
  readonly conntrack: ConntrackRecord[] = [];
  /** Marked 0x4000 by kube-proxy: masquerade when the packet leaves this node. */
  pendingMasq: { nodeIndex: number; rules: MatchedRule[]; bpf: boolean } | null = null;
  egressChecked = false;
  rulesEvaluated = 0;
  /** External and load-balancer IPs of every Service (the only non-ClusterIP VIPs). */
  readonly externalVips: Set<number>;

  constructor(
    readonly world: World,
    readonly env: TraceEnv,
    /** The leg of the trace this walk is (every hop it emits says so). */
    readonly leg: Leg = 'client',
  ) {
    this.externalVips = externalVipsOf(env.services);
  }

  get done(): boolean {
    return this.result !== null;
  }

  emit(
    kind: HopKind,
    ns: string,
    device: string | null,
    key: HopMessageKey,
    args: Record<string, string | number>,
    rule: string | null,
    table: string | null,
    st: PacketState,
    facts: HopFacts = {},
  ): void {
    if (this.done) return;
    const { say: s, explain } = say(key, args);
    this.hops.push({
      netns: ns,
      device,
      kind,
      explain,
      say: s,
      rule,
      table,
      packet: headersOf(st.frame),
      outer: outerHeadersOf(st.outer),
      leg: this.leg,
      ...facts,
    });
    if (this.hops.length >= MAX_HOPS) this.drop('LOOP', ns, device, 'hop.drop.loop', { max: MAX_HOPS }, st);
  }

  drop(
    reason: DropReason,
    ns: string,
    device: string | null,
    key: HopMessageKey,
    args: Record<string, string | number>,
    st: PacketState,
    rule: string | null = null,
    table: string | null = null,
    facts: HopFacts = {},
  ): void {
    if (this.done) return;
    const { say: s, explain } = say(key, args);
    this.hops.push({
      netns: ns,
      device,
      kind: 'drop',
      explain,
      say: s,
      rule,
      table,
      packet: headersOf(st.frame),
      outer: outerHeadersOf(st.outer),
      leg: this.leg,
      ...facts,
    });
    this.result = { verdict: 'dropped', reason, deliveredTo: null, hops: this.hops };
  }

  deliver(ns: Netns, st: PacketState): void {
    if (this.done) return;
    const dst = formatIpv4(st.frame.dst);
    if (ns.kind === 'pod') {
      const { key, args } = podDelivery(this, ns, st);
      this.emit('deliver', ns.id, 'eth0', key, args, null, null, st);
    } else {
      this.emit('deliver', ns.id, null, 'hop.deliver.node', { netns: ns.id, dst }, null, null, st);
    }
    if (!this.done) this.result = { verdict: 'delivered', reason: null, deliveredTo: ns.id, hops: this.hops };
  }

  /** A packet a process in `ns` sends (Pod application or host process). */
  send(ns: Netns, st: PacketState): void {
    if (ns.kind === 'node' && !st.outer && !serviceHook(this, ns, st, 'OUTPUT')) return;
    const target = st.outer ? st.outer.dst : st.frame.dst;
    if (!st.outer && isLocalAddress(ns, target)) {
      this.emit(
        'local',
        ns.id,
        'lo',
        'hop.deliver.local',
        { netns: ns.id, dst: formatIpv4(target) },
        null,
        null,
        st,
      );
      this.deliver(ns, st);
      return;
    }
    const route = this.lookup(ns, target, st);
    if (!route) return;
    this.emit(
      'route',
      ns.id,
      route.dev ?? null,
      st.outer ? 'hop.route.outer' : 'hop.route.local',
      routeArgs(ns, route, target, st),
      ruleOfRoute(route),
      'ip route',
      st,
    );
    this.transmit(ns, route.dev!, route.via ?? target, st);
  }

  /** fib_lookup with the drops it can cause. */
  lookup(ns: Netns, dst: Ipv4, st: PacketState): Route | null {
    const route = ns.routes.lookup(dst);
    if (!route) {
      this.drop('NO_ROUTE', ns.id, null, 'hop.drop.noRoute', { netns: ns.id, dst: formatIpv4(dst) }, st);
      return null;
    }
    if (route.type === 'blackhole') {
      this.emit(
        'route',
        ns.id,
        null,
        'hop.route.blackhole',
        { netns: ns.id, dst: formatIpv4(dst) },
        ruleOfRoute(route),
        'ip route',
        st,
      );
      this.drop(
        'BLACKHOLE',
        ns.id,
        null,
        'hop.drop.blackhole',
        { netns: ns.id },
        st,
        ruleOfRoute(route),
        'ip route',
      );
      return null;
    }
    return route;
  }

  /** dev_queue_xmit: the packet leaves `ns` on `devName` towards `nexthop`. */
  transmit(ns: Netns, devName: string, nexthop: Ipv4, st: PacketState): void {
    if (this.done) return;
    const link = ns.links.find((l) => l.name === devName);
    if (!link) {
      this.drop(
        'NO_ROUTE',
        ns.id,
        devName,
        'hop.drop.noRoute',
        { netns: ns.id, dst: formatIpv4(nexthop) },
        st,
      );
      return;
    }
    postrouting(this, ns, devName, st);
    if (link.bpf?.some((b) => b.hook === 'tc-egress') && runEgressBpf(this, ns, link, st) === 'handled')
      return;
    switch (link.kind) {
      case 'vxlan':
        return encapsulate(this, ns, link, nexthop, st);
      case 'physical':
        return underlay(this, ns, link, nexthop, st);
      case 'veth':
        return overVeth(this, ns, link, nexthop, st);
      case 'bridge':
        return overBridge(this, ns, link, nexthop, st);
      default:
        this.drop(
          'NO_ROUTE',
          ns.id,
          devName,
          'hop.drop.noRoute',
          { netns: ns.id, dst: formatIpv4(nexthop) },
          st,
        );
    }
  }

  /** netif_receive_skb: a frame arrives on `devName` in `ns`. */
  receive(ns: Netns, devName: string, st: PacketState): void {
    if (this.done) return;
    const link = ns.links.find((l) => l.name === devName)!;
    if (link.bpf?.some((b) => b.hook === 'tc-ingress') && runIngressBpf(this, ns, link, st) === 'handled')
      return;
    if (link.master) {
      const bridge = ns.links.find((l) => l.name === link.master)!;
      const f = st.frame;
      if (f.dstMac === bridge.mac) {
        const own = ns.fdb.lookup(bridge.mac, bridge.name);
        this.emit(
          'bridge',
          ns.id,
          bridge.name,
          'hop.bridge.up',
          { bridge: bridge.name, dev: link.name, netns: ns.id },
          own ? ruleOfFdb(own) : null,
          'bridge fdb',
          st,
        );
        return this.ipReceive(ns, bridge, st);
      }
      const entry = f.dstMac ? ns.fdb.lookup(f.dstMac, bridge.name) : null;
      if (!entry) {
        this.drop(
          'NO_FDB',
          ns.id,
          bridge.name,
          'hop.drop.noFdb',
          { dev: bridge.name, dstMac: f.dstMac ?? '?' },
          st,
        );
        return;
      }
      // br_netfilter (bridge-nf-call-iptables=1) passes bridged frames through the filter chains too.
      if (!checkEgress(this, ns, st)) return;
      this.emit(
        'bridge',
        ns.id,
        bridge.name,
        'hop.bridge.forward',
        { bridge: bridge.name, dstMac: f.dstMac!, port: entry.dev },
        ruleOfFdb(entry),
        'bridge fdb',
        st,
      );
      const port = ns.links.find((l) => l.name === entry.dev)!;
      return crossVeth(this, ns, port, st, 'hop.veth', {});
    }
    this.ipReceive(ns, link, st);
  }

  /** ip_rcv: local delivery (and VXLAN decapsulation) or forwarding. */
  ipReceive(ns: Netns, link: Link, st: PacketState): void {
    if (this.done) return;
    if (st.outer && isLocalAddress(ns, st.outer.dst)) {
      const vx = ns.links.find(
        (l) =>
          l.vxlan &&
          l.vxlan.port === st.outer!.dstPort &&
          (l.vxlan.external || l.vxlan.vni === st.outer!.vni),
      );
      if (!vx) {
        this.drop(
          'NO_LISTENER',
          ns.id,
          link.name,
          'hop.drop.noListener',
          { netns: ns.id, port: st.outer.dstPort },
          st,
        );
        return;
      }
      this.emit(
        'decap',
        ns.id,
        vx.name,
        'hop.decap',
        { netns: ns.id, port: st.outer.dstPort, dev: vx.name, vni: st.outer.vni },
        ruleOfVxlan(vx),
        'ip -d link',
        st,
      );
      st.outer = null;
      st.frame.dstMac = vx.mac;
      return this.receive(ns, vx.name, st);
    }
    if (ns.kind === 'node') {
      if (!serviceHook(this, ns, st, 'PREROUTING')) return;
      if (!checkEgress(this, ns, st)) return;
    }
    if (isLocalAddress(ns, st.frame.dst)) return this.deliver(ns, st);
    this.forward(ns, st);
  }

  /** ip_forward: TTL, then a route lookup. */
  forward(ns: Netns, st: PacketState): void {
    if (!ns.forwarding) {
      this.drop('FORWARDING_DISABLED', ns.id, null, 'hop.drop.forwarding', { netns: ns.id }, st);
      return;
    }
    if (st.frame.ttl <= 1) {
      this.drop('TTL_EXCEEDED', ns.id, null, 'hop.drop.ttl', { netns: ns.id }, st);
      return;
    }
    st.frame.ttl -= 1;
    const route = this.lookup(ns, st.frame.dst, st);
    if (!route) return;
    this.emit(
      'route',
      ns.id,
      route.dev ?? null,
      'hop.route.forward',
      { ...routeArgs(ns, route, st.frame.dst, st), ttl: st.frame.ttl },
      ruleOfRoute(route),
      'ip route',
      st,
    );
    this.transmit(ns, route.dev!, route.via ?? st.frame.dst, st);
  }
}

const vipCache = new WeakMap<object, Set<number>>();

/** External and load-balancer IPs of every Service, computed once per control-plane state. */
function externalVipsOf(services: TraceEnv['services']): Set<number> {
  if (!services) return new Set();
  let set = vipCache.get(services);
  if (!set) {
    set = new Set(services.ports.flatMap((p) => [...p.externalIPs, ...p.loadBalancerIPs]));
    vipCache.set(services, set);
  }
  return set;
}

const localAddresses = new WeakMap<Netns, Set<number>>();

/** Whether `ip` is one of the netns's own addresses (the kernel's local table); a Set per netns. */
export function isLocalAddress(ns: Netns, ip: Ipv4): boolean {
  if (ns.ownIps) return ns.ownIps.has(ip) || (ns.sharedIps?.has(ip) ?? false);
  let set = localAddresses.get(ns);
  if (!set) {
    set = new Set(ns.addresses.map((a) => a.ip));
    localAddresses.set(ns, set);
  }
  return set.has(ip);
}

function routeArgs(ns: Netns, route: Route, dst: Ipv4, _st: PacketState): Record<string, string | number> {
  return {
    netns: ns.id,
    dst: formatIpv4(dst),
    dev: route.dev ?? '',
    via: route.via === undefined ? '' : ` via ${formatIpv4(route.via)}`,
  };
}

/**
 * The sentence for a delivery to a Pod, chosen from what happened to this packet: a DNAT (kube-proxy
 * or eBPF load balancing) rewrote the destination, a SNAT (masquerade) the source, or neither. Only
 * an untranslated packet between two Pod addresses arrives with "the Pod IPs, unchanged".
 */
function podDelivery(
  w: Walker,
  ns: Netns,
  st: PacketState,
): { key: HopMessageKey; args: Record<string, string | number> } {
  const src = formatIpv4(st.frame.src);
  const base = { pod: ns.id, dst: formatIpv4(st.frame.dst), src };
  const dnat = w.hops.find((h) => h.kind === 'dnat');
  const snat = w.hops.find((h) => h.kind === 'snat');
  const vip = dnat ? String(dnat.say.args.vip ?? '') : '';
  const before = snat ? String(snat.say.args.before ?? '') : '';
  if (dnat && snat) return { key: 'hop.deliver.pod.dnatSnat', args: { ...base, vip, before } };
  if (dnat) return { key: 'hop.deliver.pod.dnat', args: { ...base, vip } };
  if (snat) return { key: 'hop.deliver.pod.snat', args: { ...base, before } };
  const fromPod = isPodAddress(w.world.cluster, st.frame.src);
  return { key: fromPod ? 'hop.deliver.pod' : 'hop.deliver.pod.fromHost', args: base };
}

/**
 * Whether an address belongs to a Pod: a Pod IP (`podByIp` holds every Pod that is not
 * hostNetwork), or the node IP that a hostNetwork Pod on that node shares. Lookups, not a scan of
 * every Pod: at XL a scan cost more than the rest of the trace.
 */
function isPodAddress(cluster: Cluster, ip: Ipv4): boolean {
  if (cluster.podByIp.has(ip)) return true;
  const node = cluster.nodeByIp.get(ip);
  return node !== undefined && cluster.podsOnNode[node]!.some((i) => cluster.pods[i]!.hostNetwork);
}
