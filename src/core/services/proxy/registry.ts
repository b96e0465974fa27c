import type { Cluster } from '../../model/cluster';
import type { ProxyMode } from '../../model/scenario';
import { ebpfMode } from '../ebpf/ebpf';
import { iptablesMode } from '../iptables/mode';
import { ipvsMode } from '../ipvs/ipvs';
import { nftablesMode } from '../nftables/mode';
import type { ServiceState } from '../types';
import type { NodeHost, ProxyModule } from './types';

/** Proxy modes by name: adding a mode is adding a file and a line here. */
export const PROXY_MODULES: Record<ProxyMode, ProxyModule<unknown>> = {
  iptables: iptablesMode as ProxyModule<unknown>,
  nftables: nftablesMode as ProxyModule<unknown>,
  ipvs: ipvsMode as ProxyModule<unknown>,
  ebpf: ebpfMode as ProxyModule<unknown>,
};

export function proxyModule(mode: ProxyMode): ProxyModule<unknown> {
  return PROXY_MODULES[mode];
}

const cache = new WeakMap<ServiceState, Map<string, unknown>>();

/** A node's programmed rules, built on first use and kept for the life of the ServiceState. */
export function nodeRules(
  mode: ProxyMode,
  state: ServiceState,
  cluster: Cluster | null,
  nodeIndex: number,
  host?: NodeHost,
): unknown {
  let m = cache.get(state);
  if (!m) cache.set(state, (m = new Map()));
  const key = `${mode}:${nodeIndex}`;
  let r = m.get(key);
  if (r === undefined) {
    r = PROXY_MODULES[mode].program(state, cluster, nodeIndex, host);
    m.set(key, r);
  }
  return r;
}
