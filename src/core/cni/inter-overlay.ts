import type { Ipv4 } from '../net/ipv4';
import type { IntraDesign } from '../model/scenario';
import type { ClusterNode } from '../model/cluster';
import type { InterDesignModule } from './types';
import { UP_FLAGS } from './builder';
import { macFor } from './macs';
import { ciliumRouterIp } from './intra-ebpf';

/** The VXLAN device each CNI creates (flannel-io/flannel pkg/backend/vxlan, projectcalico/calico felix vxlan_mgr.go, cilium/cilium pkg/defaults). */
interface VxlanFlavor {
  device: string;
  vni: number;
  port: number;
  macKind: 'flannelVtep' | 'calicoVtep' | 'ciliumVxlan';
  /** Flow-based device whose remote is chosen by eBPF (Cilium) instead of FDB entries. */
  external: boolean;
  ifindex: number;
}

export const VXLAN_FLAVORS: Record<IntraDesign, VxlanFlavor> = {
  // Flannel: flannel.<VNI>, VNI 1, the kernel's default port 8472, nolearning.
  bridge: { device: 'flannel.1', vni: 1, port: 8472, macKind: 'flannelVtep', external: false, ifindex: 3 },
  // Calico: vxlan.calico, VNI 4096, IANA port 4789.
  routed: {
    device: 'vxlan.calico',
    vni: 4096,
    port: 4789,
    macKind: 'calicoVtep',
    external: false,
    ifindex: 3,
  },
  // Cilium: cilium_vxlan, flow-based ("external"), port 8472.
  ebpf: { device: 'cilium_vxlan', vni: 0, port: 8472, macKind: 'ciliumVxlan', external: true, ifindex: 5 },
  // Flannel's VXLAN backend with the ptp plugin as its delegate (flannel-io/cni-plugin `delegate.type`).
  ptp: { device: 'flannel.1', vni: 1, port: 8472, macKind: 'flannelVtep', external: false, ifindex: 3 },
  // Never built: the AWS VPC CNI does not encapsulate (buildEngine refuses vpc+overlay).
  vpc: { device: 'flannel.1', vni: 1, port: 8472, macKind: 'flannelVtep', external: false, ifindex: 3 },
};

/** The VTEP address: Flannel puts the Pod CIDR's .0 on flannel.1 as a /32; Calico allocates its VTEP IP from the block. */
const vtepIp = (node: ClusterNode): Ipv4 => node.podCidr.base;

/**
 * Overlay design: a VXLAN device per node; each remote node's Pod CIDR is routed into it. Flannel
 * and Calico program, per remote node, a route via the remote VTEP, a PERMANENT neighbour entry
 * (VTEP IP → VTEP MAC) and an FDB entry (VTEP MAC → remote Node IP), so the kernel can build the
 * outer header. Cilium instead decides the remote in eBPF from its ipcache (tunnel endpoint).
 */
export const overlayDesign: InterDesignModule = {
  id: 'overlay',
  overhead: 50,
  roles: { 'flannel.1': 'role.vtep', 'vxlan.calico': 'role.vtep', cilium_vxlan: 'role.vtepEbpf' },

  buildShared(shared, ctx) {
    const f = VXLAN_FLAVORS[ctx.intra];
    if (f.external) {
      // Remote Pod CIDRs are routed into cilium_host; encapsulation is decided by bpf (tunnel map).
      for (const node of ctx.cluster.nodes) {
        const route = {
          dst: node.podCidr,
          type: 'unicast' as const,
          dev: 'cilium_host',
          proto: 'kernel' as const,
          scope: 'global' as const,
          mtu: ctx.podMtu,
        };
        shared.routes.add({
          route,
          owner: node.index,
          perNode: (self) => {
            const router = ciliumRouterIp(ctx.cluster.nodes[self]!);
            return { ...route, via: router, src: router };
          },
        });
      }
      return;
    }
    for (const node of ctx.cluster.nodes) {
      const mac = macFor(f.macKind, node.index);
      const via = vtepIp(node);
      shared.routes.add({
        route: {
          dst: node.podCidr,
          type: 'unicast',
          via,
          dev: f.device,
          proto: ctx.intra === 'routed' ? '80' : 'boot',
          scope: 'global',
          onlink: true,
        },
        owner: node.index,
      });
      shared.neighbors.add({ ip: via, dev: f.device, lladdr: mac, state: 'PERMANENT' }, node.index);
      shared.fdb.add({ mac, dev: f.device, dst: node.ip, self: true, permanent: true }, node.index);
    }
  },

  buildNode(b, ctx, node) {
    const f = VXLAN_FLAVORS[ctx.intra];
    b.link({
      ifindex: f.ifindex,
      name: f.device,
      kind: 'vxlan',
      mac: macFor(f.macKind, node.index),
      mtu: f.external ? ctx.cluster.networks.mtu : ctx.podMtu,
      state: 'UNKNOWN',
      flags: UP_FLAGS,
      vxlan: {
        vni: f.vni,
        port: f.port,
        local: f.external ? null : node.ip,
        dev: 'eth0',
        learning: false,
        external: f.external,
      },
      bpf: f.external
        ? [{ hook: 'tc-ingress', program: 'cil_from_overlay', object: 'bpf_overlay.o' }]
        : undefined,
    });
    if (!f.external) b.address({ dev: f.device, ip: vtepIp(node), prefix: 32, scope: 'global' });
  },
};
