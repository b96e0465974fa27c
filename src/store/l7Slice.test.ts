import { describe, expect, it } from 'vitest';
import { gatewayScenario } from '../core/trace/http-testing';
import { createSimClient } from '../worker/client';
import { createAppStore } from './createAppStore';

async function ready() {
  const sim = createSimClient({ inThread: true });
  const store = createAppStore({ sim });
  await store.getState().loadScenario(gatewayScenario());
  await store.getState().refreshL7();
  return store;
}

describe('L7 in the store', () => {
  it('lists the Gateway with its proxy Pods, suggests a URL, and sends a request through both legs', async () => {
    const store = await ready();
    const l7 = store.getState().l7!;
    expect(l7.entries.map((e) => e.via)).toEqual(['gateway/default/web']);
    expect(l7.routes[0]!.key).toBe('default/shop-0');
    // The rule's lines in the route's YAML start at its list item.
    const [from, to] = l7.routes[0]!.rules[0]!;
    expect(l7.routes[0]!.yaml.split('\n')[from - 1]).toMatch(/^\s+- /);
    expect(to).toBeGreaterThan(from);
    expect(store.getState().httpForm.url).toBe('http://www.example.com/api');
    await store.getState().runHttpTrace({ autoplay: false });
    const t = store.getState().trace!;
    expect(t.verdict).toBe('delivered');
    expect(t.http!.route).toBe('default/shop-0');
    expect(t.hops.some((h) => h.leg === 'upstream')).toBe(true);
  });

  it('a bad URL leaves the trace alone and says why', async () => {
    const store = await ready();
    await store.getState().runHttpTrace({ autoplay: false });
    const before = store.getState().trace;
    store.getState().setHttpForm({ url: 'www.example.com/api' });
    await store.getState().runHttpTrace({ autoplay: false });
    expect(store.getState().httpError?.key).toBe('l7.request.badUrl');
    expect(store.getState().trace).toBe(before);
  });
});
