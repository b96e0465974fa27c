/**
 * Every kind of hop a trace can hold, in one registry: what layer of the stack it belongs to,
 * whether it rewrites headers (NAT, an L7 proxy's filters), the i18n key of its short badge and
 * its colour token. The hop list, the packet layer and the NAT table read this table, so adding a
 * hop kind is adding an entry here (and its two labels in src/i18n/hops.ts).
 */

/** The layer a hop acts at: link (l2), routing (l3), address translation, policy, proxy (l7), outcome. */
export type HopCategory = 'l2' | 'l3' | 'nat' | 'policy' | 'l7' | 'dns' | 'end';

/** Colour names the page maps to its palette (one per family of hops). */
export type HopColor =
  | 'sky'
  | 'slate'
  | 'indigo'
  | 'violet'
  | 'teal'
  | 'amber'
  | 'emerald'
  | 'orange'
  | 'fuchsia'
  | 'cyan'
  | 'lime'
  | 'rose'
  | 'green'
  | 'red';

export interface HopKindInfo {
  category: HopCategory;
  /** True when the hop changes the packet's addresses/ports or the request's headers. */
  rewrites: boolean;
  /** i18n key of the short badge (src/i18n/hops.ts HOP_KIND_LABELS). */
  label: `hopKind.${string}`;
  color: HopColor;
  /** For a NAT hop, the side it rewrites: DNAT and the load balancer the destination, SNAT the source. */
  translates?: 'source' | 'destination';
}

export const HOP_KINDS = {
  /** fib_lookup in a netns (`ip route`). */
  route: { category: 'l3', rewrites: false, label: 'hopKind.route', color: 'sky' },
  /** A frame crossing a veth pair. */
  veth: { category: 'l2', rewrites: false, label: 'hopKind.veth', color: 'slate' },
  /** Linux bridge forwarding (`bridge fdb`). */
  bridge: { category: 'l2', rewrites: false, label: 'hopKind.bridge', color: 'indigo' },
  /** A tc/XDP eBPF program deciding where the packet goes. */
  ebpf: { category: 'l3', rewrites: false, label: 'hopKind.ebpf', color: 'violet' },
  /** Neighbour resolution (`ip neigh`). */
  arp: { category: 'l2', rewrites: false, label: 'hopKind.arp', color: 'teal' },
  /** VXLAN encapsulation. */
  encap: { category: 'l2', rewrites: false, label: 'hopKind.encap', color: 'amber' },
  /** VXLAN decapsulation. */
  decap: { category: 'l2', rewrites: false, label: 'hopKind.decap', color: 'amber' },
  /** The node network between hosts. */
  underlay: { category: 'l3', rewrites: false, label: 'hopKind.underlay', color: 'emerald' },
  /** kube-proxy (or its eBPF replacement) rewriting a Service VIP to an endpoint. */
  dnat: {
    category: 'nat',
    rewrites: true,
    label: 'hopKind.dnat',
    color: 'orange',
    translates: 'destination',
  },
  /** Masquerade in nat POSTROUTING. */
  snat: { category: 'nat', rewrites: true, label: 'hopKind.snat', color: 'orange', translates: 'source' },
  /** NetworkPolicy evaluation. */
  policy: { category: 'policy', rewrites: false, label: 'hopKind.policy', color: 'fuchsia' },
  /** Name resolution by the client's stub resolver (and CoreDNS answering). */
  dns: { category: 'dns', rewrites: false, label: 'hopKind.dns', color: 'cyan' },
  /** The external load balancer forwarding a LoadBalancer VIP to a node's NodePort. */
  lb: {
    category: 'nat',
    rewrites: true,
    label: 'hopKind.lb',
    color: 'lime',
    translates: 'destination',
  },
  /** The HTTP decision inside a proxy Pod (Gateway API / Ingress): listener, route, rule, backend. */
  l7: { category: 'l7', rewrites: true, label: 'hopKind.l7', color: 'rose' },
  /** Loopback delivery inside one netns. */
  local: { category: 'end', rewrites: false, label: 'hopKind.local', color: 'slate' },
  /** Delivered to a Pod or host process. */
  deliver: { category: 'end', rewrites: false, label: 'hopKind.deliver', color: 'green' },
  /** Dropped (the reason is on the trace). */
  drop: { category: 'end', rewrites: false, label: 'hopKind.drop', color: 'red' },
} as const satisfies Record<string, HopKindInfo>;

export type HopKind = keyof typeof HOP_KINDS;
export type HopKindLabelKey = (typeof HOP_KINDS)[HopKind]['label'];

/** Every hop kind, in registry order. */
export const HOP_KIND_IDS = Object.keys(HOP_KINDS) as HopKind[];

export const hopKindInfo = (kind: HopKind): HopKindInfo => HOP_KINDS[kind];

/** Hops that translate addresses (DNAT, SNAT, the external load balancer): the NAT table's rows. */
export const isNatKind = (kind: HopKind): boolean => HOP_KINDS[kind].category === 'nat';
