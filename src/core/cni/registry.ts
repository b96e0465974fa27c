import type { InterDesign, IntraDesign } from '../model/scenario';
import type { Resemblance } from '../topology/types';
import type { InterDesignModule, IntraDesignModule } from './types';
import { bridgeDesign } from './intra-bridge';
import { routedDesign } from './intra-routed';
import { ebpfDesign } from './intra-ebpf';
import { ptpDesign } from './intra-ptp';
import { vpcDesign } from './intra-vpc';
import { overlayDesign } from './inter-overlay';
import { routingDesign } from './inter-routing';

/** Every design, by id. Adding a design is adding a file and a line here (see README). */
export const INTRA_DESIGNS: Record<IntraDesign, IntraDesignModule> = {
  bridge: bridgeDesign,
  routed: routedDesign,
  ebpf: ebpfDesign,
  ptp: ptpDesign,
  vpc: vpcDesign,
};

export const INTER_DESIGNS: Record<InterDesign, InterDesignModule> = {
  overlay: overlayDesign,
  routing: routingDesign,
};

/** The real CNI configuration each combination resembles. */
export const RESEMBLANCE: Record<`${IntraDesign}+${InterDesign}`, Resemblance> = {
  'bridge+overlay': {
    cni: 'Flannel',
    detail:
      'VXLAN backend (flannel.1, VNI 1, UDP 8472) with the bridge plugin (cni0); NetworkPolicy needs Calico alongside (Canal)',
  },
  'bridge+routing': {
    cni: 'Flannel',
    detail:
      'host-gw backend: a static route per node, no encapsulation; NetworkPolicy needs Calico alongside (Canal)',
  },
  'routed+overlay': {
    cni: 'Calico',
    detail: 'VXLAN mode (vxlan.calico, VNI 4096, UDP 4789), routed /32 veths',
  },
  'routed+routing': {
    cni: 'Calico',
    detail: 'BGP mode without encapsulation: BIRD routes (proto bird), routed /32 veths',
  },
  'ebpf+overlay': {
    cni: 'Cilium',
    detail: 'default tunnel mode (cilium_vxlan, UDP 8472), eBPF on every veth',
  },
  'ebpf+routing': { cni: 'Cilium', detail: 'native routing with autoDirectNodeRoutes, eBPF on every veth' },
  'ptp+overlay': {
    cni: 'Flannel',
    detail:
      'VXLAN backend (flannel.1, VNI 1, UDP 8472) with the ptp plugin as its delegate: /32 host routes, the gateway on every host veth; NetworkPolicy needs an extra agent',
  },
  'vpc+routing': {
    cni: 'AWS VPC CNI',
    detail:
      "Pods take secondary IPs of the node's ENI from the VPC subnet (Azure CNI does the same on Azure): /32 routes to eni veths, no overlay, the VPC fabric routes Pod IPs",
  },
  'vpc+overlay': {
    cni: 'AWS VPC CNI',
    detail:
      'never encapsulates: the VPC fabric carries Pod IPs, so this pair is refused (choose native routing)',
  },
  'ptp+routing': {
    cni: 'kindnet',
    detail:
      "kind's default CNI: ptp veths with /32 host routes, kindnetd's static route per node (Pod CIDR via node IP), no encapsulation",
  },
};
