import { formatIpv4 } from '../net/ipv4';
import type { Link, Netns } from '../linux/types';
import {
  formatIpcacheRow,
  formatLxcValue,
  IDENTITY_HOST,
  ipcacheOf,
  podIdentities,
} from '../cni/cilium-maps';
import { endpointIdOf } from '../cni/intra-ebpf';
import { FIRST_VETH_IFINDEX } from '../cni/types';
import { ruleOfRoute, ruleOfVxlan } from './rule-text';
import { DEFAULT_TTL, vxlanSourcePort, type PacketState } from './state';
import { isLocalAddress, type Walker } from './walker';
import { checkEgress, checkIngress } from './policy-hooks';

/**
 * The Cilium eBPF programs the eBPF design attaches (cilium/cilium bpf/bpf_lxc.c, bpf/bpf_host.c), reduced to their forwarding
 * decisions: local endpoint → redirect into the Pod; remote in tunnel mode → set the tunnel key and
 * send through cilium_vxlan; otherwise a FIB lookup from eBPF and a redirect to the NIC. Each
 * decision names the map entry (cilium_lxc, cilium_ipcache) or route that made it.
 */
export type BpfOutcome = 'handled' | 'pass';

export function runIngressBpf(w: Walker, ns: Netns, link: Link, st: PacketState): BpfOutcome {
  const prog = link.bpf!.find((b) => b.hook === 'tc-ingress')!.program;
  switch (prog) {
    case 'cil_from_container':
      return fromContainer(w, ns, link, st);
    case 'cil_from_overlay':
      return redirectLocal(w, ns, link, st, prog) ? 'handled' : 'pass';
    case 'cil_from_netdev':
      // Tunnel packets go up the stack to be decapsulated; Pod-IP packets (native routing) are redirected.
      if (st.outer) return 'pass';
      return redirectLocal(w, ns, link, st, prog) ? 'handled' : 'pass';
    default:
      return 'pass';
  }
}

export function runEgressBpf(w: Walker, ns: Netns, link: Link, st: PacketState): BpfOutcome {
  const prog = link.bpf!.find((b) => b.hook === 'tc-egress')!.program;
  if (prog !== 'cil_from_host' || st.outer) return 'pass';
  if (redirectLocal(w, ns, link, st, prog)) return 'handled';
  return tunnel(w, ns, link, st, prog) ? 'handled' : 'pass';
}

/** bpf_lxc `cil_from_container`: every packet a Pod sends. */
function fromContainer(w: Walker, ns: Netns, link: Link, st: PacketState): BpfOutcome {
  const prog = 'cil_from_container';
  if (isLocalAddress(ns, st.frame.dst)) {
    w.emit(
      'ebpf',
      ns.id,
      link.name,
      'hop.ebpf.pass',
      { program: prog, dev: link.name, dst: formatIpv4(st.frame.dst) },
      null,
      null,
      st,
    );
    w.ipReceive(ns, link, st);
    return 'handled';
  }
  // Without a known destination (a Service VIP, the outside world) Cilium hands the packet to the
  // stack, where kube-proxy's rules (if any) translate it.
  const ipcache = ipcacheOf(ns.bpfMaps);
  if (!ipcache || ipcache.lookup(st.frame.dst).key === '0.0.0.0/0') {
    w.emit(
      'ebpf',
      ns.id,
      link.name,
      'hop.ebpf.pass',
      { program: prog, dev: link.name, dst: formatIpv4(st.frame.dst) },
      null,
      null,
      st,
    );
    return 'pass';
  }
  if (!checkEgress(w, ns, st)) return 'handled';
  if (redirectLocal(w, ns, link, st, prog)) return 'handled';
  if (tunnel(w, ns, link, st, prog)) return 'handled';
  // Native routing: bpf_fib_lookup, then redirect to the egress device.
  const route = w.lookup(ns, st.frame.dst, st);
  if (!route) return 'handled';
  st.frame.ttl -= 1;
  w.emit(
    'ebpf',
    ns.id,
    link.name,
    'hop.ebpf.fib',
    {
      program: prog,
      dev: link.name,
      dst: formatIpv4(st.frame.dst),
      routeDev: route.dev ?? '',
      via: route.via === undefined ? '' : ` via ${formatIpv4(route.via)}`,
      ttl: st.frame.ttl,
    },
    ruleOfRoute(route),
    'ip route',
    st,
  );
  w.transmit(ns, route.dev!, route.via ?? st.frame.dst, st);
  return 'handled';
}

/** A destination that is an endpoint on this node: look it up in cilium_lxc and redirect into the Pod. */
function redirectLocal(w: Walker, ns: Netns, link: Link, st: PacketState, prog: string): boolean {
  const cluster = w.world.cluster;
  const podIndex = cluster.podByIp.get(st.frame.dst);
  if (podIndex === undefined) return false;
  const pod = cluster.pods[podIndex]!;
  if (pod.nodeIndex !== ns.nodeIndex || pod.hostNetwork) return false;
  if (!checkIngress(w, ns, podIndex, st)) return true;
  const p = w.world.placement(podIndex);
  const entry = {
    ip: pod.ip,
    endpointId: endpointIdOf(p.hostIfindex - FIRST_VETH_IFINDEX),
    identity: podIdentities(cluster)[podIndex]!,
    ifindex: p.hostIfindex,
    mac: p.podMac,
    nodeMac: p.hostVethMac,
  };
  st.frame.ttl -= 1;
  const target = `${pod.namespace}/${pod.name}`;
  w.emit(
    'ebpf',
    ns.id,
    link.name,
    'hop.ebpf.local',
    { program: prog, dev: link.name, dst: formatIpv4(st.frame.dst), target, ttl: st.frame.ttl },
    `${formatIpv4(pod.ip)}:0 ${formatLxcValue(entry)}`,
    'cilium_lxc',
    st,
  );
  st.frame.srcMac = p.hostVethMac;
  st.frame.dstMac = p.podMac;
  const podNs = w.world.podNetns(podIndex);
  w.emit(
    'veth',
    ns.id,
    p.hostVethName,
    'hop.redirect',
    { dev: p.hostVethName, peerNetns: podNs.id, peerDev: 'eth0' },
    null,
    null,
    st,
  );
  w.receive(podNs, 'eth0', st);
  return true;
}

/** Tunnel mode: cilium_ipcache gives the tunnel endpoint; eBPF sets the tunnel key and uses cilium_vxlan. */
function tunnel(w: Walker, ns: Netns, link: Link, st: PacketState, prog: string): boolean {
  const cluster = w.world.cluster;
  // The tunnel endpoint is whatever the node's ipcache says (filled in tunnel mode only).
  const ipcache = ipcacheOf(ns.bpfMaps);
  if (!ipcache) return false;
  const e = ipcache.lookup(st.frame.dst);
  const self = cluster.nodes[ns.nodeIndex]!;
  if (e.tunnelEndpoint === null || e.tunnelEndpoint === self.ip) return false;
  const vx = ns.links.find((l) => l.vxlan?.external);
  if (!vx) return false;
  w.emit(
    'ebpf',
    ns.id,
    link.name,
    'hop.ebpf.tunnel',
    {
      program: prog,
      dev: link.name,
      dst: formatIpv4(st.frame.dst),
      remote: formatIpv4(e.tunnelEndpoint),
      ttl: st.frame.ttl,
    },
    formatIpcacheRow(e),
    'cilium_ipcache',
    st,
  );
  const srcPod = cluster.podByIp.get(st.frame.src);
  // Cilium carries the source security identity in the VNI.
  const vni = srcPod === undefined ? IDENTITY_HOST : podIdentities(cluster)[srcPod]!;
  st.outer = {
    src: self.ip,
    dst: e.tunnelEndpoint,
    srcPort: vxlanSourcePort(st.frame),
    dstPort: vx.vxlan!.port,
    vni,
    ttl: DEFAULT_TTL,
  };
  w.emit(
    'encap',
    ns.id,
    vx.name,
    'hop.encap.ebpf',
    {
      dev: vx.name,
      remote: formatIpv4(e.tunnelEndpoint),
      vni,
      port: vx.vxlan!.port,
      outerSrc: formatIpv4(self.ip),
    },
    ruleOfVxlan(vx),
    'ip -d link',
    st,
  );
  w.send(ns, st);
  return true;
}
