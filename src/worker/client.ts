import { wrap, type Endpoint, type Remote } from 'comlink';
import type { Designs, Scenario } from '../core/model/scenario';
import type { Probe, Trace } from '../core/trace/types';
import { unpackTrace, type PackedTrace } from '../core/trace/wire';
import type { HttpProbe, HttpTraceError } from '../core/trace/http-trace';
import type { Topology } from '../core/topology/types';
import type { DesignProblems, SimApi } from './api';
import type { PresetId } from '../scenario/presets/registry';
import type { OpenResult } from '../scenario/codec';
import type { Difference } from '../core/compare/diff';
import { guardedPageEndpoint } from './guard';

/**
 * The page's handle on the simulator. Traces are latest-wins: when a newer trace was requested
 * before an older one answered, the older resolves to null and the caller ignores it.
 *
 * A worker that dies (a script error, a crash or out-of-memory that leaves it silent, or an answer
 * that never comes) is replaced: the client starts a new worker, loads the scenario the old one
 * held, and runs the calls that were waiting again, so the page never stays "loading".
 */
export interface SimClient extends Omit<SimApi, 'trace' | 'httpTrace' | 'compare'> {
  readonly mode: 'worker' | 'in-thread';
  /** The trace unpacked; null when a newer trace was asked for first. */
  trace(probe: Probe, endpoint?: string): Promise<Trace | null>;
  /** An HTTP trace (latest-wins with `trace`): the trace, why it could not run, or null when superseded. */
  httpTrace(probe: HttpProbe): Promise<Trace | HttpTraceError | null>;
  /** The probe under the loaded designs and under `designs`, compared (compare mode), traces unpacked. */
  compare(
    designs: Designs,
    probe: Probe,
  ): Promise<
    { topology: Topology; a: Trace; b: Trace; differences: Difference[]; align: number[] } | DesignProblems
  >;
  /** Test hook: the worker dies silently, as an out-of-memory kill leaves it; recovery follows. */
  crashForTest(): void;
  dispose(): void;
}

/** Why a worker was replaced. */
export type WorkerLoss = 'error' | 'timeout';

export interface SimClientOptions {
  /** Run the engine on the page's thread (tests, or a browser without module workers). */
  inThread?: boolean;
  /** Called when the simulator cannot be recovered: pending calls are rejected with this message. */
  onFatal?: (message: string) => void;
  /** Called when a worker died and a new one took over with the same scenario. */
  onRestart?: (reason: WorkerLoss) => void;
  /** Makes a worker (tests pass a MessagePort-backed fake); default: the module worker. */
  createWorker?: () => Endpoint & { terminate(): void };
  /** An answer not back after this long means the worker is gone (default 30 s; 120 s for builds). */
  answerTimeoutMs?: number;
}

/** Answer deadlines: long enough for an XL build on a slow, busy machine. */
const ANSWER_TIMEOUT_MS = 30_000;
const BUILD_TIMEOUT_FACTOR = 4;
/** A call that was running when two workers in a row died is not tried a third time. */
const MAX_ATTEMPTS = 2;
/** Restarts in a row without a single answer in between: then the simulator is reported broken. */
const MAX_RESTARTS_WITHOUT_ANSWER = 3;

type WorkerLike = Endpoint & { terminate(): void };

interface Call {
  run(api: Remote<SimApi>): Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  timeoutMs: number;
  attempts: number;
}

/** The scenario a worker holds, replayed into a new worker: a load or a preset, then designs and focus. */
interface Held {
  base: { kind: 'load'; scenario: Scenario } | { kind: 'preset'; id: PresetId; seed: number } | null;
  designs: Designs | null;
  focus: string[] | null;
}

export function createSimClient(options: SimClientOptions = {}): SimClient {
  const useWorker =
    !options.inThread && (options.createWorker !== undefined || typeof Worker !== 'undefined');
  let latestTrace = 0;
  if (!useWorker) {
    const local = import('./sim.worker').then((m) => m.createSimApi());
    return facade('in-thread', (run) => local.then((a) => run(a as unknown as Remote<SimApi>)), {
      crash: () => {},
      dispose: () => {},
    });
  }

  const timeout = options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS;
  const make =
    options.createWorker ??
    (() => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike);
  const held: Held = { base: null, designs: null, focus: null };
  const pending = new Set<Call>();
  let generation = 0;
  let restartsWithoutAnswer = 0;
  let disposed = false;
  let worker: WorkerLike;
  let api: Promise<Remote<SimApi>>;

  function spawn(replay: boolean): void {
    const gen = generation;
    worker = make();
    const onError = () => {
      if (gen === generation) lost('error');
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    const remote = wrap<SimApi>(guardedPageEndpoint(worker, () => {}));
    api = replay ? restore(remote).then(() => remote) : Promise.resolve(remote);
  }

  /** Puts the held scenario into a new worker, as it was: base, designs, focus. */
  async function restore(remote: Remote<SimApi>): Promise<void> {
    const { base, designs, focus } = held;
    if (base?.kind === 'load') await remote.load(base.scenario);
    else if (base?.kind === 'preset') await remote.loadPreset(base.id, base.seed);
    else return;
    if (designs) await remote.setDesigns(designs);
    if (focus) await remote.focus(focus);
  }

  function lost(reason: WorkerLoss): void {
    if (disposed) return;
    generation++;
    worker.terminate();
    restartsWithoutAnswer++;
    if (restartsWithoutAnswer > MAX_RESTARTS_WITHOUT_ANSWER) {
      const message = 'the simulator stopped again after several restarts';
      for (const c of pending) c.reject(new Error(message));
      pending.clear();
      options.onFatal?.(message);
      spawn(false);
      held.base = null;
      return;
    }
    spawn(true);
    options.onRestart?.(reason);
    for (const c of [...pending]) {
      if (c.attempts >= MAX_ATTEMPTS) {
        pending.delete(c);
        c.reject(new Error('the simulator stopped twice while answering this request'));
      } else start(c);
    }
  }

  function start(c: Call): void {
    const gen = generation;
    c.attempts++;
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
      timer = undefined;
      if (gen === generation && pending.has(c)) lost('timeout');
    }, c.timeoutMs);
    const settle = (ok: boolean, v: unknown) => {
      if (gen !== generation || !pending.has(c)) return; // a newer worker runs it again
      clearTimeout(timer);
      pending.delete(c);
      restartsWithoutAnswer = 0;
      if (ok) c.resolve(v);
      else c.reject(v);
    };
    api.then(
      (a) =>
        c.run(a).then(
          (v) => settle(true, v),
          (e) => settle(false, e),
        ),
      (e) => settle(false, e),
    );
  }

  function call<T>(run: (api: Remote<SimApi>) => Promise<T>, timeoutMs = timeout): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const c: Call = { run, resolve: resolve as (v: unknown) => void, reject, timeoutMs, attempts: 0 };
      pending.add(c);
      start(c);
    });
  }

  spawn(false);
  return facade('worker', call, {
    crash() {
      // Silent, like a killed process: only the answer timeout or the next error notices.
      worker.terminate();
      lost('error');
    },
    dispose() {
      disposed = true;
      worker.terminate();
    },
    remember(update) {
      update(held);
    },
    buildTimeout: timeout * BUILD_TIMEOUT_FACTOR,
  });

  /** The SimClient methods over a call runner; state-setting calls are remembered for a restart. */
  function facade(
    mode: SimClient['mode'],
    run: <T>(f: (api: Remote<SimApi>) => Promise<T>, timeoutMs?: number) => Promise<T>,
    ctl: {
      crash(): void;
      dispose(): void;
      remember?: (update: (h: Held) => void) => void;
      buildTimeout?: number;
    },
  ): SimClient {
    const remember = ctl.remember ?? (() => {});
    const build = ctl.buildTimeout;
    return {
      mode,
      async load(scenario) {
        const r = await run((a) => a.load(scenario), build);
        if (r.topology)
          remember((h) => Object.assign(h, { base: { kind: 'load', scenario }, designs: null, focus: null }));
        return r;
      },
      async setDesigns(designs) {
        const r = await run((a) => a.setDesigns(designs), build);
        if (r.topology) remember((h) => (h.designs = designs));
        return r;
      },
      async trace(probe, endpoint) {
        const seq = ++latestTrace;
        const packed = await run((a) => a.trace(probe, endpoint));
        return seq === latestTrace ? unpackTrace(packed) : null;
      },
      async httpTrace(probe) {
        const seq = ++latestTrace;
        const r: PackedTrace | HttpTraceError = await run<PackedTrace | HttpTraceError>((a) =>
          a.httpTrace(probe),
        );
        if (seq !== latestTrace) return null;
        return 'hops' in r ? unpackTrace(r) : r;
      },
      l7View: () => run((a) => a.l7View()),
      show: (netns, what) => run((a) => a.show(netns, what)),
      resolve: (from, name, type) => run((a) => a.resolve(from, name, type)),
      importYaml: (text, m) => run((a) => a.importYaml(text, m), build),
      exportYaml: () => run((a) => a.exportYaml(), build),
      matrix: (port, protocol, filter) => run((a) => a.matrix(port, protocol, filter), build),
      whatIf: (policy, previous, port, protocol) =>
        run((a) => a.whatIf(policy, previous, port, protocol), build),
      whatIfTrace: (policy, previous, probe) => run((a) => a.whatIfTrace(policy, previous, probe), build),
      policyPicture: (key) => run((a) => a.policyPicture(key), build),
      checkPolicy: (policy) => run((a) => a.checkPolicy(policy)),
      parsePolicyYaml: (text) => run((a) => a.parsePolicyYaml(text)),
      async loadPreset(id, seed) {
        const r = await run((a) => a.loadPreset(id, seed), build);
        if (r.topology)
          remember((h) =>
            Object.assign(h, { base: { kind: 'preset', id, seed }, designs: null, focus: null }),
          );
        return r;
      },
      async focus(nodes) {
        const t = await run((a) => a.focus(nodes));
        remember((h) => (h.focus = [...nodes]));
        return t;
      },
      overview: () => run((a) => a.overview()),
      searchPods: (query) => run((a) => a.searchPods(query)),
      locatePod: (key) => run((a) => a.locatePod(key)),
      async compare(designs, probe) {
        const r = await run<Awaited<ReturnType<SimApi['compare']>>>((a) => a.compare(designs, probe), build);
        return 'problems' in r ? r : { ...r, a: unpackTrace(r.a), b: unpackTrace(r.b) };
      },
      openLink: (fragment, deferred) =>
        run<OpenResult>((a) => a.openLink(fragment, deferred) as Promise<OpenResult>),
      crashForTest: () => ctl.crash(),
      dispose: () => ctl.dispose(),
    };
  }
}
