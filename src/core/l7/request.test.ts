import { describe, expect, it } from 'vitest';
import { parseRequestUrl } from './request';

describe('parseRequestUrl', () => {
  it('splits a URL into the request a client sends (Host without port, default port by scheme)', () => {
    expect(parseRequestUrl('http://Foo.Example.com/shop/cart?a=1&b=2', 'get', ['X-Env: canary'])).toEqual({
      method: 'GET',
      host: 'foo.example.com',
      port: 80,
      path: '/shop/cart',
      query: 'a=1&b=2',
      headers: { 'x-env': 'canary' },
      scheme: 'http',
    });
    const r = parseRequestUrl('https://foo.example.com:8443');
    expect(r).toMatchObject({ host: 'foo.example.com', port: 8443, path: '/', query: '', scheme: 'https' });
    expect(parseRequestUrl('https://a.b')).toMatchObject({ port: 443 });
  });

  it('combines repeated header fields with commas and rejects malformed input as data', () => {
    expect(parseRequestUrl('http://a/', 'GET', ['x-a: 1', 'X-A: 2'])).toMatchObject({
      headers: { 'x-a': '1,2' },
    });
    expect(parseRequestUrl('ftp://a/')).toEqual({
      error: { key: 'l7.request.badUrl', args: { url: 'ftp://a/' } },
    });
    expect(parseRequestUrl('http://a:99999/')).toMatchObject({ error: { key: 'l7.request.badPort' } });
    expect(parseRequestUrl('http://a/', 'GET', ['no colon'])).toMatchObject({
      error: { key: 'l7.request.badHeader' },
    });
    expect(parseRequestUrl('http://a/', 'G T')).toMatchObject({ error: { key: 'l7.request.badMethod' } });
  });
});
