/**
 * The L7 entry family (issue 11): Ingress and Gateway API control planes compiled into the tables a
 * proxy Pod consults, the decision it makes for one HTTP request, and the status controllers write.
 * See README.md in this folder for what each file models and its upstream source.
 */
import { decideGateway, type DecideOptions } from './gateway/decide';
import { decideIngress } from './ingress/decide';
import { gatewayHostMatches } from './hostnames';
import type { L7State } from './state';
import type { HttpRequest, L7Decision, L7Entry, L7Error, L7StatusDoc } from './types';

export type * from './types';
export type { L7State } from './state';
export type { DecideOptions } from './gateway/decide';
export { buildL7 } from './build';
export { PRECEDENCE_STEPS } from './gateway/table';
export { parseRequestUrl, isL7Error } from './request';
export { L7_IMPLEMENTATIONS, implementationById } from './implementations/registry';
export type { L7Implementation, Provisioned, ProxyDeployment } from './implementations/types';

/** Where the proxies run: one entry per served Gateway and per served IngressClass. */
export const l7Entries = (state: L7State): L7Entry[] => state.entries;

/** The `status` a controller would write (the CLI `status --json` document of issue 11). */
export const statusOf = (state: L7State): L7StatusDoc => state.status;

/**
 * The entry that takes a request when the caller did not name one: the only entry listening on
 * the request's port whose Gateway has a listener for the host (IngressClasses take any host).
 */
function pickEntry(state: L7State, req: HttpRequest): string | L7Error {
  const cands: string[] = [];
  for (const g of state.gateways) {
    const onPort = g.listeners.filter((l) => l.port === req.port);
    if (onPort.length === 0) continue;
    const hostOk = onPort.some((l) => !l.hostname || gatewayHostMatches(l.hostname, req.host));
    if (hostOk) cands.push(g.via);
  }
  for (const c of state.classes) if (req.port === 80 || req.port === 443) cands.push(c.via);
  if (cands.length === 1) return cands[0]!;
  if (cands.length === 0) {
    if (state.entries.length === 1) return state.entries[0]!.via;
    return { error: { key: 'l7.error.noEntry', args: { host: req.host, port: req.port } } };
  }
  return { error: { key: 'l7.error.ambiguousEntry', args: { candidates: cands.join(', ') } } };
}

/**
 * The L7 decision for one request at a proxy: `via` names the Gateway (`gateway/NS/NAME`) or
 * IngressClass (`ingressclass/NAME`); null picks the only one that could take it. `options` is a
 * seed for the weighted backend choice (or `{ seed, upstreamVia }`).
 */
export function decide(
  state: L7State,
  via: string | null,
  req: HttpRequest,
  options: number | DecideOptions = {},
): L7Decision | L7Error {
  const opts: DecideOptions = typeof options === 'number' ? { seed: options } : options;
  const chosen = via ?? pickEntry(state, req);
  if (typeof chosen !== 'string') return chosen;
  const gw = state.gateways.find((g) => g.via === chosen);
  if (gw) return decideGateway(state, gw, req, opts);
  const cls = state.classes.find((c) => c.via === chosen);
  if (cls) return decideIngress(state, cls, req, opts);
  return { error: { key: 'l7.error.unknownEntry', args: { via: chosen } } };
}
