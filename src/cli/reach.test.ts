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
