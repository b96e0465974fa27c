import { stringify } from 'yaml';
import type { Engine } from '../core/engine';
import type { K8sNetworkPolicy, Protocol } from '../core/model/k8s';
import { emptyScenario, type Scenario } from '../core/model/scenario';
import {
  compilePolicies,
  declaredPorts,
  policyKey,
  policyProblems,
  type PodReachSummary,
  type PolicyEdit,
  type PortProto,
} from '../core/policy';
import { MATRIX_POD_LIMIT } from '../core/queries';
import {
  engineMatrixBlock,
  engineWhatIf,
  engineWhatIfTrace,
  policyIndexFor,
  type TraceSide,
  type WhatIfAnswer,
} from '../core/reach-view';
import type { Probe } from '../core/trace/types';
import type { Say } from '../core/trace/types';
import { exportYaml, importYaml, type ImportIssue } from '../scenario/manifests';
import { capList, moreOfTheSameKind } from '../core/model/problems';

/**
 * The worker side of the NetworkPolicy and YAML features: Kubernetes YAML in and out, one policy
 * checked as the API server would (the importer's validation, then the policy compiler's), and the
 * reachability matrix with a per-Pod summary and the what-if preview, adapted from core/reach-view
 * (the same functions the CLI and the property tests use). The page never parses YAML or evaluates policy.
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

export type { PodReachSummary };

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

const EMPTY_BASE: Scenario = emptyScenario();

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

/** The reachability matrix of one port/protocol for the matrix view: core's engineMatrixBlock, plus the choices. */
export function matrixAnswer(
  engine: Engine,
  port: number,
  protocol: Protocol,
  filter: MatrixFilter = {},
): MatrixAnswer {
  const b = engineMatrixBlock(engine, port, protocol, filter, MATRIX_POD_LIMIT);
  const pods = engine.cluster.pods;
  return {
    port,
    protocol,
    pods: b.pods,
    bits: b.bits,
    allowedCount: b.allowedCount,
    matching: b.matching,
    total: b.total,
    summary: b.summary,
    ports: declaredPorts(policyIndexFor(engine)),
    namespaces: [...new Set(pods.map((p) => p.namespace))].sort(),
  };
}

/** Above this many Pods a what-if covers only the port asked for, not every declared port. */
export const WHAT_IF_ALL_PORTS_LIMIT = 10_000;

/** The editor's change: `policy` replaces `previous` (its key before a rename; null = a new policy). */
function editsOf(policy: K8sNetworkPolicy | null, previous: string | null): PolicyEdit[] {
  const key = policy ? policyKey(policy) : previous;
  const edits: PolicyEdit[] = [];
  if (previous && previous !== key) edits.push({ key: previous, policy: null });
  if (key) edits.push({ key, policy });
  return edits;
}

/**
 * "Preview changes": what applying `policy` (or deleting `previous` when `policy` is null) would
 * flip, on every declared port (large clusters: on `port`/`protocol` only).
 */
export function whatIfAnswer(
  engine: Engine,
  policy: K8sNetworkPolicy | null,
  previous: string | null,
  port: number,
  protocol: Protocol,
): WhatIfAnswer {
  const index = policyIndexFor(engine);
  const ports =
    engine.cluster.pods.length <= WHAT_IF_ALL_PORTS_LIMIT ? declaredPorts(index) : [{ port, protocol }];
  return engineWhatIf(engine, editsOf(policy, previous), ports.length > 0 ? ports : [{ port, protocol }]);
}

/** One flipped flow traced before and after the previewed change. */
export function whatIfTraceAnswer(
  engine: Engine,
  policy: K8sNetworkPolicy | null,
  previous: string | null,
  probe: Probe,
): { before: TraceSide; after: TraceSide } {
  return engineWhatIfTrace(engine, editsOf(policy, previous), probe);
}
