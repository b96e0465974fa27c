import type { ProxyMode } from '../model/scenario';
import type { ServiceState } from '../services/types';
import type { AffinityState } from '../services/proxy/types';
import type { PolicyIndex } from '../policy';

/** What a trace consults besides the Linux state: Services (kube-proxy), policies, randomness. */
export interface TraceEnv {
  services: ServiceState | null;
  proxy: ProxyMode;
  /** Compiled NetworkPolicies; null when the scenario has none (no policy hops are shown then). */
  policy: PolicyIndex | null;
  /** Seeded generator for endpoint choice. */
  rng: () => number;
  /** Endpoint the user picked (`IP:port`), forced when it is a candidate. */
  forceEndpoint?: { ip: number; port: number };
  affinity: AffinityState;
}

/** mulberry32: a small seeded PRNG (the core never calls Math.random). */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
