import type { Designs, Scenario } from '../core/model/scenario';
import type { Problem } from '../core/model/cluster';
import type { Probe } from '../core/trace/types';
import type { PackedTrace } from '../core/trace/wire';
import type { HttpProbe, HttpTraceError } from '../core/trace/http-trace';
import type { L7View } from './l7View';
import type { Topology } from '../core/topology/types';
import type { ResolveResult } from '../core/queries';
import type { DnsType } from '../core/dns/records';

import type { ShowWhat } from '../core/show';
import type { Protocol } from '../core/model/k8s';
import type { MatrixAnswer, MatrixFilter, PolicyCheck, YamlImportAnswer } from './policyApi';
import type { K8sNetworkPolicy } from '../core/model/k8s';
import type { TraceSide, WhatIfAnswer } from '../core/reach-view';
import type { PolicyPicture } from '../core/policy';
import type { PresetId } from '../scenario/presets/registry';
import type { OverviewMap, PodMatch } from './overview';
import type { OpenResult } from '../scenario/codec';
import type { Difference } from '../core/compare/diff';

/** Compare mode's answer: pane B's topology, both traces (wire form), the differences and the hop alignment. */
export interface CompareAnswer {
  topology: Topology;
  a: PackedTrace;
  b: PackedTrace;
  differences: Difference[];
  align: number[];
}

export type { ShowWhat };

/** Designs that make the loaded scenario invalid, and why (keys and arguments, see i18n). */
export interface DesignProblems {
  problems: Problem[];
}

export interface LoadResult {
  /** Problems found by validation; when any is an error the previous scenario stays loaded. */
  problems: Problem[];
  topology: Topology | null;
  /**
   * With an aggregated topology (L, XL): the overview map in the same answer, so the page need not
   * ask again while the worker warms the new engine (Services, policies) and is busy for a second.
   */
  overview?: OverviewMap;
}

/**
 * The typed boundary between the page and the simulation core (comlink). Every call returns small
 * plain JSON; the model itself never crosses to the page.
 */
export interface SimApi {
  load(scenario: Scenario): Promise<LoadResult>;
  /** The loaded scenario under other designs; with problems (and no topology) it stays as it was. */
  setDesigns(designs: Designs): Promise<LoadResult>;
  /** The trace in its compact wire form (≤ 10 KiB); `client.ts` unpacks it. */
  trace(probe: Probe, endpoint?: string): Promise<PackedTrace>;
  /** An HTTP request through a Gateway or Ingress (two legs), packed; or why it cannot be traced. */
  httpTrace(probe: HttpProbe): Promise<PackedTrace | HttpTraceError>;
  /** The Gateways / Ingresses of the loaded scenario: proxies, status, route YAML. */
  l7View(): Promise<L7View>;
  show(netns: string, what: ShowWhat): Promise<string>;
  /** DNS lookup from a Pod (`NS/POD`) as its stub resolver and CoreDNS answer; null for an unknown Pod. */
  resolve(from: string, name: string, type?: DnsType): Promise<ResolveResult | null>;
  /** Kubernetes YAML onto the loaded scenario (replace or merge); no scenario when there is any error. */
  importYaml(text: string, mode?: 'replace' | 'merge'): Promise<YamlImportAnswer>;
  /** The loaded scenario as multi-document Kubernetes YAML. */
  exportYaml(): Promise<string>;
  /** Reachability matrix (rows = from, columns = to) for one port/protocol, with a per-Pod summary. */
  matrix(port: number, protocol: Protocol, filter?: MatrixFilter): Promise<MatrixAnswer>;
  /** What applying `policy` (replacing `previous`; null policy = delete `previous`) would flip. */
  whatIf(
    policy: K8sNetworkPolicy | null,
    previous: string | null,
    port: number,
    protocol: Protocol,
  ): Promise<WhatIfAnswer>;
  /** One flow traced before and after that change: the hops where policy decides. */
  whatIfTrace(
    policy: K8sNetworkPolicy | null,
    previous: string | null,
    probe: Probe,
  ): Promise<{ before: TraceSide; after: TraceSide }>;
  /** The picture of one policy (`ns/name`): selected Pods, peers and ports per direction; null if none. */
  policyPicture(key: string): Promise<PolicyPicture | null>;
  /** One NetworkPolicy from the editor's form, validated, with its YAML. */
  checkPolicy(policy: unknown): Promise<PolicyCheck>;
  /** The editor's YAML side: exactly one NetworkPolicy, validated. */
  parsePolicyYaml(text: string): Promise<PolicyCheck>;
  /** Builds a preset here (L/XL never cross to the page as objects) and loads it; focus is cleared. */
  loadPreset(id: PresetId, seed: number): Promise<LoadResult>;
  /** Nodes to draw in detail in an aggregated view (kept across design changes); [] = overview only. */
  focus(nodes: string[]): Promise<Topology>;
  /** The whole large-cluster overview: geometry as one transferred Float32Array (overview.ts). */
  overview(): Promise<OverviewMap>;
  /** Pods (`NS/POD`) and nodes whose name contains `query`, with their node; capped (SEARCH_LIMIT). */
  searchPods(query: string): Promise<PodMatch[]>;
  /** The node a Pod `NS/POD` runs on; null when there is no such Pod. */
  locatePod(key: string): Promise<{ node: string } | null>;
  /** The probe on the loaded scenario under its designs (A) and under `designs` (B), compared. */
  /** Or the problems the other designs find in the scenario (nothing to compare then). */
  compare(designs: Designs, probe: Probe): Promise<CompareAnswer | DesignProblems>;
  /**
   * Reads a share link (`#v1.…`) off the page's thread: bounded inflate, checksum, shape and
   * scenario validation. Presets named in `deferred` come back unbuilt (codec decodeDeferred).
   */
  openLink(fragment: string, deferred: string[]): Promise<OpenResult>;
}
