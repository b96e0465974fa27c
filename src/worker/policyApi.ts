import { stringify } from 'yaml';
import type { Engine } from '../core/engine';
import type { K8sNetworkPolicy, Protocol } from '../core/model/k8s';
import { DEFAULT_CLUSTER, DEFAULT_DESIGNS, type Scenario } from '../core/model/scenario';
import {
  compilePolicies,
  computeMatrix,
  declaredPorts,
  expandBlock,
  policyProblems,
  selectingPolicies,
  type PortProto,
  type ReachabilityMatrix,
} from '../core/policy';
import { MATRIX_POD_LIMIT, policyIndexOf } from '../core/queries';
import type { Say } from '../core/trace/types';
import { exportYaml, importYaml, type ImportIssue } from '../scenario/manifests';
import { capList, moreOfTheSameKind } from '../core/model/problems';

/**
 * The worker side of the NetworkPolicy and YAML features: Kubernetes YAML in and out, one policy
 * checked as the API server would (the importer's validation, then the policy compiler's), and the
 * reachability matrix with a per-Pod summary. The page never parses YAML or evaluates policy.
 */

export interface YamlImportAnswer {
  /** The new scenario; absent when there is any error (nothing is half-applied). */
  scenario?: Scenario;
  errors: ImportIssue[];
  notices: ImportIssue[];
  /** What the import filled in, as message keys and arguments (the page translates them). */
  inferred: Say[];
}

/** One policy, checked: its YAML text and every problem with its field path. */
export interface PolicyCheck {
  policy: K8sNetworkPolicy | null;
  yaml: string;
  errors: ImportIssue[];
}

export interface MatrixFilter {
  /** Exact namespace, or '' for all. */
  namespace?: string;
  /** Substring of the Pod name. */
  name?: string;
}

/** Per Pod: which policies isolate it per direction, and how many shown Pods it can reach / be reached by. */
export interface PodReachSummary {
  pod: string;
  ingressBy: string[];
  egressBy: string[];
  /** Shown Pods (itself excluded) allowed to send to this Pod / that this Pod may send to. */
  allowedIn: number;
  allowedOut: number;
}

export interface MatrixAnswer {
  port: number;
  protocol: Protocol;
  /** Pod keys (`NS/POD`) in row/column order (rows = from, columns = to). */
  pods: string[];
  /** Row-major bitmap, `pods.length` bits per row. */
  bits: Uint8Array;
  allowedCount: number;
  /** Pods matching the filter before the MATRIX_POD_LIMIT cut. */
  matching: number;
  total: number;
  summary: PodReachSummary[];
  /** Ports some container declares (the choices offered). */
  ports: PortProto[];
  namespaces: string[];
}

const EMPTY_BASE: Scenario = {
  version: 1,
  cluster: { ...DEFAULT_CLUSTER },
  designs: { ...DEFAULT_DESIGNS },
  nodes: [],
  namespaces: [],
  pods: [],
  services: [],
  endpointSlices: [],
  networkPolicies: [],
};

/** `kubectl apply -f` of a YAML stream onto the current scenario (replace or merge). */
export function importInto(base: Scenario, text: string, mode: 'replace' | 'merge'): YamlImportAnswer {
  const r = importYaml(text, base, { mode });
  return {
    ...(r.scenario ? { scenario: r.scenario } : {}),
    errors: capIssues(r.errors),
    notices: capIssues(r.notices),
    inferred: capInferred(r.inferred),
  };
}

/** Findings sent to the page at most per list; the rest are counted in one last entry. */
export const ISSUES_SHOWN = 100;

const moreSay = (count: number): Say => ({
  key: 'problem.more',
  args: { count: count.toLocaleString('en-US') },
});

function capInferred(lines: Say[]): Say[] {
  const { items, more } = capList(lines, ISSUES_SHOWN);
  return more > 0 ? [...items, moreSay(more)] : items;
}

function capIssues(issues: ImportIssue[]): ImportIssue[] {
  const { items, more } = capList(issues, ISSUES_SHOWN);
  if (more > 0)
    items.push({
      document: 0,
      line: null,
      path: '',
      message: moreOfTheSameKind(more),
      say: moreSay(more),
      more,
    });
  return items;
}

export function exportScenario(s: Scenario): string {
  return exportYaml(s);
}

/** Compile-time problems (selectors, CIDRs, ports) of one policy, paths relative to the policy. */
function compileIssues(policy: K8sNetworkPolicy): ImportIssue[] {
  const index = compilePolicies({ pods: [], nodes: [] }, [], [policy]);
  return policyProblems(index).map((p) => ({
    document: 1,
    line: null,
    path: p.path.replace(/^networkPolicies\[[^\]]*\]\.?/, ''),
    message: p.message,
  }));
}

/**
 * Reads a YAML text that must hold exactly one NetworkPolicy (the editor's YAML side), validated
 * as the importer validates any manifest.
 */
export function policyFromYaml(text: string): PolicyCheck {
  const r = importYaml(text, EMPTY_BASE, { mode: 'replace' });
  const errors = [...r.errors];
  const s = r.scenario;
  let policy: K8sNetworkPolicy | null = null;
  if (s) {
    // The importer creates the policy's namespace when it is not declared: that one is not "other".
    const ownNs = s.networkPolicies[0]?.metadata.namespace ?? 'default';
    const others =
      s.pods.length +
      s.services.length +
      s.nodes.length +
      s.endpointSlices.length +
      s.namespaces.filter((n) => n.metadata.name !== ownNs).length;
    if (s.networkPolicies.length !== 1 || others > 0) {
      errors.push({
        document: 0,
        line: null,
        path: '',
        message: `expected exactly one NetworkPolicy, got ${s.networkPolicies.length} (and ${others} other objects)`,
      });
    } else {
      policy = s.networkPolicies[0]!;
      errors.push(...compileIssues(policy));
    }
  }
  return { policy: errors.length === 0 ? policy : null, yaml: text, errors };
}

/** Checks a policy built by the form: written out as YAML and read back through the importer. */
export function checkPolicy(candidate: unknown): PolicyCheck {
  const yaml = stringify(candidate, { lineWidth: 0 });
  const r = policyFromYaml(yaml);
  return { ...r, yaml };
}

/** The reachability matrix per port/protocol as the matrix view shows it (see engineMatrix). */
const matrixCache = new WeakMap<Engine, Map<string, ReachabilityMatrix>>();

export function matrixAnswer(
  engine: Engine,
  port: number,
  protocol: Protocol,
  filter: MatrixFilter = {},
): MatrixAnswer {
  const index = policyIndexOf(engine);
  let byPort = matrixCache.get(engine);
  if (!byPort) matrixCache.set(engine, (byPort = new Map()));
  const key = `${port}/${protocol}`;
  let m = byPort.get(key);
  if (!m) byPort.set(key, (m = computeMatrix(index, [{ port, protocol }])));
  const pods = engine.cluster.pods;
  const name = filter.name?.trim() ?? '';
  const matching = pods.filter(
    (p) => (!filter.namespace || p.namespace === filter.namespace) && (!name || p.name.includes(name)),
  );
  const chosen = matching.slice(0, MATRIX_POD_LIMIT);
  const idx = chosen.map((p) => p.index);
  const bits = expandBlock(m, 0, idx, idx);
  const n = idx.length;
  const at = (r: number, c: number): boolean => {
    const b = r * n + c;
    return (bits[b >> 3]! & (1 << (b & 7))) !== 0;
  };
  let allowedCount = 0;
  const allowedIn = new Array<number>(n).fill(0);
  const allowedOut = new Array<number>(n).fill(0);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!at(r, c)) continue;
      allowedCount++;
      if (r !== c) {
        allowedOut[r]!++;
        allowedIn[c]!++;
      }
    }
  const summary = chosen.map((p, i) => ({
    pod: `${p.namespace}/${p.name}`,
    ingressBy: selectingPolicies(index, p, 'ingress').map((x) => x.key),
    egressBy: selectingPolicies(index, p, 'egress').map((x) => x.key),
    allowedIn: allowedIn[i]!,
    allowedOut: allowedOut[i]!,
  }));
  return {
    port,
    protocol,
    pods: summary.map((s) => s.pod),
    bits,
    allowedCount,
    matching: matching.length,
    total: pods.length,
    summary,
    ports: declaredPorts(index),
    namespaces: [...new Set(pods.map((p) => p.namespace))].sort(),
  };
}
