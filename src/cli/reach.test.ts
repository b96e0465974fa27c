import { describe, expect, it } from 'vitest';
import type { ReachJson } from './query-format';
import { EXIT } from './run';
import { cli } from './testing';

/** `reach --json --compact` and the namespace-pair summary through runCli. */

const pod = (ns: string, name: string, app: string): string => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: ${ns}, labels: { app: ${app} } }
spec:
  nodeName: node-1
  containers: [{ name: c, image: nginx, ports: [{ containerPort: 80 }] }]
`;

/** Two namespaces; shop's db admits only shop/web. */
export const SHOP = `${pod('shop', 'web', 'web')}${pod('shop', 'db', 'db')}${pod('other', 'probe', 'probe')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-from-web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 80 }] }]
`;

interface CompactJson {
  pods: string[];
  matrices: { port: number; protocol: string; rows: string[] }[];
}

describe('cli reach --compact', () => {
  it('prints the same verdicts as the probe list, one row string per source Pod', () => {
    const files = { 'shop.yaml': SHOP };
    const compact = cli(['reach', '--manifests', 'shop.yaml', '--json', '--compact'], files);
    expect(compact.code).toBe(EXIT.ok);
    const c = JSON.parse(compact.out) as CompactJson;
    expect(Object.keys(c)).toEqual(['pods', 'matrices']);
    const probes = (JSON.parse(cli(['reach', '--manifests', 'shop.yaml', '--json'], files).out) as ReachJson)
      .probes;
    expect(c.matrices.length).toBeGreaterThan(0);
    for (const mx of c.matrices) {
      expect(Object.keys(mx)).toEqual(['port', 'protocol', 'rows']);
      expect(mx.rows).toHaveLength(c.pods.length);
      mx.rows.forEach((row, i) => {
        expect(row).toMatch(/^[.X]+$/);
        expect(row).toHaveLength(c.pods.length);
        for (let j = 0; j < row.length; j++) {
          const p = probes.find(
            (x) =>
              x.from === c.pods[i] && x.to === c.pods[j] && x.port === mx.port && x.protocol === mx.protocol,
          )!;
          expect(row[j] === '.', `${c.pods[i]} → ${c.pods[j]}`).toBe(p.allowed);
        }
      });
    }
    const m80 = c.matrices.find((m) => m.port === 80)!;
    const at = (a: string, b: string): string => m80.rows[c.pods.indexOf(a)]![c.pods.indexOf(b)]!;
    expect(at('shop/web', 'shop/db')).toBe('.');
    expect(at('other/probe', 'shop/db')).toBe('X');
    expect(at('shop/db', 'shop/db')).toBe('.'); // loopback
  });

  it('--compact needs --json', () => {
    const r = cli(['reach', '--compact']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/--compact goes with --json/);
  });

  it('above 60 Pods the text output is a per-namespace-pair summary', () => {
    const r = cli(['reach', '--preset', 'm', '--port', '8080']);
    expect(r.code).toBe(EXIT.ok);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^reach: \d+ Pods in \d+ namespaces, 1 port /);
    expect(r.out).toMatch(
      /TCP\/8080: [\d,]+ of [\d,]+ Pod pairs allowed; namespace pairs: [\d,]+ fully allowed, [\d,]+ partly, [\d,]+ fully denied/,
    );
    // each listed pair: from, to, "a of b"
    expect(lines.some((l) => /^ {2}\S+\s+\S+\s+[\d,]+ of [\d,]+/.test(l))).toBe(true);
  });

  it('--preset and --manifests exclude each other', () => {
    const r = cli(['reach', '--preset', 'm', '--manifests', 'x.yaml'], { 'x.yaml': SHOP });
    expect(r.code).toBe(EXIT.usage);
  });
});

interface WhatIfJson {
  flips: { from: string; to: string; port: number; protocol: string; before: string; after: string }[];
  summary: {
    fromNamespace: string;
    toNamespace: string;
    port: number;
    protocol: string;
    allowedToDenied: number;
    deniedToAllowed: number;
  }[];
}

const DENY_SHOP = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: shop }
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

describe('cli reach --what-if / --without', () => {
  const files = { 'shop.yaml': SHOP, 'deny.yaml': DENY_SHOP };
  const run = (args: string[]): ReturnType<typeof cli> =>
    cli(['reach', '--manifests', 'shop.yaml', '--port', '80', ...args], files);

  it('a default-deny flips every flow into shop/web, and the summary counts them per namespace pair', () => {
    const r = run(['--what-if', 'deny.yaml', '--json']);
    expect(r.code, r.err).toBe(EXIT.ok);
    const j = JSON.parse(r.out) as WhatIfJson;
    expect(Object.keys(j)).toEqual(['flips', 'summary']);
    const flips = j.flips.map((f) => `${f.from}>${f.to} ${f.before}>${f.after}`).sort();
    // shop/db was already isolated (only shop/web may reach it); shop/web was open to everyone
    const into = (to: string, froms: string[]): string[] => froms.map((f) => `${f}>${to} allowed>denied`);
    const others = (pods: string[]): string[] => pods.filter((p) => p !== 'shop/web');
    const all = JSON.parse(cli(['reach', '--manifests', 'shop.yaml', '--json', '--compact'], files).out)
      .pods as string[];
    expect(flips).toEqual(into('shop/web', others(all)).sort());
    for (const f of j.flips)
      expect(Object.keys(f)).toEqual(['from', 'to', 'port', 'protocol', 'before', 'after']);
    const total = j.summary.reduce((n, s) => n + s.allowedToDenied + s.deniedToAllowed, 0);
    expect(total).toBe(j.flips.length);
    expect(j.summary.find((s) => s.fromNamespace === 'other' && s.toNamespace === 'shop')).toEqual({
      fromNamespace: 'other',
      toNamespace: 'shop',
      port: 80,
      protocol: 'TCP',
      allowedToDenied: 1,
      deniedToAllowed: 0,
    });
    // --compact: the summary only
    const c = JSON.parse(run(['--what-if', 'deny.yaml', '--json', '--compact']).out) as WhatIfJson;
    expect(c).toEqual({ summary: j.summary });
  });

  it('--without deletes a policy: the Pods it isolated open up', () => {
    const j = JSON.parse(run(['--without', 'shop/db-from-web', '--json']).out) as WhatIfJson;
    expect(j.flips.length).toBeGreaterThan(0);
    for (const f of j.flips) {
      expect(f.to).toBe('shop/db');
      expect([f.before, f.after]).toEqual(['denied', 'allowed']);
    }
    expect(j.flips.map((f) => f.from)).toContain('other/probe');
    const text = run(['--without', 'shop/db-from-web']).out;
    expect(text).toMatch(/^what-if: -shop\/db-from-web/);
    expect(text).toMatch(/denied → allowed/);
  });

  it('--trace follows one flipped flow before and after, naming the hop where policy now decides', () => {
    const r = run(['--what-if', 'deny.yaml', '--trace', 'other/probe,shop/web,80/TCP']);
    expect(r.code, r.err).toBe(EXIT.ok);
    const [before, after] = r.out.split('\nafter: ');
    expect(before).toMatch(/before: delivered/);
    expect(after).toMatch(/^dropped \(POLICY_DENIED\)/);
    expect(after).toMatch(/shop\/default-deny/);
  });

  it('names what it cannot find', () => {
    expect(run(['--without', 'shop/nope']).err).toMatch(/--without: no NetworkPolicy shop\/nope/);
    expect(run(['--what-if', 'deny.yaml', '--trace', 'a,b,80']).err).toMatch(/--trace: no Pod a/);
    expect(run(['--trace', 'other/probe,shop/web,80']).err).toMatch(/--trace goes with --what-if/);
  });
});
