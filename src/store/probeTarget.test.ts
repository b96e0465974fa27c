import { describe, expect, it } from 'vitest';
import { smallScenario } from '../scenario/presets/small';
import { createSimClient } from '../worker/client';
import { createAppStore } from './createAppStore';

async function ready() {
  const store = createAppStore({ sim: createSimClient({ inThread: true }) });
  await store.getState().loadScenario(smallScenario());
  return store;
}

const settle = async (store: Awaited<ReturnType<typeof ready>>) => {
  for (let i = 0; i < 50 && store.getState().status === 'tracing'; i++)
    await new Promise((r) => setTimeout(r, 0));
};

describe('choosing a probe', () => {
  it('picking a Service as To sets its real port, and the trace re-runs at once', async () => {
    const store = await ready();
    store.getState().setProbe({ port: 9090 });
    store.getState().chooseProbe({ from: 'default/client', to: 'default/backend' });
    expect(store.getState().probe).toMatchObject({ to: 'default/backend', port: 80, protocol: 'TCP' });
    await settle(store);
    const t = store.getState().trace!;
    expect(t.probe).toMatchObject({ to: 'default/backend', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect(t.warnings).toBeUndefined();
  });

  it('a port the Service does not serve is kept when chosen on purpose, with a warning', async () => {
    const store = await ready();
    store.getState().chooseProbe({ from: 'default/client', to: 'default/backend' });
    store.getState().chooseProbe({ port: 7070 });
    await settle(store);
    const t = store.getState().trace!;
    expect(t.probe.port).toBe(7070);
    expect(t.warnings?.[0]).toMatchObject({
      code: 'SERVICE_PORT_NOT_SERVED',
      args: { service: 'default/backend', port: 7070 },
    });
  });

  it('picking a Pod on the canvas re-traces to that Pod', async () => {
    const store = await ready();
    store.getState().pickPod('to', 'default/db-0');
    await settle(store);
    expect(store.getState().trace?.probe.to).toBe('default/db-0');
  });
});
