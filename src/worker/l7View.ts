import { parseDocument, stringify } from 'yaml';
import type { Engine } from '../core/engine';
import type { L7Entry, L7StatusDoc } from '../core/l7/types';

/** A route's manifest as YAML, with the line range of each rule (1-based, inclusive) to highlight. */
export interface L7RouteView {
  /** `NS/NAME`. */
  key: string;
  kind: 'HTTPRoute' | 'Ingress';
  yaml: string;
  /** HTTPRoute: `spec.rules[i]`; Ingress: `spec.rules[r].http.paths[p]`, flattened in order. */
  rules: [number, number][];
  /** Hostnames the route names (HTTPRoute `spec.hostnames`, Ingress `spec.rules[].host`). */
  hosts: string[];
}

/** What the page shows of the L7 entry: the proxies, the status controllers write, the routes. */
export interface L7View {
  entries: L7Entry[];
  status: L7StatusDoc;
  routes: L7RouteView[];
  /** A request the first route would take (the builder's starting URL), or null. */
  suggestedUrl: string | null;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Line ranges of the nodes at these paths in a YAML text. */
function ranges(text: string, paths: (string | number)[][]): [number, number][] {
  const doc = parseDocument(text);
  return paths.map((p) => {
    const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return [0, 0];
    // A node's range ends after its trailing newline: the last line is the one before.
    return [
      lineOf(text, node.range[0]),
      Math.max(lineOf(text, node.range[0]), lineOf(text, node.range[1] - 1)),
    ];
  });
}

/** A URL the first HTTPRoute (or Ingress rule) matches, on its Gateway listener's port and scheme. */
function suggest(engine: Engine): string | null {
  const l7 = engine.cluster.scenario.l7;
  const r = l7?.httpRoutes[0];
  if (r) {
    const parent = r.spec.parentRefs?.[0];
    const gw = l7!.gateways.find(
      (g) =>
        g.metadata.name === parent?.name &&
        (g.metadata.namespace ?? 'default') === (parent?.namespace ?? r.metadata.namespace ?? 'default'),
    );
    const listener = gw?.spec.listeners.find((l) => !parent?.sectionName || l.name === parent.sectionName);
    const host = r.spec.hostnames?.[0] ?? listener?.hostname ?? 'www.example.com';
    const path = r.spec.rules?.[0]?.matches?.[0]?.path?.value ?? '/';
    const port = listener?.port ?? 80;
    const https = listener?.protocol === 'HTTPS';
    const scheme = https ? 'https' : 'http';
    const shown = (https && port === 443) || (!https && port === 80) ? '' : `:${port}`;
    return `${scheme}://${host.replace(/^\*\./, 'www.')}${shown}${path}`;
  }
  const ing = l7?.ingresses[0];
  if (ing) {
    const rule = ing.spec.rules?.[0];
    return `http://${(rule?.host ?? 'www.example.com').replace(/^\*\./, 'www.')}${rule?.http?.paths[0]?.path ?? '/'}`;
  }
  return null;
}

/** The L7 view of the loaded scenario (built in the worker; small plain JSON). */
export function l7View(engine: Engine): L7View {
  const l7 = engine.cluster.scenario.l7;
  const state = engine.l7;
  const routes: L7RouteView[] = [];
  for (const r of l7?.httpRoutes ?? []) {
    const yaml = stringify(r);
    const paths = (r.spec.rules ?? []).map((_, i) => ['spec', 'rules', i]);
    routes.push({
      key: `${r.metadata.namespace ?? 'default'}/${r.metadata.name}`,
      kind: 'HTTPRoute',
      yaml,
      rules: ranges(yaml, paths),
      hosts: r.spec.hostnames ?? [],
    });
  }
  for (const ing of l7?.ingresses ?? []) {
    const yaml = stringify(ing);
    const paths: (string | number)[][] = [];
    (ing.spec.rules ?? []).forEach((rule, ri) =>
      (rule.http?.paths ?? []).forEach((_, pi) => paths.push(['spec', 'rules', ri, 'http', 'paths', pi])),
    );
    routes.push({
      key: `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`,
      kind: 'Ingress',
      yaml,
      rules: ranges(yaml, paths),
      hosts: (ing.spec.rules ?? []).flatMap((rule) => (rule.host ? [rule.host] : [])),
    });
  }
  return { entries: state.entries, status: state.status, routes, suggestedUrl: suggest(engine) };
}
