import type { Say } from './types';

/**
 * English sentences for every hop message key. The page translates the same keys (src/i18n);
 * the CLI prints these. Placeholders are `{name}`.
 */
export const HOP_MESSAGES = {
  'hop.route.local': 'In {netns}, the route lookup for {dst} picks {dev}{via}.',
  'hop.route.forward':
    '{netns} forwards the packet (TTL now {ttl}); the route lookup for {dst} picks {dev}{via}.',
  'hop.route.outer': 'In {netns}, the outer packet to {dst} is routed out of {dev}{via}.',
  'hop.route.blackhole':
    'In {netns}, {dst} matches a blackhole route: the node owns this block but no Pod has that IP.',
  'hop.veth':
    'The frame leaves {netns} on {dev} (to {dstMac}) and comes out of the other end of the veth pair, {peerDev} in {peerNetns}.',
  'hop.veth.arp':
    'The frame leaves {netns} on {dev}; ARP for {nexthop} was answered by {answeredBy} ({dstMac}). It comes out of {peerDev} in {peerNetns}.',
  'hop.bridge.up':
    '{bridge} receives the frame on {dev}; it is addressed to the bridge itself, so it goes up to the IP stack of {netns}.',
  'hop.bridge.forward':
    '{bridge} looks up {dstMac} in its forwarding database and switches the frame out of {port} (layer 2, TTL unchanged).',
  'hop.bridge.arp': '{netns} sends to {nexthop} on {bridge}; ARP is answered by {answeredBy} ({dstMac}).',
  'hop.arp.neighbor':
    '{netns} needs the MAC of next hop {nexthop} on {dev}: the permanent neighbour entry gives {dstMac}.',
  'hop.encap':
    '{dev} looks up {dstMac} in its FDB: remote VTEP {remote}. The Pod packet is wrapped in UDP {port} from {outerSrc} to {remote}, VNI {vni}.',
  'hop.encap.ebpf':
    'eBPF sets the tunnel key (remote {remote}, VNI {vni} = source identity) and sends the packet through {dev}: UDP {port} from {outerSrc} to {remote}.',
  'hop.underlay': 'The packet crosses the node network {underlay} from {fromNode} to {toNode} ({dstMac}).',
  'hop.underlay.fabric':
    "The packet crosses the node network {underlay} from {fromNode} to {toNode} ({dstMac}): {ip} is a secondary IP of that node's ENI, so the VPC delivers it there.",
  'hop.decap':
    '{netns} receives UDP {port} for {dev} (VNI {vni}); the VXLAN device strips the outer headers and the Pod packet appears on {dev}.',
  'hop.ebpf.local':
    '{program} on {dev}: {dst} is a local endpoint in cilium_lxc, so eBPF redirects the packet straight to {target} (TTL now {ttl}).',
  'hop.ebpf.tunnel':
    '{program} on {dev}: cilium_ipcache says {dst} lives behind node {remote}; eBPF sends it into the tunnel.',
  'hop.ebpf.fib':
    '{program} on {dev}: {dst} is not local; a FIB lookup from eBPF picks {routeDev}{via} and redirects there (TTL now {ttl}).',
  'hop.ebpf.pass': '{program} on {dev}: nothing to do for {dst}; the packet continues into the normal stack.',
  'hop.redirect':
    'bpf_redirect_peer puts the packet directly into {peerNetns} on {peerDev}, skipping the host side of {dev}.',
  'hop.deliver.pod':
    'Delivered to {pod}: {dst} is the address of its eth0. Source {src} and destination are the Pod IPs, unchanged.',
  'hop.deliver.pod.dnat':
    'Delivered to {pod}: {dst} is the address of its eth0. The destination was {vip} until DNAT rewrote it; the source {src} is the client, unchanged.',
  'hop.deliver.pod.snat':
    'Delivered to {pod}: {dst} is the address of its eth0. The source is {src}, not the client {before}: SNAT rewrote it on the way.',
  'hop.deliver.pod.dnatSnat':
    'Delivered to {pod}: {dst} is the address of its eth0. Both addresses were rewritten: the destination was {vip} (DNAT) and the source was {before} (SNAT, now {src}).',
  'hop.deliver.pod.fromHost':
    'Delivered to {pod}: {dst} is the address of its eth0. The source {src} is not a Pod address (a node or a client outside); nothing rewrote either address.',
  'hop.deliver.node': 'Delivered to a process on {netns}: {dst} is one of its own addresses.',
  'hop.deliver.local':
    'The destination {dst} is an address of {netns} itself, so the packet never leaves it.',
  'hop.drop.noRoute': '{netns} has no route to {dst}: dropped.',
  'hop.drop.blackhole': 'Dropped by the blackhole route in {netns}.',
  'hop.drop.noNeighbor': 'Nobody on {dev} answers ARP for {nexthop}: dropped.',
  'hop.drop.noFdb': '{dev} has no forwarding entry for {dstMac}: dropped.',
  'hop.drop.ttl': 'The TTL reached zero in {netns}: dropped (ICMP time exceeded).',
  'hop.drop.leftCluster':
    '{netns} sends the packet to the node network router {gateway}: it leaves the cluster.',
  'hop.drop.noListener': '{netns} has nothing listening on UDP {port}: dropped.',
  'hop.drop.forwarding': '{netns} does not forward packets (ip_forward = 0): dropped.',
  'hop.dnat':
    "kube-proxy's nat rules on {netns} match {vip}: DNAT to endpoint {endpoint}. conntrack records it so replies are rewritten back.",
  'hop.dnat.ipvs':
    'IPVS on {netns} owns virtual server {vip} and picks real server {endpoint} (masquerading forwarding).',
  'hop.dnat.sock':
    'At connect(), the eBPF socket program on {netns} looks up {vip} in the service map and connects straight to {endpoint}: the VIP never appears on the wire.',
  'hop.dnat.bpf':
    'eBPF on {netns} finds {vip} in the service map and rewrites the destination to {endpoint}.',
  'hop.snat':
    'The packet was marked for masquerade: nat POSTROUTING on {netns} rewrites the source {before} to {after} (the address of {dev}).',
  'hop.snat.nodeIp':
    'The packet was marked for masquerade: nat POSTROUTING on {netns} rewrites the source {before} to the node address {after} ({dev} has no address of its own).',
  'hop.snat.bpf':
    'No iptables rule: the eBPF NodePort program on {netns} SNATs the source {before} to the node address {after} as the packet leaves on {dev}, so the reply comes back to this node.',
  'hop.lb': 'The external load balancer {vip} picks node {node} and forwards to its NodePort {target}.',
  'hop.external':
    'The client {src} outside the cluster sends to {dst}; the network router delivers it to {node}.',
  'hop.policy.allowed':
    'NetworkPolicy: {pod} is isolated for {direction} by {policies}; {by} allows this flow.',
  'hop.policy.notIsolated':
    'NetworkPolicy: no policy selects {pod} for {direction}, so it is not isolated: allowed.',
  'hop.policy.denied':
    'NetworkPolicy: {pod} is isolated for {direction} by {policies} and no rule allows this flow: dropped.',
  'hop.dns.query': '{pod} resolves "{name}": {tries}. The answer is {answer}.',
  'hop.drop.noEndpoints':
    'Service {vip} has no ready endpoints: kube-proxy rejects the connection on {netns} (ICMP port unreachable, "connection refused").',
  'hop.drop.invalidServicePort':
    '{ip} is a ClusterIP, but no Service port {port}/{protocol} exists: kube-proxy\'s cluster-ips-check chain on {netns} rejects it (ICMP port unreachable, "connection refused").',
  'hop.drop.unallocatedClusterIp':
    "{ip} is in the Service CIDR but no Service holds it: kube-proxy's cluster-ips-check chain on {netns} drops it.",
  'hop.drop.vipNoVirtualServer':
    '{ip} is bound to kube-ipvs0 on {netns}, so the packet is for this node, but no Service has port {port}/{protocol} there: kube-proxy\'s KUBE-IPVS-FILTER chain rejects the new connection with {answer} ("connection refused"), so no host process can answer on a Service IP.',
  'hop.drop.noLocalEndpoints':
    'Service {vip} has traffic policy Local and {netns} has no local endpoint: dropped.',
  'hop.drop.dnsFailed': '{pod} could not resolve "{name}": {tries}.',
  'hop.drop.notReachableFromOutside':
    '{dst} is not reachable from outside the cluster: only node IPs and load-balancer IPs are routed to it.',
  'hop.drop.loop': 'The path is longer than {max} hops: stopped (a routing loop).',
  'hop.drop.unknownDestination': 'No Pod, node or address called {to} exists in this cluster.',
  'hop.drop.unknownSource': 'No Pod or node called {from} exists in this cluster.',
  'hop.l7.forward':
    '{proxy} ({implementation}) reads the HTTP request {method} {host}{path} from {client}: {why}. It forwards to {backend} and opens a new connection from its own address.',
  'hop.l7.forwardSnat':
    '{proxy} ({implementation}) reads the HTTP request {method} {host}{path} from {client}: {why}. It forwards to {backend} and opens a new connection from its own address. {client} is node {node}, not the client: externalTrafficPolicy Cluster SNATed the connection on the way in, so X-Forwarded-For names the node.',
  'hop.l7.answer':
    '{proxy} ({implementation}) reads the HTTP request {method} {host}{path} from {client}: {why}. It answers {status} itself; no backend is contacted.',
  'hop.l7.redirect':
    '{proxy} ({implementation}) reads the HTTP request {method} {host}{path} from {client}: {why}. It answers {status} with Location {location}.',
  'hop.l7.noEndpoints':
    '{proxy} ({implementation}) chose {backend} ({why}), but its EndpointSlices list no ready endpoint: it answers 503.',
} as const;

export type HopMessageKey = keyof typeof HOP_MESSAGES;

/** Fills a message template; returns both the key form (for translation) and the English text. */
export function say(
  key: HopMessageKey,
  args: Record<string, string | number>,
): { say: Say; explain: string } {
  const explain = HOP_MESSAGES[key].replace(/\{(\w+)\}/g, (_, name: string) => String(args[name] ?? ''));
  return { say: { key, args }, explain };
}
