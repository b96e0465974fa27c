import type { Protocol } from '../model/k8s';
import type { HopKind } from './hop-kinds';

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

export type { HopKind } from './hop-kinds';

/**
 * The legs of a trace, in order. A leg is one connection (or one query): `dns` is the stub
 * resolver's query before a connection to a name, `client` the client's connection (to the
 * destination, or to the L7 proxy), `upstream` the NEW connection an L7 proxy opens from its own
 * netns to the backend it chose. Every hop says its leg.
 */
export const LEGS = ['dns', 'client', 'upstream'] as const;
export type Leg = (typeof LEGS)[number];

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
  /** The connection this hop belongs to (see LEGS). */
  leg: Leg;
  /** `NS/NAME` of the Service a `dnat`/`lb` hop (or a no-endpoints drop) translated for. */
  service?: string;
  /** The headers just before this hop rewrote them (`dnat`, `snat`, `lb`). */
  before?: PacketHeaders;
  /** The HTTP decision of an `l7` hop. */
  l7?: L7HopFacts;
}

/** An HTTP request line and headers as the trace shows them (header names lower-case). */
export interface HttpMessage {
  method: string;
  host: string;
  port: number;
  path: string;
  query: string;
  headers: Record<string, string>;
}

/**
 * What the proxy inside an L7 entry decided (Gateway API listener/HTTPRoute rule, or Ingress
 * rule), as data on the `l7` hop: the page and the CLI read these fields, never the sentence.
 */
export interface L7HopFacts {
  /** `gateway/NS/NAME` or `ingressclass/NAME`. */
  via: string;
  /** Implementation id (`envoy-gateway`, `ingress-nginx`). */
  implementation: string;
  listener: string | null;
  /** `NS/NAME` of the matched HTTPRoute or Ingress. */
  route: string | null;
  routeKind: 'HTTPRoute' | 'Ingress' | null;
  rule: number | null;
  /** Why this rule won (an i18n key of the L7 catalog and its arguments). */
  precedence: Say;
  filters: { type: string; detail: string }[];
  /** `NS/SVC:PORT` of the chosen backend. */
  backend: string | null;
  status: number;
  location: string | null;
  /** The request as the client sent it. */
  request: HttpMessage;
  /** The request as the proxy sends it upstream (after filters, X-Forwarded-For added); null when answered. */
  upstream: HttpMessage | null;
  /** How the proxy dials the backend: EndpointSlice Pod IPs, or the Service's ClusterIP. */
  upstreamVia: 'endpoints' | 'clusterip';
}

/** The `http` part of a two-leg trace (also the CLI's `"http"` JSON). */
export interface HttpResult {
  status: number;
  listener: string | null;
  route: string | null;
  rule: number | null;
  backend: string | null;
  location: string | null;
  upstreamHeaders: Record<string, string>;
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
  /** `answered`: an L7 proxy answered the request itself (404, redirect, …); no upstream leg. */
  verdict: 'delivered' | 'dropped' | 'answered';
  reason: DropReason | null;
  /** `NS/POD` (or `node/NAME` for host delivery) when delivered; the proxy Pod when answered. */
  deliveredTo: string | null;
  hops: Hop[];
  /** Translations conntrack recorded on the way, as `conntrack -L` prints them (replies use the reverse). */
  conntrack?: { netns: string; entry: string }[];
  /** Present only when there is something to warn about (e.g. a port the Service does not serve). */
  warnings?: TraceWarning[];
  /** Set on an HTTP trace through an L7 proxy. */
  http?: HttpResult;
}
