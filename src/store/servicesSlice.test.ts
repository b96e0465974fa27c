import { describe, expect, it } from 'vitest';
import { smallScenario } from '../scenario/presets/small';
import { createSimClient } from '../worker/client';
import { createAppStore } from './createAppStore';
import { fitProbe } from './scenarioSlice';

async function ready() {
  const sim = createSimClient({ inThread: true });
  const store = createAppStore({ sim });
  await store.getState().loadScenario(smallScenario());
  return store;
}

describe('Services and DNS in the store', () => {
  it('resolves a name from a Pod through the worker, with the tried names and the ClusterIP', async () => {
    const store = await ready();
    const backend = store.getState().topology!.services.find((s) => s.key === 'default/backend')!;
    store.getState().setDnsQuery({ from: 'default/client', name: ' backend.default ' });
    await store.getState().resolveName();
    const r = store.getState().dnsResult!;
    expect(r.query.name).toBe('backend.default');
    expect(r.result!.answers.map((a) => a.data)).toEqual([backend.clusterIP]);
    expect(r.result!.tried.map((x) => x.rcode)).toEqual(['NXDOMAIN', 'NOERROR']);
    store.getState().setDnsQuery({ from: 'default/nope' });
    await store.getState().resolveName();
    expect(store.getState().dnsResult).toMatchObject({ result: null });
  });

  it('a chosen endpoint decides where a Service trace goes', async () => {
    const store = await ready();
    const backend = store.getState().topology!.services.find((s) => s.key === 'default/backend')!;
    store.getState().setProbe({ from: 'default/client', to: 'default/backend', port: 80 });
    for (const ep of backend.ports[0]!.endpoints!) {
      store.getState().setTraceEndpoint(ep);
      await store.getState().runTrace({ autoplay: false });
      const pod = backend.endpoints.find((e) => ep.startsWith(`${e.ip}:`))!.pod;
      expect(store.getState().trace!.deliveredTo).toBe(pod);
    }
  });

  it('switching the proxy mode re-runs the trace under the new rules', async () => {
    const store = await ready();
    store.getState().setProbe({ from: 'default/client', to: 'default/backend', port: 80 });
    await store.getState().runTrace({ autoplay: false });
    expect(store.getState().trace!.hops.find((h) => h.kind === 'dnat')!.table).toBe('nat');
    await store.getState().setDesigns({ proxy: 'ipvs' });
    expect(store.getState().topology!.designs.proxy).toBe('ipvs');
    expect(store.getState().trace!.hops.find((h) => h.kind === 'dnat')!.table).toBe('nat + ipvs');
  });

  it('keeps Service, external, node and typed-name ends of a probe; resets unknown Pod keys', async () => {
    const store = await ready();
    const topo = store.getState().topology!;
    const base = { port: 80, protocol: 'TCP' as const };
    expect(fitProbe({ ...base, from: 'external', to: 'default/frontend' }, topo)).toMatchObject({
      from: 'external',
      to: 'default/frontend',
    });
    expect(fitProbe({ ...base, from: 'node/node-2', to: 'backend.default' }, topo)).toMatchObject({
      from: 'node/node-2',
      to: 'backend.default',
    });
    const fixed = fitProbe({ ...base, from: 'default/gone', to: 'default/gone-too' }, topo);
    const pods = topo.nodes.flatMap((n) => n.pods.map((p) => p.key));
    expect(pods).toContain(fixed.from);
    expect(pods).toContain(fixed.to);
  });
});
