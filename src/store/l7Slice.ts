import type { Say } from '../core/trace/types';
import type { L7View } from '../worker/l7View';
import type { GetState, SetState, StoreDeps } from './types';

/** The request builder's form (what `trace --to http://…` takes). */
export interface HttpRequestForm {
  from: string;
  method: string;
  url: string;
  /** One `Name: value` per line. */
  headers: string;
  /** `''` = the only entry that could take it. */
  via: string;
  upstreamVia: '' | 'endpoints' | 'clusterip';
}

/** The L7 entry on the page: Gateways/Ingresses with their proxies and status, and HTTP traces. */
export interface L7Slice {
  l7: L7View | null;
  httpForm: HttpRequestForm;
  /** Why the last request could not be traced (bad URL, ambiguous entry): a message key. */
  httpError: Say | null;
  setHttpForm(patch: Partial<HttpRequestForm>): void;
  refreshL7(): Promise<void>;
  runHttpTrace(options?: { autoplay?: boolean }): Promise<void>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const DEFAULT_HTTP_FORM: HttpRequestForm = {
  from: 'external',
  method: 'GET',
  url: '',
  headers: '',
  via: '',
  upstreamVia: '',
};

export function createL7Slice(set: SetState, get: GetState, deps: StoreDeps): L7Slice {
  return {
    l7: null,
    httpForm: DEFAULT_HTTP_FORM,
    httpError: null,
    setHttpForm(patch) {
      set({ httpForm: { ...get().httpForm, ...patch }, httpError: null });
    },
    async refreshL7() {
      try {
        const l7 = await deps.sim.l7View();
        set({ l7 });
        // Suggest a request for the first route's host so the builder is never empty.
        const f = get().httpForm;
        if (l7 && f.url === '' && l7.entries.length > 0)
          set({ httpForm: { ...f, url: l7.suggestedUrl ?? '' } });
      } catch (e) {
        set({ error: message(e) });
      }
    },
    async runHttpTrace(options = {}) {
      const f = get().httpForm;
      if (!f.url.trim()) return;
      set({ status: 'tracing', error: null, httpError: null });
      try {
        const headers = f.headers
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '');
        const r = await deps.sim.httpTrace({
          from: f.from,
          url: f.url.trim(),
          method: f.method,
          headers,
          ...(f.via ? { via: f.via } : {}),
          ...(f.upstreamVia ? { upstreamVia: f.upstreamVia } : {}),
        });
        if (r === null) return; // superseded
        if ('error' in r) {
          set({ status: 'ready', httpError: r.error });
          return;
        }
        set({ trace: r, hopIndex: 0, playing: options.autoplay ?? true, status: 'ready' });
      } catch (e) {
        set({ status: 'ready', error: message(e) });
      }
    },
  };
}
