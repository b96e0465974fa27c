import type { Problem } from '../core/model/cluster';
import type { K8sNetworkPolicy, Protocol } from '../core/model/k8s';
import type { TraceSide, WhatIfAnswer } from '../core/reach-view';
import type { Probe } from '../core/trace/types';
import type { PolicyPicture } from '../core/policy';
import type { Say } from '../core/trace/types';
import type { ImportIssue } from '../scenario/manifests';
import type { MatrixAnswer, PolicyCheck } from '../worker/policyApi';
import { emptiesCluster, scenarioChange, type ScenarioChange } from '../scenario/change';
import type { GetState, SetState, StoreDeps } from './types';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface MatrixOptions {
  port: number;
  protocol: Protocol;
  namespace: string;
  name: string;
}

/** The outcome of the last YAML import, as the import panel lists it. */
export interface YamlOutcome {
  mode: 'replace' | 'merge';
  applied: boolean;
  errors: ImportIssue[];
  notices: ImportIssue[];
  inferred: Say[];
  /** What the applied import changed (counts per kind), for "3 Services added, …". */
  change?: ScenarioChange;
  /**
   * A replace that would leave no Pods was not applied: the page asks first (`importYaml` again
   * with `allowEmpty`, or as a merge). Holds the node count the result would have.
   */
  confirmEmpty?: { nodes: number };
}

/** NetworkPolicy editing, YAML import/export and the reachability matrix. */
export interface PolicySlice {
  yamlOutcome: YamlOutcome | null;
  yamlBusy: boolean;
  importYaml(
    text: string,
    mode: 'replace' | 'merge',
    options?: { allowEmpty?: boolean },
  ): Promise<YamlOutcome>;
  /** Forgets the last outcome (the user cancelled a pending confirmation). */
  clearYamlOutcome(): void;
  exportYaml(): Promise<string | null>;
  matrixOptions: MatrixOptions;
  matrix: MatrixAnswer | null;
  matrixBusy: boolean;
  setMatrixOptions(patch: Partial<MatrixOptions>): void;
  refreshMatrix(): Promise<void>;
  /** The editor's validation, by the worker: a policy from the form, or its YAML side. */
  checkPolicy(policy: unknown): Promise<PolicyCheck>;
  parsePolicyYaml(text: string): Promise<PolicyCheck>;
  /** Preview: what applying `policy` in place of `previous` would flip (on the matrix's port at scale). */
  whatIf(policy: K8sNetworkPolicy | null, previous: string | null): Promise<WhatIfAnswer>;
  /** Preview: one flipped flow traced before and after the change. */
  whatIfTrace(
    policy: K8sNetworkPolicy | null,
    previous: string | null,
    probe: Probe,
  ): Promise<{ before: TraceSide; after: TraceSide }>;
  /** The diagram's data for one policy (`ns/name`). */
  policyPicture(key: string): Promise<PolicyPicture | null>;
  /** A matrix cell: trace that flow on the matrix's port/protocol. */
  traceCell(from: string, to: string): Promise<void>;
}

const asIssue = (p: Problem): ImportIssue =>
  p.say
    ? { document: 0, line: null, path: p.path, message: p.message, say: p.say }
    : { document: 0, line: null, path: p.path, message: p.message };

export function createPolicySlice(set: SetState, get: GetState, deps: StoreDeps): PolicySlice {
  let latestMatrix = 0;

  return {
    yamlOutcome: null,
    yamlBusy: false,
    clearYamlOutcome() {
      set({ yamlOutcome: null });
    },
    async importYaml(text, mode, options = {}) {
      set({ yamlBusy: true });
      let outcome: YamlOutcome;
      try {
        const r = await deps.sim.importYaml(text, mode);
        outcome = { mode, applied: false, errors: r.errors, notices: r.notices, inferred: r.inferred };
        const scenario = r.scenario;
        const before = get().scenario;
        if (scenario && mode === 'replace' && !options.allowEmpty && emptiesCluster(before, scenario)) {
          // Replacing with objects that hold no Pods (only Ingress/Gateway, say) would empty the
          // cluster: nothing is applied until the user says so.
          outcome = { ...outcome, confirmEmpty: { nodes: scenario.nodes.length } };
        } else if (scenario) {
          // An undoable edit (history slice): the worker validates it first, and on problems the
          // current scenario stays.
          const done = await get().applyEdit(() => scenario);
          if (done.ok) get().markImported();
          outcome = done.ok
            ? { ...outcome, applied: true, change: scenarioChange(before, scenario) }
            : { ...outcome, errors: [...outcome.errors, ...done.problems.map(asIssue)] };
        }
      } catch (e) {
        outcome = {
          mode,
          applied: false,
          errors: [{ document: 0, line: null, path: '', message: message(e) }],
          notices: [],
          inferred: [],
        };
      }
      set({ yamlOutcome: outcome, yamlBusy: false });
      return outcome;
    },
    async exportYaml() {
      try {
        return await deps.sim.exportYaml();
      } catch (e) {
        set({ error: message(e) });
        return null;
      }
    },
    matrixOptions: { port: 9090, protocol: 'TCP', namespace: '', name: '' },
    matrix: null,
    matrixBusy: false,
    setMatrixOptions(patch) {
      set((s) => ({ matrixOptions: { ...s.matrixOptions, ...patch } }));
      void get().refreshMatrix();
    },
    async refreshMatrix() {
      if (!get().topology) return;
      const { port, protocol, namespace, name } = get().matrixOptions;
      const seq = ++latestMatrix;
      set({ matrixBusy: true });
      try {
        const m = await deps.sim.matrix(port, protocol, { namespace, name });
        if (seq !== latestMatrix) return; // a newer request is on its way
        set({ matrix: m, matrixBusy: false });
      } catch (e) {
        if (seq === latestMatrix) set({ matrixBusy: false, error: message(e) });
      }
    },
    checkPolicy: (policy) => deps.sim.checkPolicy(policy),
    parsePolicyYaml: (text) => deps.sim.parsePolicyYaml(text),
    whatIf(policy, previous) {
      const { port, protocol } = get().matrixOptions;
      return deps.sim.whatIf(policy, previous, port, protocol);
    },
    policyPicture: (key) => deps.sim.policyPicture(key),
    whatIfTrace: (policy, previous, probe) => deps.sim.whatIfTrace(policy, previous, probe),
    async traceCell(from, to) {
      const { port, protocol } = get().matrixOptions;
      get().setProbe({ from, to, port, protocol });
      await get().runTrace({ autoplay: true });
    },
  };
}
