import { expose, type Endpoint } from 'comlink';
import { describe, expect, it } from 'vitest';
import { smallScenario } from '../scenario/presets/small';
import { createSimClient, type WorkerLoss } from './client';
import { guardedPageEndpoint, guardedWorkerEndpoint, refuseCall } from './guard';
import { createSimApi } from './sim.worker';

/** A worker over a MessageChannel: 'ok' runs the real API behind the guard; 'silent' never answers. */
function fakeWorker(kind: 'ok' | 'silent') {
  const { port1, port2 } = new MessageChannel();
  if (kind === 'ok') {
    const api = Object.freeze(createSimApi());
    expose(api, guardedWorkerEndpoint(port2 as unknown as Endpoint, new Set(Object.keys(api))));
  }
  port2.start();
  port1.start();
  return Object.assign(port1 as unknown as Endpoint, {
    terminate() {
      port1.close();
      port2.close();
    },
  });
}

describe('a simulator worker that dies is replaced', () => {
  it('an answer that never comes: a new worker gets the scenario and the call runs again', async () => {
    const kinds: ('ok' | 'silent')[] = ['ok', 'silent', 'ok'];
    const lost: WorkerLoss[] = [];
    const sim = createSimClient({
      createWorker: () => fakeWorker(kinds.shift() ?? 'ok'),
      answerTimeoutMs: 300,
      onRestart: (r) => lost.push(r),
    });
    const first = await sim.load(smallScenario());
    expect(first.topology).not.toBeNull();
    // The worker goes silent (the second one never answers): the trace still answers.
    sim.crashForTest();
    const trace = await sim.trace({
      from: 'default/client',
      to: 'default/backend',
      port: 80,
      protocol: 'TCP',
    });
    expect(trace?.verdict).toBe('delivered');
    expect(lost).toEqual(['error', 'timeout']);
    // The third worker holds the same scenario (and designs set later survive the next crash too).
    await sim.setDesigns({ intra: 'routed', inter: 'routing', proxy: 'iptables' });
    sim.crashForTest();
    const again = await sim.trace({
      from: 'default/client',
      to: 'default/backend',
      port: 80,
      protocol: 'TCP',
    });
    expect(again?.hops.some((h) => h.kind === 'encap')).toBe(false);
    expect(lost).toEqual(['error', 'timeout', 'error']);
    sim.dispose();
  });

  it('gives up with a message when every new worker dies too', async () => {
    const fatal: string[] = [];
    const sim = createSimClient({
      createWorker: () => fakeWorker('silent'),
      answerTimeoutMs: 50,
      onFatal: (m) => fatal.push(m),
    });
    // One request is tried on two workers, then refused; after three restarts with no answer at
    // all the simulator is reported broken instead of restarting forever.
    await expect(sim.load(smallScenario())).rejects.toThrow(/stopped twice/);
    expect(fatal).toEqual([]);
    await expect(sim.load(smallScenario())).rejects.toThrow(/several restarts/);
    expect(fatal).toEqual(['the simulator stopped again after several restarts']);
    sim.dispose();
  });
});

describe('the comlink channel accepts only method calls and well-formed replies', () => {
  const methods = new Set(['load', 'trace']);
  it('refuses SET, GET, CONSTRUCT, unknown methods and proxy arguments', () => {
    const call = { id: 'a', type: 'APPLY', path: ['load'], argumentList: [{ type: 'RAW', value: 1 }] };
    expect(refuseCall(call, methods)).toBeNull();
    expect(refuseCall({ ...call, type: 'SET', value: { type: 'RAW', value: 0 } }, methods)).toMatch(/SET/);
    expect(refuseCall({ ...call, type: 'GET' }, methods)).toMatch(/GET/);
    expect(refuseCall({ ...call, type: 'CONSTRUCT' }, methods)).toMatch(/CONSTRUCT/);
    expect(refuseCall({ ...call, path: ['__proto__'] }, methods)).toMatch(/method/);
    expect(refuseCall({ ...call, path: ['load', 'x'] }, methods)).toMatch(/method/);
    expect(refuseCall({ ...call, argumentList: [{ type: 'HANDLER', name: 'proxy' }] }, methods)).toMatch(
      /plain data/,
    );
    expect(refuseCall(null, methods)).not.toBeNull();
  });

  it('a SET sent to the worker is answered with an error and changes nothing', async () => {
    const w = fakeWorker('ok');
    const reply = new Promise<unknown>((resolve) =>
      w.addEventListener('message', ((ev: MessageEvent) => resolve(ev.data)) as EventListener),
    );
    w.postMessage({ id: 'x1', type: 'SET', path: ['load'], value: { type: 'RAW', value: 'pwned' } });
    expect(await reply).toMatchObject({ id: 'x1', type: 'HANDLER', name: 'throw', value: { isError: true } });
    w.terminate();
  });

  it('malformed replies are dropped on the page instead of throwing', () => {
    let malformed = 0;
    const listeners: ((ev: MessageEvent) => void)[] = [];
    const raw = {
      postMessage() {},
      addEventListener: (_t: string, l: (ev: MessageEvent) => void) => listeners.push(l),
      removeEventListener() {},
    } as unknown as Endpoint;
    const ep = guardedPageEndpoint(raw, () => malformed++);
    const got: unknown[] = [];
    const choke = (ev: MessageEvent) => {
      got.push(ev.data);
      throw new Error('comlink choked');
    };
    ep.addEventListener('message', choke as unknown as EventListener);
    for (const data of [
      null,
      'text',
      { id: 1 },
      { id: 'a', type: 'HANDLER', name: 'proxy', value: {} },
      { id: 'a', type: 'NOPE' },
      { id: 'a', type: 'RAW', value: 1 },
    ])
      expect(() => listeners[0]!({ data } as MessageEvent)).not.toThrow();
    expect(got).toEqual([{ id: 'a', type: 'RAW', value: 1 }]);
    expect(malformed).toBe(6);
  });
});
