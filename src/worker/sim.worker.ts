import { expose, transfer, type Endpoint } from 'comlink';
import { guardedWorkerEndpoint } from './guard';
import { decodeDeferred } from '../scenario/codec';
import {
  buildEngine,
  engineShow,
  engineTopology,
  engineTrace,
  engineHttpTrace,
  tryDesigns,
  warmEngine,
  type Engine,
} from '../core/engine';
import type { DesignProblems, SimApi } from './api';
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
import { compareDesigns } from '../core/compare/compare';
import { alignHops } from '../core/compare/align';
import type { Designs } from '../core/model/scenario';

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
  // Compare mode: the same scenario built under other design sets, kept beside the loaded engine
  // (a few at most), dropped whenever another scenario is loaded.
  const others = new Map<string, Engine>();
  const designKey = (d: Designs) => `${d.intra}/${d.inter}/${d.proxy}`;
  const otherEngine = (d: Designs): Engine | DesignProblems => {
    const key = designKey(d);
    const base = loaded();
    if (designKey(base.world.designs) === key) return base;
    let e = others.get(key);
    if (!e) {
      const r = tryDesigns(base, d);
      if (!r.engine) return { problems: r.problems };
      e = r.engine;
      if (others.size >= 3) others.delete(others.keys().next().value!);
      others.set(key, e);
    }
    return e;
  };
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
      if (next) others.clear();
      if (next) warmSoon(next);
      return { problems, topology: next ? engineTopology(next) : null };
    },
    async setDesigns(designs) {
      const prev = loaded();
      let next = others.get(designKey(designs));
      if (!next) {
        const r = tryDesigns(prev, designs);
        // the scenario stays under its designs, as a load with problems keeps the previous one
        if (!r.engine) return { problems: r.problems, topology: null };
        next = r.engine;
      }
      engine = next;
      others.delete(designKey(designs));
      others.set(designKey(prev.world.designs), prev);
      if (others.size > 3) others.delete(others.keys().next().value!);
      warmSoon(engine);
      if (current) current = { ...current, designs };
      return { problems: [], topology: engineTopology(engine, focus) };
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
      if (next) others.clear();
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
    async compare(designs, probe) {
      const b = otherEngine(designs);
      if ('problems' in b) return b;
      const c = compareDesigns(loaded(), b, probe);
      return {
        topology: engineTopology(b, focus),
        a: packTrace(c.a.trace),
        b: packTrace(c.b.trace),
        differences: c.differences,
        align: alignHops(c.a.trace.hops, c.b.trace.hops),
      };
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
