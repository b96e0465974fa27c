import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run';
import { buildEngine } from '../core/engine';
import type { K8sNetworkPolicy } from '../core/model/k8s';
import { DEFAULT_CLUSTER, type Scenario } from '../core/model/scenario';
import { compactRows, computeMatrix, declaredPorts } from '../core/policy';
import { policyIndexFor } from '../core/reach-view';
import { exportYaml } from '../scenario/manifests';
import { generateScenario } from '../scenario/presets/generate';
import { matrixAnswer, whatIfAnswer } from './policyApi';

/**
 * The page's matrix and what-if (the worker's answers) against the CLI's on the same clusters:
 * one core path, so they must agree cell for cell and count for count.
 */

function cliRun(args: string[], files: Record<string, string>): string {
  let out = '';
  const code = runCli(args, {
    stdout: (t) => (out += t),
    stderr: () => {},
    readFile: (p) => files[p]!,
  });
  expect(code).toBe(0);
  return out;
}

const scenarioArb = fc
  .record({
    nodes: fc.integer({ min: 2, max: 4 }),
    pods: fc.integer({ min: 8, max: 40 }),
    policies: fc.integer({ min: 0, max: 12 }),
    seed: fc.nat(10_000),
  })
  .map(({ nodes, pods, policies, seed }) =>
    generateScenario({ nodes, pods, services: 3, policies, cluster: { ...DEFAULT_CLUSTER } }, seed),
  );

const bit = (bits: Uint8Array, b: number): boolean => (bits[b >> 3]! & (1 << (b & 7))) !== 0;

describe('the page matrix is the CLI matrix', () => {
  it('property: every cell of matrixAnswer equals reach --json --compact, on random generated clusters', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario: Scenario) => {
        const engine = buildEngine(scenario).engine!;
        const files = { 'c.yaml': exportYaml(scenario) };
        const cli = JSON.parse(cliRun(['reach', '--manifests', 'c.yaml', '--json', '--compact'], files)) as {
          pods: string[];
          matrices: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP'; rows: string[] }[];
        };
        for (const mx of cli.matrices) {
          const page = matrixAnswer(engine, mx.port, mx.protocol);
          expect(page.pods).toEqual(cli.pods);
          const n = page.pods.length;
          for (let r = 0; r < n; r++)
            for (let c = 0; c < n; c++)
              expect(bit(page.bits, r * n + c), `${page.pods[r]} → ${page.pods[c]} ${mx.port}`).toBe(
                mx.rows[r]![c] === '.',
              );
        }
      }),
      { numRuns: 12 },
    );
  });

  it('property: the page what-if summary equals reach --what-if --json, and leaves the matrix as it was', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.boolean(), (scenario, pick, del) => {
        const engine = buildEngine(scenario).engine!;
        const ns = scenario.pods[pick % scenario.pods.length]!.metadata.namespace ?? 'default';
        const existing = scenario.networkPolicies[pick % Math.max(1, scenario.networkPolicies.length)];
        const files: Record<string, string> = { 'c.yaml': exportYaml(scenario) };
        let page;
        let args: string[];
        const ports = declaredPorts(policyIndexFor(engine));
        const rows = (): string[][] => {
          const m = computeMatrix(policyIndexFor(engine), ports);
          return ports.map((_, l) => [...compactRows(m, l)]);
        };
        const before = rows();
        if (del && existing) {
          const key = `${existing.metadata.namespace ?? 'default'}/${existing.metadata.name}`;
          page = whatIfAnswer(engine, null, key, 80, 'TCP');
          args = ['--without', key];
        } else {
          const deny: K8sNetworkPolicy = {
            apiVersion: 'networking.k8s.io/v1',
            kind: 'NetworkPolicy',
            metadata: { name: 'preview-deny', namespace: ns },
            spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
          };
          files['p.yaml'] = exportYaml({
            ...scenario,
            nodes: [],
            pods: [],
            services: [],
            endpointSlices: [],
            namespaces: [],
            networkPolicies: [deny],
          });
          page = whatIfAnswer(engine, deny, null, 80, 'TCP');
          args = ['--what-if', 'p.yaml'];
        }
        const cli = JSON.parse(
          cliRun(['reach', '--manifests', 'c.yaml', ...args, '--json', '--compact'], files),
        ) as {
          summary: {
            allowedToDenied: number;
            deniedToAllowed: number;
            fromNamespace: string;
            toNamespace: string;
            port: number;
          }[];
        };
        const strip = (g: (typeof page.groups)[number]) => {
          const { flows, ...rest } = g;
          expect(flows.length).toBeLessThanOrEqual(g.allowedToDenied + g.deniedToAllowed);
          return rest;
        };
        expect(page.groups.map(strip)).toEqual(cli.summary.slice(0, 50));
        // the preview restored the engine's policies: recomputed from the index, the matrix is what it was
        expect(rows()).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });
});
