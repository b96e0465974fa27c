import { wrap, type Remote } from 'comlink';
import type { Designs, Scenario } from '../core/model/scenario';
import type { Probe, Trace } from '../core/trace/types';
import { unpackTrace } from '../core/trace/wire';
import type { Topology } from '../core/topology/types';
import type { LoadResult, ShowWhat, SimApi } from './api';
import type { ResolveResult } from '../core/queries';
import type { DnsType } from '../core/dns/records';
import type { Protocol } from '../core/model/k8s';
import type { MatrixAnswer, MatrixFilter, PolicyCheck, YamlImportAnswer } from './policyApi';
import type { PresetId } from '../scenario/presets/registry';
import type { OverviewPage } from './overview';
import type { K8sNetworkPolicy } from '../core/model/k8s';
import type { TraceSide, WhatIfAnswer } from '../core/reach-view';

/**
 * The page's handle on the simulator. Traces are latest-wins: when a newer trace was requested
 * before an older one answered, the older resolves to null and the caller ignores it.
 */
export interface SimClient {
  readonly mode: 'worker' | 'in-thread';
  load(scenario: Scenario): Promise<LoadResult>;
  setDesigns(designs: Designs): Promise<Topology>;
  trace(probe: Probe, endpoint?: string): Promise<Trace | null>;
  show(netns: string, what: ShowWhat): Promise<string>;
  resolve(from: string, name: string, type?: DnsType): Promise<ResolveResult | null>;
  importYaml(text: string, mode?: 'replace' | 'merge'): Promise<YamlImportAnswer>;
  exportYaml(): Promise<string>;
  matrix(port: number, protocol: Protocol, filter?: MatrixFilter): Promise<MatrixAnswer>;
  whatIf(
    policy: K8sNetworkPolicy | null,
    previous: string | null,
    port: number,
    protocol: Protocol,
  ): Promise<WhatIfAnswer>;
  whatIfTrace(
    policy: K8sNetworkPolicy | null,
    previous: string | null,
    probe: Probe,
  ): Promise<{ before: TraceSide; after: TraceSide }>;
  checkPolicy(policy: unknown): Promise<PolicyCheck>;
  parsePolicyYaml(text: string): Promise<PolicyCheck>;
  loadPreset(id: PresetId, seed: number): Promise<LoadResult>;
  focus(nodes: string[]): Promise<Topology>;
  overview(page: number): Promise<OverviewPage>;
  locatePod(key: string): Promise<{ node: string; page: number } | null>;
  dispose(): void;
}

export interface SimClientOptions {
  /** Run the engine on the page's thread (tests, or a browser without module workers). */
  inThread?: boolean;
  /** Called when the worker itself fails (script error): pending calls would otherwise hang. */
  onFatal?: (message: string) => void;
}

export function createSimClient(options: SimClientOptions = {}): SimClient {
  let worker: Worker | null = null;
  let api: Promise<SimApi | Remote<SimApi>>;
  const useWorker = !options.inThread && typeof Worker !== 'undefined';
  if (useWorker) {
    worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (e) => options.onFatal?.(e.message || 'the simulator worker failed'));
    api = Promise.resolve(wrap<SimApi>(worker));
  } else {
    api = import('./sim.worker').then((m) => m.createSimApi());
  }

  let latestTrace = 0;
  return {
    mode: useWorker ? 'worker' : 'in-thread',
    load: async (scenario) => (await api).load(scenario),
    setDesigns: async (designs) => (await api).setDesigns(designs),
    async trace(probe, endpoint) {
      const seq = ++latestTrace;
      const packed = await (await api).trace(probe, endpoint);
      return seq === latestTrace ? unpackTrace(packed) : null;
    },
    show: async (netns, what) => (await api).show(netns, what),
    resolve: async (from, name, type) => (await api).resolve(from, name, type),
    importYaml: async (text, mode) => (await api).importYaml(text, mode),
    exportYaml: async () => (await api).exportYaml(),
    matrix: async (port, protocol, filter) => (await api).matrix(port, protocol, filter),
    whatIf: async (policy, previous, port, protocol) => (await api).whatIf(policy, previous, port, protocol),
    whatIfTrace: async (policy, previous, probe) => (await api).whatIfTrace(policy, previous, probe),
    checkPolicy: async (policy) => (await api).checkPolicy(policy),
    parsePolicyYaml: async (text) => (await api).parsePolicyYaml(text),
    loadPreset: async (id, seed) => (await api).loadPreset(id, seed),
    focus: async (nodes) => (await api).focus(nodes),
    overview: async (page) => (await api).overview(page),
    locatePod: async (key) => (await api).locatePod(key),
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}
