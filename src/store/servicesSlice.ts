import type { DnsType } from '../core/dns/records';
import type { ResolveResult } from '../core/queries';
import type { GetState, SetState, StoreDeps } from './types';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface DnsQuery {
  /** The asking Pod (`NS/POD`). */
  from: string;
  name: string;
  type: DnsType;
}

/** The Services and DNS features: a forced Service endpoint for traces, and the DNS panel. */
export interface ServicesSlice {
  /** `IP:port` the next Service trace must pick, or '' for the seeded random choice. */
  traceEndpoint: string;
  setTraceEndpoint(endpoint: string): void;
  dnsQuery: DnsQuery;
  /** The last answer and the query it answers (null before the first lookup or for an unknown Pod). */
  dnsResult: { query: DnsQuery; result: ResolveResult | null } | null;
  dnsBusy: boolean;
  setDnsQuery(patch: Partial<DnsQuery>): void;
  resolveName(): Promise<void>;
}

export function createServicesSlice(set: SetState, get: GetState, deps: StoreDeps): ServicesSlice {
  let latest = 0;
  return {
    traceEndpoint: '',
    setTraceEndpoint(traceEndpoint) {
      set({ traceEndpoint });
    },
    dnsQuery: { from: '', name: 'backend', type: 'A' },
    dnsResult: null,
    dnsBusy: false,
    setDnsQuery(patch) {
      set((s) => ({ dnsQuery: { ...s.dnsQuery, ...patch } }));
    },
    async resolveName() {
      const query = { ...get().dnsQuery, name: get().dnsQuery.name.trim() };
      if (!query.from || !query.name) return;
      const seq = ++latest;
      set({ dnsBusy: true, error: null });
      try {
        const result = await deps.sim.resolve(query.from, query.name, query.type);
        // Latest wins: an older answer arriving late is dropped.
        if (seq === latest) set({ dnsResult: { query, result }, dnsBusy: false });
      } catch (e) {
        if (seq === latest) set({ dnsBusy: false, error: message(e) });
      }
    },
  };
}
