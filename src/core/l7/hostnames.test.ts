import { describe, expect, it } from 'vitest';
import { gatewayHostMatches, ingressHostMatches, intersectHostnames, listenerHostRank } from './hostnames';

describe('wildcards: an Ingress wildcard covers one label, a Gateway API wildcard several', () => {
  it.each([
    ['*.foo.com', 'bar.foo.com', true, true],
    ['*.foo.com', 'baz.bar.foo.com', false, true],
    ['*.foo.com', 'foo.com', false, false],
    ['foo.com', 'foo.com', true, true],
  ])('%s vs %s: Ingress %s, Gateway API %s', (pattern, host, ing, gw) => {
    expect(ingressHostMatches(pattern, host)).toBe(ing);
    expect(gatewayHostMatches(pattern, host)).toBe(gw);
  });
});

describe('listener hostname rank and route intersection (apis/v1 Listener.Hostname, HTTPRouteSpec.Hostnames)', () => {
  it('ranks exact over longer wildcards over shorter wildcards over none', () => {
    const host = 'a.b.example.com';
    const ranks = ['a.b.example.com', '*.b.example.com', '*.example.com', undefined].map((h) =>
      listenerHostRank(h, host),
    );
    expect([...ranks].sort((x, y) => y - x)).toEqual(ranks);
    expect(listenerHostRank('other.com', host)).toBe(-1);
  });
  it.each([
    [undefined, [], ['*']],
    ['foo.com', [], ['foo.com']],
    [undefined, ['a.com'], ['a.com']],
    ['very.specific.com', ['non.matching.com', '*.specific.com'], ['very.specific.com']],
    [
      '*.wildcard.io',
      ['wildcard.io', 'foo.wildcard.io', 'foo.bar.wildcard.io'],
      ['foo.wildcard.io', 'foo.bar.wildcard.io'],
    ],
    ['*.example.com', ['*.foo.example.com'], ['*.foo.example.com']],
    ['*.foo.example.com', ['*.example.com'], ['*.foo.example.com']],
    ['specific.com', ['wrong.com'], []],
  ])('listener %s ∩ route %j = %j', (l, r, want) => {
    expect(intersectHostnames(l, r)).toEqual(want);
  });
});
