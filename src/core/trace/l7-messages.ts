import type { Say } from './types';

/**
 * English sentences for the L7 decision (why a rule won, request errors) that core/l7 returns as
 * keys. The CLI prints these; the page translates the same keys (src/i18n/l7.ts).
 */
export const L7_MESSAGES = {
  'l7.why.only': 'rule {rule} of {route} is the only rule that matches',
  'l7.why.exactPath':
    'an Exact path match wins over a prefix ({route} rule {rule} over {other} rule {otherRule})',
  'l7.why.regexPath':
    'a path match of a stronger type wins ({route} rule {rule} over {other} rule {otherRule})',
  'l7.why.longerPrefix': 'the longest path prefix wins: {path} over {otherPath} ({other} rule {otherRule})',
  'l7.why.method': 'a match on the method ({method}) wins over one without ({other} rule {otherRule})',
  'l7.why.moreHeaders': 'more header matches win: {n} over {otherN} ({other} rule {otherRule})',
  'l7.why.moreQuery': 'more query-parameter matches win: {n} over {otherN} ({other} rule {otherRule})',
  'l7.why.olderRoute': 'the oldest route wins the tie: {route} was created before {other}',
  'l7.why.routeName': 'on a tie the route first by namespace/name wins: {route} before {other}',
  'l7.why.ruleOrder': 'on a tie within {route} the earlier rule wins: {rule} before {otherRule}',
  'l7.why.matchOrder': 'on a tie the earlier match of rule {rule} of {route} wins',
  'l7.why.noRoute': 'no route attached to this listener matches {host}{path}',
  'l7.why.noListenerHost': 'no listener on port {port} accepts the host {host}',
  'l7.why.ingressOnly': 'the only path that matches is {path} ({type})',
  'l7.why.ingressLongest': 'the longest matching path wins: {path} over {other}',
  'l7.why.ingressExactOverPrefix': 'an Exact path {path} wins over a Prefix of the same length',
  'l7.why.ingressDefaultBackend': 'no path matches, so the defaultBackend of {ingress} takes it',
  'l7.why.ingressNoMatch': 'no Ingress rule matches {host}{path} and there is no default backend',
  'l7.why.sslRedirect': '{host} is listed under spec.tls, so plain HTTP is redirected to HTTPS',
  'l7.error.ambiguousEntry':
    'more than one Gateway or IngressClass could take this request ({candidates}): choose one with --via',
  'l7.error.noEntry': 'no Gateway or IngressClass takes requests for {host} on port {port}',
  'l7.error.noListenerPort': '{via} has no listener on port {port}',
  'l7.error.unknownEntry': 'no Gateway or IngressClass called {via} is served by a modelled proxy',
  'l7.error.noProxyPods': '{via} has no proxy Pods behind {service}',
  'l7.error.noL7': 'this scenario has no Gateway or Ingress served by a modelled proxy',
  'l7.request.badUrl': 'not an http:// or https:// URL: {url}',
  'l7.request.badPort': 'bad port in the URL: {port}',
  'l7.request.badMethod': 'bad HTTP method: {method}',
  'l7.request.badHeader': 'bad header (expected "Name: value"): {header}',
} as const;

/** The English sentence of an L7 key (the key itself when unknown, so nothing is ever blank). */
export function l7English(m: Say): string {
  const tpl = (L7_MESSAGES as Record<string, string>)[m.key];
  if (tpl === undefined) return m.key;
  return tpl.replace(/\{(\w+)\}/g, (_, name: string) => String(m.args[name] ?? ''));
}
