import type { Protocol } from '../model/k8s';

/**
 * What a packet tracer reports. Plain JSON, small (a trace message stays under 10 KiB), the same
 * for the CLI (`trace --json`), the worker and the canvas.
 */

/** Where a probe starts: a Pod (`NS/POD`), a node's host netns (`node/NAME`) or `external`. */
export interface Probe {
  from: string;
  /** A Pod (`NS/POD`), a Service (`NS/SVC`), an IPv4 address or a DNS name. */
  to: string;
  port: number;
  protocol: Protocol;
  /** Ephemeral source port; defaults to a value derived from the probe (deterministic). */
  srcPort?: number;
  /** Seed for random choices (endpoint selection). */
  seed?: number;
}

export type HopKind =
  | 'route'
  | 'veth'
  | 'bridge'
  | 'ebpf'
  | 'arp'
  | 'encap'
  | 'decap'
  | 'underlay'
  | 'dnat'
  | 'snat'
  | 'policy'
  | 'dns'
  | 'lb'
  | 'local'
  | 'deliver'
  | 'drop';

/** Inner (or only) IP + L4 headers, with L2 addresses where the hop is on Ethernet. */
export interface PacketHeaders {
  src: string;
  dst: string;
  protocol: Protocol | 'ICMP';
  srcPort: number | null;
  dstPort: number | null;
  ttl: number;
  srcMac?: string;
  dstMac?: string;
}

/** Outer headers while a packet is encapsulated (VXLAN over UDP). */
export interface OuterHeaders {
  src: string;
  dst: string;
  protocol: 'UDP';
  srcPort: number;
  dstPort: number;
  vni: number;
  ttl: number;
  /** The outer Ethernet header on the wire (NIC to NIC), set once the packet is on the underlay. */
  srcMac?: string;
  dstMac?: string;
}

export type DropReason =
  | 'NO_ROUTE'
  | 'BLACKHOLE'
  | 'NO_NEIGHBOR'
  | 'NO_FDB'
  | 'TTL_EXCEEDED'
  | 'UNKNOWN_SOURCE'
  | 'UNKNOWN_DESTINATION'
  | 'LEFT_CLUSTER'
  | 'NO_LISTENER'
  | 'INVALID_SERVICE_PORT'
  | 'UNALLOCATED_CLUSTER_IP'
  | 'FORWARDING_DISABLED'
  | 'NO_ENDPOINTS'
  | 'NO_LOCAL_ENDPOINTS'
  | 'POLICY_DENIED'
  | 'DNS_FAILED'
  | 'NOT_REACHABLE_FROM_OUTSIDE'
  | 'LOOP';

/** A message key and its arguments, so the page can say the same sentence in English or Japanese. */
export interface Say {
  key: string;
  args: Record<string, string | number>;
}

export interface Hop {
  /** `node/NAME`, `NS/POD`, `underlay` or `external`. */
  netns: string;
  device: string | null;
  kind: HopKind;
  /** One English sentence (the CLI prints it; the page translates `say`). */
  explain: string;
  say: Say;
  /** The deciding entry exactly as the real tool prints it (`ip route`, `bridge fdb`, …), or null. */
  rule: string | null;
  /** Which table the rule comes from, e.g. `ip route`, `ip neigh`, `bridge fdb`, `bpf map`. */
  table: string | null;
  packet: PacketHeaders;
  outer: OuterHeaders | null;
  /** Set on the hops of the DNS query that precedes a connection to a name. */
  phase?: 'dns';
}

/**
 * Something about the probe worth saying that does not change the trace (the packet still goes
 * where the kernel sends it): a code and its arguments for the page to translate, and the English
 * sentence the CLI prints.
 */
export interface TraceWarning {
  code: string;
  args: Record<string, string | number>;
  message: string;
}

export interface Trace {
  probe: Probe;
  verdict: 'delivered' | 'dropped';
  reason: DropReason | null;
  /** `NS/POD` (or `node/NAME` for host delivery) when delivered. */
  deliveredTo: string | null;
  hops: Hop[];
  /** Translations conntrack recorded on the way, as `conntrack -L` prints them (replies use the reverse). */
  conntrack?: { netns: string; entry: string }[];
  /** Present only when there is something to warn about (e.g. a port the Service does not serve). */
  warnings?: TraceWarning[];
}
