import type { Topology } from '../core/topology/types';
import type { GetState, ScenarioSlice, SetState, StoreDeps, ProbeForm } from './types';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Keeps the probe valid for a topology: both ends must be drawn Pods, preferably on two nodes. */
export function fitProbe(probe: ProbeForm, topology: Topology): ProbeForm {
  const pods = topology.nodes.flatMap((n) => n.pods.map((p) => ({ key: p.key, node: n.name })));
  const has = (k: string) => pods.some((p) => p.key === k);
  const services = new Set(topology.services.map((s) => s.key));
  // Besides drawn Pods: `from` may be a node's host netns or `external`; `to` a Service, or an IP
  // or DNS name as typed (only `NS/NAME` keys must name something that exists).
  const fromOk = (k: string) => has(k) || k === 'external' || topology.nodes.some((n) => n.netns === k);
  const toOk = (k: string) => has(k) || services.has(k) || (k !== '' && !k.includes('/'));
  let { from, to } = probe;
  if (!fromOk(from)) from = pods[0]?.key ?? '';
  if (!toOk(to) || to === from) {
    const fromNode = pods.find((p) => p.key === from)?.node;
    to = (pods.find((p) => p.node !== fromNode) ?? pods.find((p) => p.key !== from))?.key ?? '';
  }
  return { ...probe, from, to };
}

export function createScenarioSlice(set: SetState, get: GetState, deps: StoreDeps): ScenarioSlice {
  return {
    scenario: null,
    async loadScenario(scenario) {
      set({ status: 'loading', error: null });
      try {
        const result = await deps.sim.load(scenario);
        if (!result.topology) {
          set({ status: get().topology ? 'ready' : 'idle', problems: result.problems });
          return;
        }
        set({
          scenario,
          topology: result.topology,
          problems: result.problems,
          probe: fitProbe(get().probe, result.topology),
          trace: null,
          hopIndex: 0,
          playing: false,
          status: 'ready',
        });
        await get().refreshLinux();
      } catch (e) {
        set({ status: get().topology ? 'ready' : 'idle', error: message(e) });
      }
    },
    async setDesigns(patch) {
      const { scenario, topology } = get();
      // A preset built in the worker (L/XL) has no scenario on the page; its designs still change.
      if (!topology) return;
      const designs = { ...topology.designs, ...patch };
      set({ status: 'loading', error: null });
      try {
        const r = await deps.sim.setDesigns(designs);
        // designs that do not fit the scenario (e.g. vpc with Pod IPs off the node network): the
        // scenario stays under its designs and the problems say why
        if (!r.topology) return set({ status: 'ready', problems: r.problems });
        const next = r.topology;
        set({
          problems: [],
          scenario: scenario ? { ...scenario, designs } : null,
          topology: next,
          probe: fitProbe(get().probe, next),
          status: 'ready',
        });
        // The same flow under the new designs: re-run it so the drawn path follows.
        if (get().trace) await get().runTrace({ autoplay: false });
        await get().refreshLinux();
      } catch (e) {
        set({ status: 'ready', error: message(e) });
      }
    },
  };
}
