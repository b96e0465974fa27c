import { expose, transfer, type Endpoint } from 'comlink';
import { guardedWorkerEndpoint } from './guard';
import { decodeDeferred } from '../scenario/codec';
import {
  buildEngine,
  engineShow,
  engineTopology,
  engineTrace,
  engineHttpTrace,
  withDesigns,
  warmEngine,
  type Engine,
} from '../core/engine';
import type { SimApi } from './api';
import { packTrace } from '../core/trace/wire';
import { l7View } from './l7View';
import { policyPicture } from '../core/policy';
import { policyIndexFor } from '../core/reach-view';
import { engineResolve } from '../core/queries';
import type { Scenario } from '../core/model/scenario';
import {
  checkPolicy,
  exportScenario,
  importInto,
  matrixAnswer,
  policyFromYaml,
  whatIfAnswer,
  whatIfTraceAnswer,
} from './policyApi';
import { buildPreset } from '../scenario/presets/registry';
import { locatePod, overviewMap, searchPods } from './overview';

/**
 * SimApi over the pure engine. The engine (cluster + Linux state) lives here and never crosses to
 * the page; each call returns small plain JSON. Also used in-thread by client.ts when no Worker
 * exists (tests).
 */
export function createSimApi(): SimApi {
  let engine: Engine | null = null;
  // The scenario as the page sent it (the engine's copy carries the cluster add-ons): YAML import base.
  let current: Scenario | null = null;
  // Nodes drawn in detail in an aggregated view (drill-in); reset by every load.
  let focus: string[] = [];
  const loaded = (): Engine => {
    if (!engine) throw new Error('No scenario is loaded yet');
    return engine;
  };
  // After answering with the first view, build what the engine deferred (Services, policies), so the
  // first trace or matrix usually finds them ready. A later call simply builds them itself if needed.
  const warmSoon = (e: Engine): void => {
    setTimeout(() => {
      if (engine === e) warmEngine(e);
    }, 0);
  };
  return {
    async load(scenario) {
      const { engine: next, problems } = buildEngine(scenario);
      // With errors the previous scenario stays loaded (api.ts contract).
      if (next) [engine, current, focus] = [next, scenario, []];
      if (next) warmSoon(next);
      return { problems, topology: next ? engineTopology(next) : null };
    },
    async setDesigns(designs) {
      engine = withDesigns(loaded(), designs);
      warmSoon(engine);
      if (current) current = { ...current, designs };
      return engineTopology(engine, focus);
    },
    async trace(probe, endpoint) {
      return packTrace(engineTrace(loaded(), probe, endpoint));
    },
    async httpTrace(probe) {
      const t = engineHttpTrace(loaded(), probe);
      return 'error' in t ? t : packTrace(t);
    },
    async l7View() {
      return l7View(loaded());
    },
    async show(netns, what) {
      return engineShow(loaded(), netns, what);
    },
    async resolve(from, name, type) {
      return engineResolve(loaded(), from, name, type);
    },
    async importYaml(text, mode = 'replace') {
      return importInto(current ?? loaded().cluster.scenario, text, mode);
    },
    async exportYaml() {
      return exportScenario(current ?? loaded().cluster.scenario);
    },
    async matrix(port, protocol, filter) {
      return matrixAnswer(loaded(), port, protocol, filter);
    },
    async whatIf(policy, previous, port, protocol) {
      return whatIfAnswer(loaded(), policy, previous, port, protocol);
    },
    async policyPicture(key) {
      return policyPicture(policyIndexFor(loaded()), key);
    },
    async whatIfTrace(policy, previous, probe) {
      return whatIfTraceAnswer(loaded(), policy, previous, probe);
    },
    async checkPolicy(policy) {
      return checkPolicy(policy);
    },
    async parsePolicyYaml(text) {
      return policyFromYaml(text);
    },
    async loadPreset(id, seed) {
      const scenario = buildPreset(id, seed);
      const { engine: next, problems } = buildEngine(scenario);
      if (next) [engine, current, focus] = [next, scenario, []];
      if (next) warmSoon(next);
      const topology = next ? engineTopology(next) : null;
      if (!next || !topology?.aggregated) return { problems, topology };
      // The map travels with the answer (transferred): asked separately, it would wait for warmSoon.
      const overview = overviewMap(next);
      return transfer({ problems, topology, overview }, [overview.geometry.buffer]);
    },
    async focus(nodes) {
      focus = [...nodes];
      return engineTopology(loaded(), focus);
    },
    async overview() {
      const map = overviewMap(loaded());
      // Moved, not copied: the page's thread gets the buffer without a structured clone of its contents.
      return transfer(map, [map.geometry.buffer]);
    },
    async searchPods(query) {
      return searchPods(loaded(), String(query));
    },
    async locatePod(key) {
      return locatePod(loaded(), key);
    },
    async openLink(fragment, deferred) {
      // Links are inflated and checked here, never on the page's thread (bounded: codec/limits.ts).
      return decodeDeferred(String(fragment), new Set(Array.isArray(deferred) ? deferred.map(String) : []));
    },
  };
}

// Expose only when running as a worker (the in-thread fallback imports this module too).
const inWorker =
  typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' &&
  typeof (globalThis as { document?: unknown }).document === 'undefined';
if (inWorker) {
  // Frozen, and reachable only through method calls: comlink's SET/GET/CONSTRUCT are refused.
  const api = Object.freeze(createSimApi());
  expose(api, guardedWorkerEndpoint(globalThis as unknown as Endpoint, new Set(Object.keys(api))));
}
