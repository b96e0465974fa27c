import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HTTPRouteMatch, HTTPRouteRule, K8sHTTPRoute } from '../model/l7';
import { compileMatch, comparePrecedence } from './gateway/table';
import { matchTakes, parseQuery } from './gateway/match';
import { buildL7, decide } from './index';
import type { CompiledMatch, L7State } from './state';
import { backend, gateway, http, route, scenarioOf } from './testing';
import type { HttpRequest, L7Decision } from './types';

/**
 * Properties of the Gateway API routing decision over random routes on one listener
 * (issue 11): a request is answered by at most one rule, and it is the best one by the spec's
 * precedence (checked against a brute-force oracle over the route objects); adding a
 * lower-precedence rule never changes a matched request; removing a route never turns another
 * request into a 500.
 */

const NS = 'p';
const GW = gateway('gw', NS, [http('http')]);
const BACKENDS = [backend(NS, 'ok-a', 80), backend(NS, 'ok-b', 80), backend(NS, 'empty', 80, 0)];

const paths = fc.constantFrom('/', '/a', '/a/', '/a/b', '/ab', '/b');
const header = fc.record({ name: fc.constantFrom('X-A', 'x-b'), value: fc.constantFrom('1', '2') });
const query = fc.record({ name: fc.constantFrom('q', 'r'), value: fc.constantFrom('1', '2') });
const matchArb: fc.Arbitrary<HTTPRouteMatch> = fc.record(
  {
    path: fc.record({ type: fc.constantFrom('Exact' as const, 'PathPrefix' as const), value: paths }),
    headers: fc.array(header, { maxLength: 2 }),
    queryParams: fc.array(query, { maxLength: 2 }),
    method: fc.constantFrom('GET', 'POST'),
  },
  { requiredKeys: [] },
);
const ruleArb = (services: string[]): fc.Arbitrary<HTTPRouteRule> =>
  fc.record({
    matches: fc.array(matchArb, { minLength: 0, maxLength: 2 }),
    backendRefs: fc.array(
      fc.record({
        name: fc.constantFrom(...services),
        port: fc.constant(80),
        weight: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  });
const routesArb = (services: string[]): fc.Arbitrary<K8sHTTPRoute[]> =>
  fc
    .array(
      fc.record({
        rules: fc.array(ruleArb(services), { minLength: 1, maxLength: 3 }),
        created: fc.option(fc.constantFrom('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'), {
          nil: undefined,
        }),
        hosts: fc.option(fc.constantFrom<string[]>(['a.example'], ['*.example']), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((rs) => rs.map((r, i) => route(`r${i}`, NS, [{ name: 'gw' }], r.rules, r.hosts, r.created)));

const requestArb: fc.Arbitrary<HttpRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  host: fc.constantFrom('a.example', 'b.example', 'other'),
  port: fc.constant(80),
  path: fc.constantFrom('/', '/a', '/a/', '/a/b', '/a/b/c', '/ab', '/b', '/c'),
  query: fc.constantFrom('', 'q=1', 'q=2&r=1', 'r=2'),
  headers: fc.dictionary(fc.constantFrom('x-a', 'x-b'), fc.constantFrom('1', '2'), { maxKeys: 2 }),
});

const build = (routes: K8sHTTPRoute[]): L7State =>
  buildL7(scenarioOf({ l7: { gateways: [GW], httpRoutes: routes }, backends: BACKENDS }));
const run = (s: L7State, r: HttpRequest, seed = 7): L7Decision => {
  const d = decide(s, 'gateway/p/gw', r, seed);
  if ('error' in d) throw new Error(d.error.key);
  return d;
};

/** The oracle: every match (of every rule of every route) that takes the request, best first, from the objects. */
function oracle(s: L7State, routes: K8sHTTPRoute[], r: HttpRequest): CompiledMatch[] {
  const q = parseQuery(r.query);
  const all = routes.flatMap((rt, ri) =>
    (rt.spec.rules ?? []).flatMap((rule, ki) =>
      (rule.matches?.length ? rule.matches : [{}]).map((m, mi) =>
        compileMatch(ri, ki, mi, m, rt.spec.hostnames?.length ? rt.spec.hostnames : ['*']),
      ),
    ),
  );
  return all.filter((m) => matchTakes(m, r, q)).sort((a, b) => comparePrecedence(a, b, s.routes));
}

describe('routing decision properties', () => {
  it('a request is answered by at most one rule, the best by precedence', () => {
    fc.assert(
      fc.property(routesArb(['ok-a', 'ok-b', 'missing', 'empty']), requestArb, (routes, r) => {
        const s = build(routes);
        const d = run(s, r);
        const taken = oracle(s, routes, r);
        const best = taken[0];
        if (!best) {
          expect([d.status, d.route, d.rule]).toEqual([404, null, null]);
          return;
        }
        const key = (i: number): string => `${NS}/${routes[i]!.metadata.name}`;
        expect([d.route, d.rule]).toEqual([key(best.route), best.rule]);
        // No other rule ties with the winner: each ranks strictly below it.
        const others = taken.filter((x) => x.route !== best.route || x.rule !== best.rule);
        for (const o of others) expect(comparePrecedence(best, o, s.routes)).toBeLessThan(0);
        expect(d.precedence.key === 'l7.why.only').toBe(others.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a lower-precedence rule never changes a matched request', () => {
    fc.assert(
      fc.property(
        routesArb(['ok-a', 'ok-b', 'missing']),
        requestArb,
        ruleArb(['ok-a', 'ok-b', 'missing']),
        (routes, r, extra) => {
          const s = build(routes);
          const before = run(s, r);
          fc.pre(before.route !== null);
          const best = oracle(s, routes, r)[0]!;
          const winner = routes[best.route]!;
          const wms = winner.spec.rules![best.rule]!.matches;
          const wm = (wms?.length ? wms : [{}]).map((m, i) =>
            compileMatch(best.route, best.rule, i, m, winner.spec.hostnames ?? ['*']),
          );
          const added = route('zz-added', NS, [{ name: 'gw' }], [extra], undefined, '2099-01-01T00:00:00Z');
          const idx = routes.length;
          const am = (extra.matches?.length ? extra.matches : [{}]).map((m, i) =>
            compileMatch(idx, 0, i, m, ['*']),
          );
          const after = build([...routes, added]);
          // Only rules every one of whose matches ranks below every match of the winning rule.
          fc.pre(am.every((a) => wm.every((w) => comparePrecedence(w, a, after.routes) < 0)));
          const d = run(after, r);
          expect([d.route, d.rule, d.status, d.backend]).toEqual([
            before.route,
            before.rule,
            before.status,
            before.backend,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('removing a route never makes another request 500', () => {
    fc.assert(
      fc.property(routesArb(['ok-a', 'ok-b']), requestArb, fc.nat(), (routes, r, pick) => {
        const gone = pick % routes.length;
        const s = build(routes);
        const before = run(s, r);
        const rest = routes.filter((_, i) => i !== gone);
        const d = run(build(rest), r);
        const removedKey = `${NS}/${routes[gone]!.metadata.name}`;
        if (before.route !== removedKey) {
          // Another route answered: the same rule still does, with the same answer.
          expect([d.route, d.rule, d.status]).toEqual([before.route, before.rule, before.status]);
        }
        // All backends are valid here: a 500 could only come from weights that are all 0.
        if (d.status === 500) {
          const rt = rest.find((x) => `${NS}/${x.metadata.name}` === d.route)!;
          expect(rt.spec.rules![d.rule!]!.backendRefs!.every((b) => (b.weight ?? 1) === 0)).toBe(true);
          expect(before.status === 500 && before.route === d.route).toBe(before.route !== removedKey);
        }
      }),
      { numRuns: 300 },
    );
  });
});
