import type { Designs, InterDesign, IntraDesign, ProxyMode } from '../core/model/scenario';
import type { Probe } from '../core/trace/types';

/** Shorthands for lesson data. */
export const designs = (intra: IntraDesign, inter: InterDesign, proxy: ProxyMode = 'iptables'): Designs => ({
  intra,
  inter,
  proxy,
});

export const FLANNEL_VXLAN = designs('bridge', 'overlay');
export const CALICO_BGP = designs('routed', 'routing');

export const tcp = (from: string, to: string, port: number): Probe => ({ from, to, port, protocol: 'TCP' });
