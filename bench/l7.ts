/**
 * L7 bench (issue 11): the Gateway API routing decision with 1,000 HTTPRoutes × 10 rules attached to
 * one listener. Bars: build (attachment, status, the sorted route table) ≤ 200 ms; decision p95
 * ≤ 1 ms per request. Requests are a seeded mix of hits deep in the table, header and query
 * matches, and misses that scan the whole table (404).
 */
import { cpus, loadavg } from 'node:os';
import { buildL7, decide, type HttpRequest } from '../src/core/l7';
import type { HTTPRouteRule, K8sHTTPRoute } from '../src/core/model/l7';
import { backend, gateway, http, route, scenarioOf } from '../src/core/l7/testing';
import { fmt, percentile, rng, table, time } from './util';

const ROUTES = 1000;
const RULES = 10;
const REQUESTS = 5000;

function routes(): K8sHTTPRoute[] {
  const out: K8sHTTPRoute[] = [];
  for (let r = 0; r < ROUTES; r++) {
    const rules: HTTPRouteRule[] = [];
    for (let k = 0; k < RULES; k++) {
      const m = k % 4;
      rules.push({
        matches: [
          {
            path: { type: m === 0 ? 'Exact' : 'PathPrefix', value: `/svc-${r}/v${k}` },
            ...(m === 2 ? { headers: [{ name: 'x-env', value: `e${k}` }] } : {}),
            ...(m === 3 ? { queryParams: [{ name: 'q', value: `${k}` }], method: 'POST' } : {}),
          },
        ],
        backendRefs: [
          { name: `svc-${r % 50}`, port: 80, weight: 90 },
          { name: `svc-${(r + 1) % 50}`, port: 80, weight: 10 },
        ],
      });
    }
    const created = `2024-01-${String(1 + (r % 28)).padStart(2, '0')}T00:00:00Z`;
    out.push(route(`route-${r}`, 'apps', [{ name: 'gw', namespace: 'infra' }], rules, undefined, created));
  }
  return out;
}

export function benchL7(): void {
  const gw = gateway('gw', 'infra', [http('http', { allowedRoutes: { namespaces: { from: 'All' } } })]);
  const backends = Array.from({ length: 50 }, (_, i) => backend('apps', `svc-${i}`, 80, 2));
  const scenario = scenarioOf({ l7: { gateways: [gw], httpRoutes: routes() }, backends });
  const builds: number[] = [];
  const cold = time(() => buildL7(scenario));
  let state = cold.value;
  for (let i = 0; i < 9; i++) {
    const b = time(() => buildL7(scenario));
    builds.push(b.ms);
    state = b.value;
  }
  const next = rng(11);
  const reqs: HttpRequest[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const r = Math.floor(next() * ROUTES);
    const k = Math.floor(next() * RULES);
    const miss = next() < 0.2;
    reqs.push({
      method: k % 4 === 3 ? 'POST' : 'GET',
      host: 'shop.example',
      port: 80,
      path: miss ? `/nowhere/${i}` : `/svc-${r}/v${k}${k % 4 === 0 ? '' : '/x'}`,
      query: k % 4 === 3 ? `q=${k}` : '',
      headers: k % 4 === 2 ? { 'x-env': `e${k}` } : {},
    });
  }
  const ms: number[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < reqs.length; i++) {
    const d = time(() => decide(state, 'gateway/infra/gw', reqs[i]!, i));
    ms.push(d.ms);
    const st = 'error' in d.value ? -1 : d.value.status;
    statuses.set(st, (statuses.get(st) ?? 0) + 1);
  }
  const entries = state.gateways[0]!.listeners[0]!.table.length;
  console.log(
    `\n## L7 routing decision (${ROUTES} HTTPRoutes × ${RULES} rules on one listener, ${entries} matches)\n`,
  );
  console.log(
    table([
      ['measure', 'p50 ms', 'p95 ms', 'max ms', 'bar'],
      ['first build (cold JIT)', fmt(cold.ms), '', '', ''],
      [
        'build (attach, status, sorted table)',
        fmt(percentile(builds, 50)),
        fmt(percentile(builds, 95)),
        fmt(Math.max(...builds)),
        '≤ 200 ms',
      ],
      [
        `decide (${REQUESTS} requests)`,
        fmt(percentile(ms, 50), 3),
        fmt(percentile(ms, 95), 3),
        fmt(Math.max(...ms), 3),
        '≤ 1 ms p95',
      ],
    ]),
  );
  const load = loadavg()[0]!;
  console.log(`load average ${fmt(load)} on ${cpus().length} cores (timings scale with it)`);
  console.log(`statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
}
